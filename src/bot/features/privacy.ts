import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { ACTION } from "../keyboards.js";

export const privacyFeature = new Composer<BotContext>();

const privacyText = (ctx: BotContext) => ctx.t("privacy.text");

privacyFeature.command("privacy", (ctx) => ctx.reply(privacyText(ctx), { parse_mode: "HTML" }));

privacyFeature.callbackQuery(ACTION.privacy, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(privacyText(ctx), { parse_mode: "HTML" });
});
