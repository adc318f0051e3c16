import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { FaqSearch, SearchResult } from "../src/bot/faq/search/index.js";
import { SUPPORTED_LOCALES, type Locale } from "../src/store/index.js";

const OLD_FILE = fileURLToPath(new URL("../test/data/faq-questions.json", import.meta.url));
const NEW_FILE = fileURLToPath(new URL("../test/data/faq-questions-2.json", import.meta.url));

const questionsSchema = z.array(z.object({ lang: z.enum(SUPPORTED_LOCALES), q: z.string(), topic: z.string().nullable() }));
export type LabelledQuestion = z.infer<typeof questionsSchema>[number];

/** The first labelled set (issue 4): a topic id, or null for an off-topic question. */
export function loadLabelledQuestions(): LabelledQuestion[] {
  return questionsSchema.parse(JSON.parse(readFileSync(OLD_FILE, "utf8")));
}

/** Labels of the second set that are no FAQ topic: off-topic, and in the domain but not covered. */
export const NO_TOPIC_LABELS = ["out_of_scope", "none"] as const;

/**
 * The second labelled set (issue 11), written apart from the search data, with its fixed split: questions at
 * even positions of the file tune the search, those at odd positions are held out and give the figures.
 */
export function loadSecondSet(half: "tuning" | "held_out" | "all" = "all"): LabelledQuestion[] {
  const all = questionsSchema.parse(JSON.parse(readFileSync(NEW_FILE, "utf8")));
  return half === "all" ? all : all.filter((_, i) => i % 2 === (half === "tuning" ? 0 : 1));
}

const DEV_DIR = fileURLToPath(new URL("./data/", import.meta.url));

/**
 * The development sets (bench/data/faq-dev-*.json, 2026-12-02): questions written apart from the search data by
 * writers who read only the answers, one set plain and one hard (vague, indirect, misspelled, close neighbours).
 * They tune, like the second set's even half; the second set's odd half stays the only held-out figures.
 */
export function loadDevSets(): Array<{ name: string; questions: LabelledQuestion[] }> {
  if (!existsSync(DEV_DIR)) return [];
  return readdirSync(DEV_DIR)
    .filter((f) => /^faq-dev-.*\.json$/.test(f))
    .sort()
    .map((f) => ({ name: f, questions: questionsSchema.parse(JSON.parse(readFileSync(`${DEV_DIR}${f}`, "utf8"))) }));
}

/** What the bot does with a question: the topics (or conversation reply) it answers, and the buttons it offers. */
export function outcomeOf(result: SearchResult): { answered: string[]; offered: string[] } {
  if (result.chat) return { answered: [result.chat], offered: [] };
  const ids = result.topics.map((t) => t.id);
  switch (result.confidence) {
    case "confident":
      return { answered: ids.slice(0, result.both ? 2 : 1), offered: [] };
    case "likely":
      return result.both ? { answered: ids.slice(0, 2), offered: ids.slice(2) } : { answered: ids.slice(0, 1), offered: ids.slice(1, 3) };
    case "weak":
      return { answered: [], offered: ids };
    case "none":
      return { answered: [], offered: [] };
  }
}

export interface LanguageFigures {
  lang: Locale;
  /** Questions with a topic (or a conversation basic) as their label. */
  onTopic: number;
  /** Questions labelled off-topic or not covered (null in the first set). */
  offTopic: number;
  /** Share of on-topic questions whose best topic is the labelled one. */
  top1: number;
  /** Share of on-topic questions answered directly with the labelled topic (among the two when both programs are answered). */
  directRight: number;
  /** Share of on-topic questions not answered right directly but offered the labelled topic as a button. */
  rightInButtons: number;
  /** Share of all questions answered with "did you mean" buttons only. */
  weak: number;
  /** Share of all questions answered directly with a wrong topic (off-topic ones included). */
  wrongDirect: number;
  /** Share of off-topic and not-covered questions that got no topic and no buttons ("not covered" or "what I can do"). */
  offTopicRecognised: number;
  /** Share of off-topic and not-covered questions that got no direct answer (buttons allowed). */
  offTopicHeld: number;
  misses: Array<{ q: string; want: string | null; got: string; confidence: string }>;
}

/** Runs labelled questions through the search and computes the figures per language. */
export function evaluateFaq(search: FaqSearch, questions: LabelledQuestion[]): LanguageFigures[] {
  return SUPPORTED_LOCALES.map((lang) => {
    const mine = questions.filter((q) => q.lang === lang);
    let top1 = 0, directRight = 0, rightInButtons = 0, weak = 0, wrongDirect = 0, recognised = 0, held = 0, on = 0;
    const misses: LanguageFigures["misses"] = [];
    for (const item of mine) {
      const result = search.search(item.q);
      const { answered, offered } = outcomeOf(result);
      const got = `${answered.join("+") || "-"}${offered.length ? ` [${offered.join(", ")}]` : ""}${result.none ? ` (${result.none})` : ""}`;
      if (result.confidence === "weak") weak++;
      const offTopic = item.topic === null || (NO_TOPIC_LABELS as readonly string[]).includes(item.topic);
      if (offTopic) {
        if (answered.length === 0) held++;
        else wrongDirect++;
        if (answered.length === 0 && offered.length === 0) recognised++;
        else misses.push({ q: item.q, want: item.topic, got, confidence: result.confidence });
        continue;
      }
      on++;
      const want = item.topic!;
      if ((result.chat ?? result.topics[0]?.id) === want) top1++;
      if (answered.includes(want)) directRight++;
      else {
        if (answered.length > 0) wrongDirect++;
        if (offered.includes(want)) rightInButtons++;
        misses.push({ q: item.q, want, got, confidence: result.confidence });
      }
    }
    const off = mine.length - on;
    return {
      lang,
      onTopic: on,
      offTopic: off,
      top1: top1 / on,
      directRight: directRight / on,
      rightInButtons: rightInButtons / on,
      weak: weak / mine.length,
      wrongDirect: wrongDirect / mine.length,
      offTopicRecognised: off ? recognised / off : 1,
      offTopicHeld: off ? held / off : 1,
      misses,
    };
  });
}
