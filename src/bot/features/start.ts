import { MENU_COMMANDS } from "../commands.js";
import type { BotContext } from "../context.js";
import { isLocale } from "../i18n.js";
import { mainMenu } from "../keyboards.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/** Deep-link payloads we accept (`t.me/bot?start=...`): Telegram allows A-Z a-z 0-9 _ - up to 64 chars. */
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;
const FLOW_PAYLOADS = new Set(["check", "remind"]);

export const startFeature = new FeatureComposer<BotContext>();

/** The welcome, then every command by name, so none is hidden behind the buttons. */
export function welcomeText(ctx: BotContext): string {
  const list = MENU_COMMANDS.map((c) => `/${c}`).join(" ");
  return `${ctx.t("start.welcome", { name: ctx.from?.first_name ?? "" })}\n\n${ctx.t("start.commands", { list })}`;
}

startFeature.command("start", async (ctx, next) => {
  // /start always begins afresh: an unfinished flow would otherwise capture the next message.
  ctx.flow.exitAll();
  const payload = ctx.match.trim();
  // Deep links into a flow are answered by that flow's feature, which sits after the flows.
  if (FLOW_PAYLOADS.has(payload)) return next();
  if (payload && PAYLOAD.test(payload)) {
    const lang = /^lang_([a-z]{2})$/.exec(payload)?.[1];
    if (isLocale(lang)) await ctx.setLocale(lang);
  } else if (payload) {
    ctx.services.logger.debug({ update_id: ctx.update.update_id }, "ignored an invalid start payload");
  }
  await ctx.reply(welcomeText(ctx), {
    parse_mode: "HTML",
    reply_markup: mainMenu(ctx.t),
  });
});
