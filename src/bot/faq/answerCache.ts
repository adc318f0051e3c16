import type { Locale } from "../../store/index.js";
import type { I18n } from "../i18n.js";
import { resourceCaches } from "../render/resourceCache.js";
import { renderAnswer, type RenderedAnswer } from "./renderAnswer.js";

/**
 * Rendered FAQ answers, kept while they cannot change. An answer depends on its topic, the language, the day
 * (the pilot note, the MRP year, facts past review) and the i18n resources, nothing else: not the person, not
 * the time of day. Rendering one formats every fact it cites and builds its source line, about 12% of the bot's
 * CPU under load when done per question; with 49 topics in four languages there are at most 196 answers a day.
 *
 * The day is part of the key; the i18n resources are watched by `resourceCaches` (one cache per i18n instance,
 * emptied when a resource is added or removed).
 */
export interface AnswerCache {
  answer(topicId: string, locale: Locale, today: string): RenderedAnswer;
}

/** Far above the 196 answers of one day: a bound in case days are asked out of order (tests, clocks that jump). */
const MAX_ENTRIES = 1_000;

const rendered = resourceCaches<RenderedAnswer>(MAX_ENTRIES);

/** The cache of `i18n` (its entries emptied when its resources change). */
export function answerCache(i18n: I18n): AnswerCache {
  const cache = rendered(i18n);
  return {
    answer: (topicId, locale, today) => cache.get(`${today}\u0000${locale}\u0000${topicId}`, () => renderAnswer(topicId, i18n, locale, today)),
  };
}
