import { InlineKeyboard } from "grammy";
import { SUPPORTED_LOCALES } from "../../store/index.js";
import type { BotContext } from "../context.js";
import { isLocale } from "../i18n.js";
import { ACTION } from "../keyboards.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/** Each language names itself, so a person who cannot read the current one still finds theirs. */
const NATIVE_NAMES = { en: "English", ru: "Русский", kk: "Қазақша", de: "Deutsch" } as const;

export const languageFeature = new FeatureComposer<BotContext>();

function languageKeyboard(current: string): InlineKeyboard {
  const kb = new InlineKeyboard();
  SUPPORTED_LOCALES.forEach((lng, i) => {
    kb.text(`${lng === current ? "✓ " : ""}${NATIVE_NAMES[lng]}`, `lang:${lng}`);
    if (i % 2 === 1 && i < SUPPORTED_LOCALES.length - 1) kb.row();
  });
  return kb;
}

const askLanguage = (ctx: BotContext) =>
  ctx.reply(ctx.t("language.choose"), { reply_markup: languageKeyboard(ctx.locale) });

languageFeature.command("language", askLanguage);

languageFeature.callbackQuery(ACTION.language, async (ctx) => {
  await ctx.answerCallbackQuery();
  await askLanguage(ctx);
});

languageFeature.callbackQuery(/^lang:(.+)$/, async (ctx) => {
  const chosen = ctx.match[1];
  if (!isLocale(chosen)) {
    await ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
    return;
  }
  await ctx.setLocale(chosen);
  await ctx.answerCallbackQuery({ text: ctx.t("language.saved") });
  await ctx.editMessageText(ctx.t("language.saved_long", { language: NATIVE_NAMES[chosen] }), {
    reply_markup: languageKeyboard(chosen),
  });
});
