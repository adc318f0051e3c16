import i18next, { type i18n as I18nInstance, type InitOptions, type Resource, type TFunction } from "i18next";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SUPPORTED_LOCALES, type Locale } from "../store/types.js";
import { translationCache } from "./i18nCache.js";
import { germanDative } from "./render/germanDative.js";

export type { TFunction };
export type I18n = I18nInstance;

export const DEFAULT_LOCALE: Locale = "en";
export const DEFAULT_NAMESPACE = "common";

/** The project's locales folder, found relative to this file so it works from any working directory. */
export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

/** Telegram's HTML parse mode knows only these three entities; interpolated values are escaped with them. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Reads every `locales/<lng>/<namespace>.json` file into i18next resources. */
export function loadResources(dir: string = LOCALES_DIR): Resource {
  const resources: Resource = {};
  for (const lng of SUPPORTED_LOCALES) {
    resources[lng] = {};
    for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith(".json"))) {
      resources[lng][basename(file, ".json")] = JSON.parse(readFileSync(join(dir, lng, file), "utf8"));
    }
  }
  return resources;
}

/** The options the bot's i18next instance is initialised with (tests compare the cache with a plain instance). */
export function i18nOptions(resources: Resource): InitOptions {
  return {
    initAsync: false,
    resources,
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    ns: Object.keys(resources[DEFAULT_LOCALE] ?? {}),
    defaultNS: DEFAULT_NAMESPACE,
    interpolation: { escape: escapeHtml, escapeValue: true },
    returnNull: false,
  };
}

/**
 * Creates the one i18next instance of the process. Call `getFixedT(locale)` per update; never
 * `changeLanguage`, which is global and would leak one user's language into another's reply.
 */
export function createI18n(resources: Resource = loadResources()): I18n {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(resources));
  instance.services.formatter?.add("dative", (value, lng) => germanDative(value, lng) as string);
  // `getFixedT(lng)` hands out one cached `t` per language (src/bot/i18nCache.ts says why); other forms
  // (a namespace, a key prefix, a list of languages) stay i18next's own.
  const cache = translationCache(instance);
  const original = instance.getFixedT.bind(instance);
  instance.getFixedT = ((lng: unknown, ...rest: unknown[]) =>
    typeof lng === "string" && rest.every((x) => x === undefined) ? cache.fixedT(lng) : (original as (...a: unknown[]) => unknown)(lng, ...rest)) as typeof instance.getFixedT;
  return instance;
}

/**
 * The reply language: the user's saved choice, else the primary subtag of Telegram's
 * `language_code` when we support it, else English.
 */
export function pickLocale(saved: string | undefined, telegramLanguageCode: string | undefined): Locale {
  if (isLocale(saved)) return saved;
  const primary = telegramLanguageCode?.toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}
