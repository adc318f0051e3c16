import MiniSearch from "minisearch";
import { FAQ_TOPICS } from "../../../rules/index.js";
import { SUPPORTED_LOCALES, type Locale } from "../../../store/index.js";
import type { I18n } from "../../i18n.js";
import { renderAnswer } from "../renderAnswer.js";
import type { SearchData } from "./searchData.js";
import { processTerm, tokenize } from "./terms.js";

interface TopicDoc {
  id: string;
  topic: string;
  lng: Locale;
  title: string;
  examples: string;
  keywords: string;
  answer: string;
}

export type Confidence = "confident" | "weak" | "none";

export interface SearchResult {
  confidence: Confidence;
  /** Best first, one entry per topic, at most three. */
  topics: Array<{ id: string; score: number }>;
}

/** Tuned on the curated examples' structure, then checked with `npm run bench:faq` (see bench/README.md). */
export const THRESHOLDS = {
  /** Below this best score nothing is offered. */
  minScore: 4,
  /** A confident answer needs this best score… */
  confidentScore: 12,
  /** …and to lead the runner-up by this factor… */
  leadRatio: 1.35,
  /** …and to cover this share of the question's meaningful words. */
  coverage: 0.5,
};

/**
 * Finds FAQ topics from free text in any of the four languages. One MiniSearch index holds, per
 * topic and language, the title, the curated examples and keywords, and the answer text, so a
 * question in a language other than the user's is still understood. Built once, on first use.
 */
export class FaqSearch {
  private readonly index: MiniSearch<TopicDoc>;

  constructor(i18n: I18n, data: Record<Locale, SearchData>, year: number) {
    this.index = new MiniSearch<TopicDoc>({
      fields: ["title", "examples", "keywords", "answer"],
      storeFields: ["topic", "lng"],
      tokenize,
      processTerm: (term) => processTerm(term) ?? null,
    });
    const docs: TopicDoc[] = [];
    for (const lng of SUPPORTED_LOCALES) {
      for (const topic of FAQ_TOPICS) {
        const answer = renderAnswer(topic.id, i18n, lng, year);
        const extra = data[lng][topic.id] ?? { examples: [], keywords: [] };
        docs.push({
          id: `${topic.id}:${lng}`,
          topic: topic.id,
          lng,
          title: answer.title,
          examples: extra.examples.join("\n"),
          keywords: extra.keywords.join("\n"),
          answer: answer.body.replace(/<[^>]+>/g, " "),
        });
      }
    }
    this.index.addAll(docs);
  }

  search(question: string): SearchResult {
    const meaningful = new Set(tokenize(question).flatMap((w) => (processTerm(w) ? [w] : [])));
    if (meaningful.size === 0) return { confidence: "none", topics: [] };
    const hits = this.index.search(question, {
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      boost: { keywords: 3, title: 2.5, examples: 2, answer: 0.6 },
      combineWith: "OR",
    });
    const best = new Map<string, { score: number; matched: Set<string> }>();
    for (const hit of hits) {
      const topic = String(hit.topic);
      const seen = best.get(topic);
      if (!seen || hit.score > seen.score) best.set(topic, { score: hit.score, matched: new Set(hit.queryTerms) });
    }
    const ranked = [...best].sort((a, b) => b[1].score - a[1].score);
    const topics = ranked.slice(0, 3).map(([id, v]) => ({ id, score: Math.round(v.score * 100) / 100 }));
    const top = ranked[0]?.[1];
    if (!top || top.score < THRESHOLDS.minScore) return { confidence: "none", topics: [] };
    const second = ranked[1]?.[1].score ?? 0;
    const coverage = coverageOf(top.matched, meaningful);
    const confident = top.score >= THRESHOLDS.confidentScore && top.score >= second * THRESHOLDS.leadRatio && coverage >= THRESHOLDS.coverage;
    return { confidence: confident ? "confident" : "weak", topics };
  }
}

/** Share of the question's meaningful words that the best document matched (by any of their terms). */
function coverageOf(matchedTerms: Set<string>, words: Set<string>): number {
  let covered = 0;
  for (const word of words) {
    const terms = processTerm(word) ?? [];
    if (terms.some((t) => [...matchedTerms].some((m) => m === t || m.startsWith(t) || t.startsWith(m)))) covered++;
  }
  return covered / words.size;
}
