import type { Context, LazySessionFlavor } from "grammy";
import type { Logger } from "../logger.js";
import type { Clock, Locale, Stores } from "../store/index.js";
import type { RatesProvider } from "../rates/provider.js";
import type { FaqSearch } from "./faq/search/index.js";
import type { I18n, TFunction } from "./i18n.js";
import type { FlowFlavor } from "./middleware/flows.js";

/** Per-chat session data, read lazily (`await ctx.session`); features add optional fields of their own (none needs one yet). */
export type SessionData = Record<string, never>;

/** What every handler can reach: injected once in createBot, so tests swap any of it. */
export interface BotServices {
  stores: Stores;
  i18n: I18n;
  logger: Logger;
  clock: Clock;
  /** The FAQ search, built on first use. */
  faq: () => Pick<FaqSearch, "search">;
  /** Official exchange rates for /check; without it, only the embedded table (src/rules/data/facts/rates.ts). */
  rates?: RatesProvider;
}

export interface I18nFlavor {
  locale: Locale;
  t: TFunction;
  /** Saves the user's language and re-derives `t`, so the reply to the choice is already in it. */
  setLocale(locale: Locale): Promise<void>;
}

export type BaseContext = Context & I18nFlavor & { services: BotServices };

/** The context of the outer middleware. */
export type BotContext = BaseContext & LazySessionFlavor<SessionData> & FlowFlavor;

/** What a flow's helpers need of the context: the update, its chat and the person's language. */
export type FlowContext = Context & I18nFlavor;
