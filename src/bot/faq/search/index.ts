import MiniSearch from "minisearch";
import { counterpartOf, factList, FAQ_TOPICS, findTopic } from "../../../rules/index.js";
import { SUPPORTED_LOCALES, type Locale } from "../../../store/index.js";
import type { I18n } from "../../i18n.js";
import { renderAnswer } from "../renderAnswer.js";
import type { SearchData } from "./searchData.js";
import { CountryTerms } from "./countryMarks.js";
import { looksInDomain } from "./domain.js";
import { smallTalkOf, type SmallTalk } from "./smallTalk.js";
import { processTerm, tokenize } from "./terms.js";
import { latinToCyrillic } from "./translit.js";

interface TopicDoc {
  id: string;
  topic: string;
  lng: Locale;
  title: string;
  examples: string;
  keywords: string;
  answer: string;
}

/**
 * "confident": answer topics[0]; "likely": answer it, and offer the next two as "Also about";
 * "weak": offer up to three as "did you mean"; "none": no topic (see `none`).
 */
export type Confidence = "confident" | "likely" | "weak" | "none";

export interface SearchResult {
  confidence: Confidence;
  /** Best first, one entry per topic, at most three. */
  topics: Array<{ id: string; score: number }>;
  /** The question named neither program and the two programs' topics came out close: answer topics[0] and topics[1]. */
  both?: boolean;
  /** A greeting, thanks or "who are you" rather than a question (confidence "confident", no topics). */
  chat?: SmallTalk;
  /** With "none": a question about the programs the sources do not cover, or one outside them altogether. */
  none?: "not_covered" | "out_of_scope";
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

/** The program tokens of programNames.ts: a question naming one never gets a topic of the other. */
const PROGRAM_TERMS: ReadonlyArray<readonly [string, "B9-1" | "B12-1"]> = [
  ["progbnine", "B9-1"],
  ["progbtwelve", "B12-1"],
];

/** A term found in more than this share of topics tells topics apart poorly ("visa", "Kazakhstan"). */
const COMMON_TERM_SHARE = 0.35;

/**
 * When to answer directly. Chosen by a grid search (bench/faqTune.ts) on the tuning half of the second
 * labelled set and read on its held-out half (bench/README.md), never tuned per question.
 */
export const THRESHOLDS = {
  /** Below this best score nothing is offered. */
  minScore: 80,
  /** A confident answer needs this best score… */
  confidentScore: 12,
  /** …and to lead the runner-up by this factor… */
  leadRatio: 1.8,
  /** …and to cover this share of the question's informative words. */
  coverage: 0.5,
  /** A likely answer ("Also about" under it) needs this best score, lead and coverage. */
  likelyScore: 8,
  likelyLead: 1.35,
  likelyCoverage: 0.5,
  /** Below this coverage of the question's informative words, no topic is offered at all. */
  noneCoverage: 0.5,
  /** Both programs' answers when the other program's topic scores at least this share of the best. */
  pairShare: 0.55,
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
  /** Every term in the index: a Latin word not among them may be Russian or Kazakh typed in Latin letters. */
  private readonly vocabulary: ReadonlySet<string>;
  private readonly countries = new CountryTerms();

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
    const topicsOf = topicsOfTerms(docs);
    this.commonTerms = commonTermsOf(topicsOf);
    this.vocabulary = new Set(topicsOf.keys());
  }

  search(fullQuestion: string): SearchResult {
    const question = firstPart(fullQuestion);
    const result = this.searchTopics(question);
    if (result.confidence === "confident") return result;
    const chat = smallTalkOf(question);
    if (chat && (chat !== "greeting" || result.confidence === "none")) return { confidence: "confident", topics: [], chat };
    if (result.confidence === "none") return { ...result, none: looksInDomain(tokenize(question).join(" ")) ? "not_covered" : "out_of_scope" };
    return result;
  }

