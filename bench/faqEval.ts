import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { FaqSearch } from "../src/bot/faq/search/index.js";
import { SUPPORTED_LOCALES, type Locale } from "../src/store/index.js";

const QUESTIONS_FILE = fileURLToPath(new URL("../test/data/faq-questions.json", import.meta.url));

const questionsSchema = z.array(z.object({ lang: z.enum(SUPPORTED_LOCALES), q: z.string(), topic: z.string().nullable() }));
export type LabelledQuestion = z.infer<typeof questionsSchema>[number];

export function loadLabelledQuestions(): LabelledQuestion[] {
  return questionsSchema.parse(JSON.parse(readFileSync(QUESTIONS_FILE, "utf8")));
}

export interface LanguageFigures {
  lang: Locale;
  onTopic: number;
  offTopic: number;
  /** Share of on-topic questions whose best topic is the labelled one. */
  top1: number;
  /** Share of on-topic questions answered directly and correctly. */
  confidentCorrect: number;
  /** Share of all questions answered with "did you mean" buttons. */
  weak: number;
  /** Share of all questions answered directly with a wrong topic (off-topic ones included). */
  wrongConfident: number;
  /** Share of off-topic questions that got no direct answer. */
  offTopicHeld: number;
  misses: Array<{ q: string; want: string | null; got: string | undefined; confidence: string }>;
}

/** Runs the labelled questions through the search and computes the figures per language. */
export function evaluateFaq(search: FaqSearch, questions: LabelledQuestion[]): LanguageFigures[] {
  return SUPPORTED_LOCALES.map((lang) => {
    const mine = questions.filter((q) => q.lang === lang);
    let top1 = 0, confidentCorrect = 0, weak = 0, wrongConfident = 0, offTopicHeld = 0;
    const misses: LanguageFigures["misses"] = [];
    for (const item of mine) {
      const result = search.search(item.q);
      const got = result.topics[0]?.id;
      if (result.confidence === "weak") weak++;
      if (item.topic === null) {
        if (result.confidence !== "confident") offTopicHeld++;
        else wrongConfident++;
        if (result.confidence === "confident") misses.push({ q: item.q, want: null, got, confidence: result.confidence });
        continue;
      }
      if (got === item.topic) top1++;
      if (result.confidence === "confident") {
        if (got === item.topic) confidentCorrect++;
        else wrongConfident++;
      }
      if (got !== item.topic) misses.push({ q: item.q, want: item.topic, got, confidence: result.confidence });
    }
    const on = mine.filter((q) => q.topic !== null).length;
    const off = mine.length - on;
    return {
      lang,
      onTopic: on,
      offTopic: off,
      top1: top1 / on,
      confidentCorrect: confidentCorrect / on,
      weak: weak / mine.length,
      wrongConfident: wrongConfident / mine.length,
      offTopicHeld: off ? offTopicHeld / off : 1,
      misses,
    };
  });
}
