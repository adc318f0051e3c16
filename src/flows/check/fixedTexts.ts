import type { I18n, TFunction } from "../../bot/i18n.js";
import type { Locale } from "../../store/index.js";
import { resourceCaches } from "../../bot/render/resourceCache.js";
import { forgetCheckVars } from "./vars.js";

/**
 * Texts and keyboards of /check that depend only on the language and the i18n resources (the intro, each
 * question's text, each question's buttons), built once per language instead of on every update: every check
 * in a language sends the same ones, and a question's text is sent again when its answer closes it.
 *
 * The same cache as the FAQ's answers (src/bot/render/resourceCache.ts): one bounded map per i18n instance,
 * emptied when a resource is added or removed. What is handed out is shared between calls, so it must be
 * immutable: strings, or objects frozen all the way down.
 */
export interface FixedTexts {
  /** The value for `locale` and `id`, built with that language's `t` on first use. */
  get<T>(locale: Locale, id: string, build: (t: TFunction) => T): T;
}

/** 4 languages x (the intro, 13 questions, 13 keyboards with Back and 13 without) is under 200. */
const MAX_ENTRIES = 1_000;

// The texts interpolate the check's variables, which are rendered with `t` too.
const built = resourceCaches<unknown>(MAX_ENTRIES, forgetCheckVars);

/** The fixed texts of `i18n` (built on first use, emptied when its resources change). */
export function fixedTexts(i18n: I18n): FixedTexts {
  const cache = built(i18n);
  return {
    get: <T,>(locale: Locale, id: string, build: (t: TFunction) => T): T => cache.get(`${locale}\u0000${id}`, () => build(i18n.getFixedT(locale))) as T,
  };
}

