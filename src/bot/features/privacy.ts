import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { ABANDONED_AFTER_MS } from "../housekeeping.js";
import { ACTION } from "../keyboards.js";

export const privacyFeature = new Composer<BotContext>();

const privacyText = (ctx: BotContext) => ctx.t("privacy.text", { hours: ABANDONED_AFTER_MS / 3_600_000 });

privacyFeature.command("privacy", (ctx) => ctx.reply(privacyText(ctx), { parse_mode: "HTML" }));

privacyFeature.callbackQuery(ACTION.privacy, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(privacyText(ctx), { parse_mode: "HTML" });
});
