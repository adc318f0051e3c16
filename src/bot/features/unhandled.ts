import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/** The last feature: whatever nobody else answered gets a short, helpful reply, never silence. */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") }));

unhandledFeature.on(["edited_message", "edited_business_message"], (ctx) => ctx.reply(ctx.t("unhandled.edited")));

unhandledFeature.on("message::bot_command", (ctx) => {
  const command = ctx.message.text?.split(/[\s@]/)[0] ?? "";
  return ctx.reply(ctx.t("unhandled.unknown_command", { command }));
});

unhandledFeature.on("message:text", (ctx) => ctx.reply(ctx.t("unhandled.text")));

unhandledFeature.on("message", (ctx) => ctx.reply(ctx.t("unhandled.media")));
