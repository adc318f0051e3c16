import type { BotContext } from "../context.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/** The last feature: whatever nobody else answered gets a short, helpful reply, never silence. */
export const unhandledFeature = new FeatureComposer<BotContext>();

/** How much of an unknown command is echoed back: enough to recognise it, far below Telegram's 4,096. */
export const MAX_ECHOED_COMMAND = 64;

unhandledFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") }));

unhandledFeature.on(["edited_message", "edited_business_message"], (ctx) => ctx.reply(ctx.t("unhandled.edited")));

unhandledFeature.on("message::bot_command", (ctx) => {
  const word = ctx.message.text?.split(/[\s@]/)[0] ?? "";
  const command = [...word].length > MAX_ECHOED_COMMAND ? `${[...word].slice(0, MAX_ECHOED_COMMAND).join("")}…` : word;
  // i18next escapes the interpolated command for HTML, so the reply must be parsed as HTML.
  return ctx.reply(ctx.t("unhandled.unknown_command", { command }), { parse_mode: "HTML" });
});

unhandledFeature.on("message:text", (ctx) => ctx.reply(ctx.t("unhandled.text")));

unhandledFeature.on("message", (ctx) => ctx.reply(ctx.t("unhandled.media")));