  private searchTopics(question: string): SearchResult {
    const words = this.wordsOf(question);
    const terms = words.map((w) => processTerm(w)!);
    if (words.length === 0) return { confidence: "none", topics: [] };
    const informative = new Set(words.filter((w, i) => !this.commonTerms.has(terms[i]!)));
    const both = terms.includes("progbnine") && terms.includes("progbtwelve") ? [BOTH_MARK] : [];
    const language = LANGUAGE_HINT.test(question) && !COVER_LETTER_HINT.test(question) ? [LANGUAGE_MARK] : [];
    const marks = language.length ? language : this.countryMarks(terms);
    const hits = this.index.search([...words, ...marks, ...both].join(" "), {
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      boost: { keywords: 3, title: 2.5, examples: 2, answer: 0.6 },
      combineWith: "OR",
    });
    // A question that names one program is about that program: topics of the other one are left out.
    const named = PROGRAM_TERMS.filter(([term]) => terms.includes(term)).map(([, program]) => program);
    const excluded = named.length === 1 ? (named[0] === "B9-1" ? "B12-1" : "B9-1") : undefined;
    const best = new Map<string, { score: number; matched: Set<string> }>();
    for (const hit of hits) {
      const topic = String(hit.topic);
      if (excluded && findTopic(topic)?.program === excluded) continue;
      const seen = best.get(topic);
      if (!seen || hit.score > seen.score) best.set(topic, { score: hit.score, matched: new Set(hit.queryTerms) });
    }
    const ranked = [...best].sort((a, b) => b[1].score - a[1].score);
    const top = ranked[0];
    if (!top || top[1].score < THRESHOLDS.minScore) return { confidence: "none", topics: [] };
    const score = top[1].score;
    // Neither program named and the other program's twin topic close behind: answer both.
    const twin = named.length === 0 ? counterpartOf(top[0]) : undefined;
    const twinScore = twin ? (best.get(twin)?.score ?? 0) : 0;
    const pair = twin !== undefined && twinScore >= score * THRESHOLDS.pairShare;
    const order = pair ? [top, [twin, best.get(twin)!] as const, ...ranked.filter(([id]) => id !== top[0] && id !== twin)] : ranked;
    const topics = order.slice(0, 3).map(([id, v]) => ({ id, score: Math.round(v.score * 100) / 100 }));
    const second = (pair ? ranked.find(([id]) => id !== top[0] && id !== twin) : ranked[1])?.[1].score ?? 0;
    const coverage = informative.size === 0 ? 0 : coverageOf(top[1].matched, informative);
    if (coverage < THRESHOLDS.noneCoverage) return { confidence: "none", topics: [] };
    const lead = second === 0 ? Infinity : score / second;
    const confident = score >= THRESHOLDS.confidentScore && lead >= THRESHOLDS.leadRatio && coverage >= THRESHOLDS.coverage;
    const likely = score >= THRESHOLDS.likelyScore && lead >= THRESHOLDS.likelyLead && coverage >= THRESHOLDS.likelyCoverage;
    const confidence: Confidence = confident ? "confident" : likely ? "likely" : "weak";
    return { confidence, topics, ...(pair && confidence !== "weak" ? { both: true } : {}) };
  }

  /**
   * The searchable words of a question: stop words and overlong words left out, and a Latin word that
   * is no term of the index but is one in Cyrillic letters taken as Russian or Kazakh typed in Latin.
   */
  private wordsOf(question: string): string[] {
    const out = new Set<string>();
    for (const word of tokenize(question)) {
      if (word.length > QUERY_BOUNDS.wordChars) continue;
      const term = processTerm(word);
      if (/^[a-z']+$/.test(word) && word.length >= 3 && !(term && this.vocabulary.has(term))) {
        const cyrillic = latinToCyrillic(word);
        const cyrTerm = processTerm(cyrillic);
        if (cyrTerm === null && isStop(cyrillic)) continue;
        if (cyrTerm && this.vocabulary.has(cyrTerm)) {
          out.add(cyrillic);
          continue;
        }
      }
      if (term !== null) out.add(word);
    }
    return [...out];
  }

  /** Marker terms for the countries a question names by name or nationality (exact matches of index terms). */
  private countryMarks(terms: readonly string[]): string[] {
    const codes = this.countries.codesIn(terms);
    // Kazakhstan itself is named in many questions about living there: not a citizenship question.
    codes.delete("KZ");
    if (codes.size === 0) return [];
    const eaeu = new Set(factList("countries.eaeu"));
    return [COUNTRY_MARK, ...([...codes].some((c) => eaeu.has(c)) ? [EAEU_MARK] : [])];
  }
}

/** A Russian or Kazakh stop word written in Latin letters ("kak", "mne"), which says nothing. */
function isStop(cyrillic: string): boolean {
  return cyrillic.length >= 2 && processTerm(cyrillic) === null;
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

/** For every index term, the topics whose documents hold it (over all languages). */
function topicsOfTerms(docs: readonly TopicDoc[]): Map<string, Set<string>> {
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
  return topicsOf;
}

/** Terms present in more than COMMON_TERM_SHARE of the topics. */
function commonTermsOf(topicsOf: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const limit = COMMON_TERM_SHARE * FAQ_TOPICS.length;
  return new Set([...topicsOf].filter(([, topics]) => topics.size > limit).map(([term]) => term));
}
