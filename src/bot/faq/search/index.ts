import MiniSearch from "minisearch";
import { factList, FAQ_TOPICS, findTopic, matchCountry } from "../../../rules/index.js";
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

/**
 * A question that names a country or nationality ("I have an Indian passport…") is about who may
 * apply: such questions get a marker term, and these topics carry it.
 */
const COUNTRY_MARK = "qcountry";
const EAEU_MARK = "qeaeu";
/**
 * A question about speaking or learning a language is about the language topic; "Russian" or "Kazakh"
 * in it names a language, not a citizenship, so it gets no country marker.
 */
const LANGUAGE_MARK = "qlang";
const LANGUAGE_HINT =
  /(language|speak|learn|know (russian|kazakh)|english only|язык|по-русски|по-казахски|казахского|говор[юи]|тіл[іде]|сөйле|қазақша|орысша|sprach|sprech|kasachisch(?![a-zäöüß])|russisch(?![a-zäöüß]))/iu;
/** …unless it asks about the cover letter, whose topic says which languages it may be in. */
const COVER_LETTER_HINT = /(cover letter|motivation|сопроводительн|мотивацион|ілеспе|anschreiben)/iu;
/** A question naming both programs is most likely asking to compare them. */
const BOTH_MARK = "qboth";
const MARKED_TOPICS: Readonly<Record<string, readonly string[]>> = {
  b91_citizenship: [COUNTRY_MARK],
  b121_citizenship: [COUNTRY_MARK],
  eaeu: [COUNTRY_MARK, EAEU_MARK, EAEU_MARK],
  compare: [BOTH_MARK],
  language: [LANGUAGE_MARK, LANGUAGE_MARK],
};

/** The program tokens of programNames.ts, and how much a topic of the program a question did not name counts. */
const PROGRAM_TERMS: ReadonlyArray<readonly [string, "B9-1" | "B12-1"]> = [
  ["progbnine", "B9-1"],
  ["progbtwelve", "B12-1"],
];
const OTHER_PROGRAM_WEIGHT = 0.6;

/** A term found in more than this share of topics tells topics apart poorly ("visa", "Kazakhstan"). */
const COMMON_TERM_SHARE = 0.35;

/**
 * When to answer directly. Chosen by a grid search on the even-numbered half of the labelled
 * questions and checked on the odd-numbered half (bench/README.md), never tuned per question.
 */
export const THRESHOLDS = {
  /** Below this best score nothing is offered. */
  minScore: 4,
  /** A confident answer needs this best score… */
  confidentScore: 12,
  /** …and to lead the runner-up by this factor… */
  leadRatio: 1.35,
  /** …and to cover this share of the question's informative words. */
  coverage: 0.4,
};

/**
 * Finds FAQ topics from free text in any of the four languages. One MiniSearch index holds, per
 * topic and language, the title, the curated examples and keywords, and the answer text, so a
 * question in a language other than the user's is still understood. Built once, on first use.
 */
export class FaqSearch {
  private readonly index: MiniSearch<TopicDoc>;
  /** Terms that occur in too many topics to decide between them. */
  private readonly commonTerms: ReadonlySet<string>;

  constructor(i18n: I18n, data: Record<Locale, SearchData>, today: string) {
    this.index = new MiniSearch<TopicDoc>({
      fields: ["title", "examples", "keywords", "answer"],
      storeFields: ["topic", "lng"],
      tokenize,
      processTerm: (term) => processTerm(term) ?? null,
    });
    const docs: TopicDoc[] = [];
    for (const lng of SUPPORTED_LOCALES) {
      for (const topic of FAQ_TOPICS) {
        const answer = renderAnswer(topic.id, i18n, lng, today);
        const extra = data[lng][topic.id] ?? { examples: [], keywords: [] };
        docs.push({
          id: `${topic.id}:${lng}`,
          topic: topic.id,
          lng,
          title: [answer.title, ...(MARKED_TOPICS[topic.id] ?? [])].join(" "),
          examples: extra.examples.join("\n"),
          keywords: [...extra.keywords, ...(MARKED_TOPICS[topic.id] ?? [])].join("\n"),
          answer: answer.text.replace(/<[^>]+>/g, " "),
        });
      }
    }
    this.index.addAll(docs);
    this.commonTerms = commonTermsOf(docs);
  }

