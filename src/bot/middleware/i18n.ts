import type { Context, MiddlewareFn } from "grammy";
import type { Locale, UserPrefs, UserStore } from "../../store/index.js";
import type { BotServices, I18nFlavor } from "../context.js";
import { pickLocale } from "../i18n.js";

type LanguagePrefs = Pick<UserPrefs, "language" | "seenLocale">;

/**
 * The language preferences of the people whose update is being handled, per users store: the outer
 * middleware reads them once, and the contexts a conversation builds while it handles that update (its
 * replay and the update it waited for, each through the flow's own i18n plugin) take them from here instead
 * of reading and decrypting the same row again (two or three reads a /check step). Written only by the outer
 * middleware, and removed when its update is done, so nothing outlives an update.
 */
const handling = new WeakMap<UserStore, Map<number, { prefs: LanguagePrefs; updates: number }>>();

function handled(users: UserStore) {
  let map = handling.get(users);
  if (!map) handling.set(users, (map = new Map()));
  return map;
}

/**
 * Installs `ctx.locale`, `ctx.t` and `ctx.setLocale` from the user's saved choice or Telegram's
 * language. Used by the outer middleware and, as a plugin, inside conversations (whose contexts
 * are built fresh and see no outer middleware): see `flowI18nMiddleware`.
 */
export function i18nMiddleware<C extends Context & I18nFlavor>(services: Pick<BotServices, "stores" | "i18n">): MiddlewareFn<C> {
  return languageMiddleware<C>(services, false);
}

/** The i18n plugin of a conversation: the same, with the preferences the outer middleware read for this update. */
export function flowI18nMiddleware<C extends Context & I18nFlavor>(services: Pick<BotServices, "stores" | "i18n">): MiddlewareFn<C> {
  return languageMiddleware<C>(services, true);
}

function languageMiddleware<C extends Context & I18nFlavor>(services: Pick<BotServices, "stores" | "i18n">, insideFlow: boolean): MiddlewareFn<C> {
  const { stores, i18n } = services;
  return async (ctx, next) => {
    const id = ctx.from?.id;
    const live = id === undefined ? undefined : handled(stores.users);
    // Inside a flow, the outer middleware's reading of this update, if there is one (there is not when
    // a conversation is advanced outside an update's handling); the outer middleware always reads.
    const shared = insideFlow && id !== undefined ? live!.get(id) : undefined;
    const prefs: LanguagePrefs = shared ? { language: shared.prefs.language, seenLocale: shared.prefs.seenLocale } : id !== undefined ? await stores.users.get(id) : {};
    const locale = pickLocale(prefs.language, ctx.from?.language_code);
    ctx.locale = locale;
    ctx.t = i18n.getFixedT(locale);
    // Reminders go out without an update to read the language from: remember it (written only on change).
    if (id !== undefined && prefs.seenLocale !== locale) {
      await stores.users.update(id, { seenLocale: locale });
      prefs.seenLocale = locale;
      const entry = live!.get(id);
      if (entry) entry.prefs.seenLocale = locale;
    }
    // The one closure an update needs (it holds the person and their preferences); the rest is inline.
    ctx.setLocale = async (chosen) => {
      if (id !== undefined) {
        await stores.users.update(id, { language: chosen });
        prefs.language = chosen;
        const entry = live!.get(id);
        if (entry) entry.prefs.language = chosen;
      }
      ctx.locale = chosen;
      ctx.t = i18n.getFixedT(chosen);
    };
    if (insideFlow || id === undefined) return next();
    // Two updates of one person can be handled at once (in two chats): the entry lives until both are done.
    let entry = live!.get(id);
    if (entry) entry.prefs = { language: prefs.language, seenLocale: prefs.seenLocale };
    else live!.set(id, (entry = { prefs: { language: prefs.language, seenLocale: prefs.seenLocale }, updates: 0 }));
    entry.updates++;
    try {
      await next();
    } finally {
      if (--entry.updates === 0) live!.delete(id);
    }
  };
}
