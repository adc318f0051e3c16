import type { InlineKeyboard } from "grammy";
import { almatyToday } from "../../rules/index.js";
import { maskToFilters } from "../../rules/compare/index.js";
import type { BotContext } from "../context.js";
import { CMP_CB, kazakhstanKeyboard, renderKazakhstan, renderWorld, worldKeyboard } from "../compare/render.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * `/compare`: B9-1 and B12-1 side by side, then Kazakhstan's programs among comparable nomad programs of other
 * countries from the sources' tables, with filters as buttons and pages. Works in groups too (nothing personal).
 */
export const compareFeature = new FeatureComposer<BotContext>();

const view = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, today: almatyToday(ctx.services.clock.now()) });
const OPTIONS = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };

compareFeature.command("compare", (ctx) => ctx.reply(renderKazakhstan(view(ctx)), { ...OPTIONS, reply_markup: kazakhstanKeyboard(ctx.t) }));

/** Shows `text` in the pressed message; when that message can no longer be edited, sends it anew. */
async function show(ctx: BotContext, text: string, reply_markup: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(text, { ...OPTIONS, reply_markup });
  } catch {
    await ctx.reply(text, { ...OPTIONS, reply_markup });
  }
}

compareFeature.callbackQuery(CMP_CB.kz, async (ctx) => {
  await ctx.answerCallbackQuery();
  await show(ctx, renderKazakhstan(view(ctx)), kazakhstanKeyboard(ctx.t));
});

compareFeature.callbackQuery(/^cmp:w:(\d{1,2}):(\d{1,2})$/, async (ctx) => {
  const filters = maskToFilters(Number(ctx.match[1]));
  const page = Number(ctx.match[2]);
  const rendered = filters ? renderWorld(view(ctx), filters, page) : undefined;
  if (!filters || !rendered || page >= rendered.pages) return void (await ctx.answerCallbackQuery({ text: ctx.t("compare:stale") }));
  await ctx.answerCallbackQuery();
  await show(ctx, rendered.text, worldKeyboard(ctx.t, filters, page, rendered.pages));
});

/** Any other "cmp:" press: an old or tampered button. */
compareFeature.callbackQuery(/^cmp:/, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("compare:stale") }));