  search(fullQuestion: string): SearchResult {
    const question = firstPart(fullQuestion);
    const meaningful = new Set(tokenize(question).filter((w) => w.length <= QUERY_BOUNDS.wordChars && processTerm(w) !== null));
    if (meaningful.size === 0) return { confidence: "none", topics: [] };
    const informative = new Set([...meaningful].filter((w) => !this.commonTerms.has(processTerm(w)!)));
    // Words found in most topics only blur the ranking: search with the others when there are any.
    const words = [...meaningful];
    const terms = words.map((w) => processTerm(w));
    const both = terms.includes("progbnine") && terms.includes("progbtwelve") ? [BOTH_MARK] : [];
    const language = LANGUAGE_HINT.test(question) && !COVER_LETTER_HINT.test(question) ? [LANGUAGE_MARK] : [];
    const marks = language.length ? language : countryMarks(question);
    const hits = this.index.search([...words, ...marks, ...both].join(" "), {
      prefix: (term) => term.length >= 3,
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
    // A question that names one program is about that program: topics of the other one weigh less.
    const named = PROGRAM_TERMS.filter(([term]) => terms.includes(term)).map(([, program]) => program);
    if (named.length === 1) {
      for (const [id, v] of best) {
        const program = findTopic(id)?.program;
        if (program && program !== named[0]) v.score *= OTHER_PROGRAM_WEIGHT;
      }
    }
    const ranked = [...best].sort((a, b) => b[1].score - a[1].score);
    const topics = ranked.slice(0, 3).map(([id, v]) => ({ id, score: Math.round(v.score * 100) / 100 }));
    const top = ranked[0]?.[1];
    if (!top || top.score < THRESHOLDS.minScore) return { confidence: "none", topics: [] };
    const second = ranked[1]?.[1].score ?? 0;
    const coverage = informative.size === 0 ? 0 : coverageOf(top.matched, informative);
    const confident = top.score >= THRESHOLDS.confidentScore && top.score >= second * THRESHOLDS.leadRatio && coverage >= THRESHOLDS.coverage;
    return { confidence: confident ? "confident" : "weak", topics };
  }
}

/**
 * How much of a question is searched. The labelled questions have at most 133 characters; a
 * 4,096-character message costs about 0.5 s when searched whole, so it is searched on its first
 * part: the first `chars` characters (cut at a space when there is one in the last fifth), words
 * of at most `wordChars` letters (longer ones are no words of any of our languages).
 */
export const QUERY_BOUNDS = { chars: 280, wordChars: 40 } as const;

/** The part of a question that is searched: see QUERY_BOUNDS. */
export function firstPart(question: string): string {
  if (question.length <= QUERY_BOUNDS.chars) return question;
  let head = question.slice(0, QUERY_BOUNDS.chars);
  const space = head.search(/\s\S*$/u);
  if (space >= QUERY_BOUNDS.chars * 0.8) head = head.slice(0, space);
  // Never end on half of a surrogate pair.
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** Share of the question's words whose term the best document matched (exactly, by prefix or by a typo). */
function coverageOf(matchedTerms: Set<string>, words: Set<string>): number {
  let covered = 0;
  for (const word of words) {
    const term = processTerm(word)!;
    if (matchedTerms.has(term) || [...matchedTerms].some((m) => m.startsWith(term) || term.startsWith(m))) covered++;
  }
  return covered / words.size;
}

/** Marker terms for the countries a question names by name, code or nationality (exact matches only). */
function countryMarks(question: string): string[] {
  const words = question.split(/[^\p{L}]+/u).filter((w) => w.length >= 4);
  const codes = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (const phrase of [words[i]!, `${words[i]} ${words[i + 1] ?? ""}`.trim()]) {
      const m = matchCountry(phrase);
      // An inflected name ("Украины") comes back as a single suggestion; short words are too risky.
      const code = m.kind === "exact" ? m.code : m.kind === "suggest" && m.codes.length === 1 && phrase.length >= 6 ? m.codes[0] : undefined;
      // Kazakhstan itself is named in many questions about living there: not a citizenship question.
      if (code && code !== "KZ") codes.add(code);
    }
  }
  if (codes.size === 0) return [];
  const eaeu = new Set(factList("countries.eaeu"));
  return [COUNTRY_MARK, ...([...codes].some((c) => eaeu.has(c)) ? [EAEU_MARK] : [])];
}

/** Terms present in more than COMMON_TERM_SHARE of the topics (over all languages). */
function commonTermsOf(docs: readonly TopicDoc[]): Set<string> {
  const topicsOf = new Map<string, Set<string>>();
  for (const doc of docs) {
    const text = [doc.title, doc.examples, doc.keywords, doc.answer].join(" ");
    for (const word of tokenize(text)) {
      const term = processTerm(word);
      if (term === null) continue;
      const set = topicsOf.get(term) ?? new Set<string>();
      set.add(doc.topic);
      topicsOf.set(term, set);
    }
  }
  const limit = COMMON_TERM_SHARE * FAQ_TOPICS.length;
  return new Set([...topicsOf].filter(([, topics]) => topics.size > limit).map(([term]) => term));
}
