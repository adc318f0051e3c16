import type { Context, MiddlewareFn } from "grammy";
import type { Locale } from "../../store/index.js";
import type { BotServices, I18nFlavor } from "../context.js";
import { pickLocale } from "../i18n.js";

/**
 * Installs `ctx.locale`, `ctx.t` and `ctx.setLocale` from the user's saved choice or Telegram's
 * language. Used by the outer middleware and, as a plugin, inside conversations (whose contexts
 * are built fresh and see no outer middleware).
 */
export function i18nMiddleware<C extends Context & I18nFlavor>(services: Pick<BotServices, "stores" | "i18n">): MiddlewareFn<C> {
  return async (ctx, next) => {
    const { stores, i18n } = services;
    const prefs = ctx.from ? await stores.users.get(ctx.from.id) : {};
    const apply = (locale: Locale) => {
      ctx.locale = locale;
      ctx.t = i18n.getFixedT(locale);
    };
    apply(pickLocale(prefs.language, ctx.from?.language_code));
    // Reminders go out without an update to read the language from: remember it (written only on change).
    if (ctx.from && prefs.seenLocale !== ctx.locale) await stores.users.update(ctx.from.id, { seenLocale: ctx.locale });
    ctx.setLocale = async (locale) => {
      if (ctx.from) await stores.users.update(ctx.from.id, { language: locale });
      apply(locale);
    };
    await next();
  };
}
