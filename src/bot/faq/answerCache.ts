import type { Locale } from "../../store/index.js";
import type { I18n } from "../i18n.js";
import { renderAnswer, type RenderedAnswer } from "./renderAnswer.js";

/**
 * Rendered FAQ answers, kept while they cannot change. An answer depends on its topic, the language, the day
 * (the pilot note, the MRP year, facts past review) and the i18n resources, nothing else: not the person, not
 * the time of day. Rendering one formats every fact it cites and builds its source line, about 12% of the bot's
 * CPU under load when done per question; with 49 topics in four languages there are at most 196 answers a day.
 *
 * Hand-written: a keyed map with two invalidations (a new day, a resource added or removed) is smaller than any
 * cache library's setup. One cache per i18n instance, so bots built with other resources (tests) never share.
 */
export interface AnswerCache {
  answer(topicId: string, locale: Locale, today: string): RenderedAnswer;
}

/** Far above the 196 answers of one day: a bound in case days are asked out of order (tests, clocks that jump). */
const MAX_ENTRIES = 1_000;

const caches = new WeakMap<I18n, AnswerCache>();

/** The cache of `i18n` (built on first use, emptied when its resources change). */
export function answerCache(i18n: I18n): AnswerCache {
  let cache = caches.get(i18n);
  if (!cache) {
    const entries = new Map<string, RenderedAnswer>();
    const clear = () => entries.clear();
    i18n.store.on("added", clear);
    i18n.store.on("removed", clear);
    cache = {
      answer(topicId, locale, today) {
        const key = `${today}\u0000${locale}\u0000${topicId}`;
        let hit = entries.get(key);
        if (!hit) {
          hit = renderAnswer(topicId, i18n, locale, today);
          if (entries.size >= MAX_ENTRIES) entries.clear();
          entries.set(key, hit);
        }
        return hit;
      },
    };
    caches.set(i18n, cache);
  }
  return cache;
}
