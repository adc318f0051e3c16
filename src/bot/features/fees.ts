import { InlineKeyboard } from "grammy";
import { almatyToday } from "../../rules/index.js";
import { loadOutcome } from "../../rules/outcome/index.js";
import type { DocRoute } from "../../rules/documents/index.js";
import { createRatesProvider, type RatesProvider } from "../../rates/provider.js";
import type { BotContext } from "../context.js";
import { renderFees } from "../fees/render.js";
import { outcomeRoutes, routeCode, routeKeyboard, routeOfCode } from "../render/routeChoice.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * `/fees`: every fee of the person's route (from their last /check outcome; without one, a choice of route),
 * with the totals and an approximate total in the currency they gave their income in, through the injected
 * rate provider (issue 10's rates). When no official rate is available it says the total cannot be converted.
 */
export const feesFeature = new FeatureComposer<BotContext>();
const privateChats = feesFeature.chatType("private");

const FEE_CB = { route: (route: DocRoute) => `fee:r:${routeCode(route)}` } as const;

/** Without an injected provider (tests, local chat without one): the embedded table only, which is empty. */
let embeddedOnly: RatesProvider | undefined;
const ratesOf = (ctx: BotContext) => ctx.services.rates ?? (embeddedOnly ??= createRatesProvider({ now: () => ctx.services.clock.now() }));

feesFeature.chatType(["group", "supergroup"]).command("fees", (ctx) =>
  ctx.reply(ctx.t("fees:private_only"), { reply_markup: new InlineKeyboard().url(ctx.t("check:private_only_button"), `https://t.me/${ctx.me.username}`) }),
);

async function sendFees(ctx: BotContext, route: DocRoute, currency: string | undefined): Promise<void> {
  const today = almatyToday(ctx.services.clock.now());
  const rates = currency ? await ratesOf(ctx).current(today) : undefined;
  const { text } = renderFees({ t: ctx.t, locale: ctx.locale, today }, route, currency, rates);
  await ctx.reply(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
}

privateChats.command("fees", async (ctx) => {
  const record = await loadOutcome(ctx.services.stores, ctx.from.id);
  const routes = outcomeRoutes(record);
  if (record && routes.length === 1) return sendFees(ctx, routes[0]!, record.currency ?? "USD");
  await ctx.reply(ctx.t(routes.length > 1 ? "fees:choose_route_outcome" : "fees:choose_route"), {
    reply_markup: routeKeyboard(ctx.t, FEE_CB.route, routes.length > 1 ? routes : undefined),
  });
});

privateChats.callbackQuery(/^fee:r:([a-z0-9]+)$/, async (ctx) => {
  const route = routeOfCode(ctx.match[1]);
  if (!route) return void (await ctx.answerCallbackQuery({ text: ctx.t("fees:stale") }));
  await ctx.answerCallbackQuery();
  // The person's currency comes from their outcome (USD when they typed dollars); without one it is not known.
  const record = await loadOutcome(ctx.services.stores, ctx.from.id);
  await sendFees(ctx, route, record ? (record.currency ?? "USD") : undefined);
});

feesFeature.callbackQuery(/^fee:/, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("fees:stale") }));
