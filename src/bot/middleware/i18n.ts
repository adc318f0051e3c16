import type { Context, MiddlewareFn } from "grammy";
import type { UserPrefs } from "../../store/index.js";
import type { BotServices, I18nFlavor } from "../context.js";
import { pickLocale } from "../i18n.js";

type LanguagePrefs = Pick<UserPrefs, "language" | "seenLocale">;

/**
 * Installs `ctx.locale`, `ctx.t` and `ctx.setLocale` from the user's saved choice or Telegram's
 * language, read once per update; the flows run on the same context.
 */
export function i18nMiddleware<C extends Context & I18nFlavor>(services: Pick<BotServices, "stores" | "i18n">): MiddlewareFn<C> {
  const { stores, i18n } = services;
  return async (ctx, next) => {
    const id = ctx.from?.id;
    const prefs: LanguagePrefs = id !== undefined ? await stores.users.get(id) : {};
    const locale = pickLocale(prefs.language, ctx.from?.language_code);
    ctx.locale = locale;
    ctx.t = i18n.getFixedT(locale);
    // Reminders go out without an update to read the language from: remember it (written only on change).
    if (id !== undefined && prefs.seenLocale !== locale) {
      await stores.users.update(id, { seenLocale: locale });
      prefs.seenLocale = locale;
    }
    // The one closure an update needs (it holds the person and their preferences); the rest is inline.
    ctx.setLocale = async (chosen) => {
      if (id !== undefined) {
        await stores.users.update(id, { language: chosen });
        prefs.language = chosen;
      }
      ctx.locale = chosen;
      ctx.t = i18n.getFixedT(chosen);
    };
    return next();
  };
}
