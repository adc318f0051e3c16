import type { BotContext } from "../context.js";
import { ABANDONED_AFTER_MS, INACTIVE_AFTER_MONTHS, UNREADABLE_KEPT_DAYS } from "../housekeeping.js";
import type { TFunction } from "../i18n.js";
import { ACTION } from "../keyboards.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

export const privacyFeature = new FeatureComposer<BotContext>();

/**
 * The /privacy text, with its figures taken from the code that enforces them (the sweeps in
 * housekeeping.ts and the cipher in src/store/crypto.ts).
 */
export function privacyText(t: TFunction): string {
  return t("privacy.text", {
    hours: t("privacy.hours", { count: ABANDONED_AFTER_MS / 3_600_000 }),
    months: t("privacy.months", { count: INACTIVE_AFTER_MONTHS }),
    days: t("privacy.days", { count: UNREADABLE_KEPT_DAYS }),
    cipher: "AES-256-GCM",
  });
}

privacyFeature.command("privacy", (ctx) => ctx.reply(privacyText(ctx.t), { parse_mode: "HTML" }));

privacyFeature.callbackQuery(ACTION.privacy, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(privacyText(ctx.t), { parse_mode: "HTML" });
});
