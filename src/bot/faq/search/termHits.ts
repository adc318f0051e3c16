import type MiniSearch from "minisearch";
import type { SearchOptions } from "minisearch";

/**
 * The documents a question's terms found, in the order MiniSearch first found them (not sorted by score).
 * The arrays are TermHits' own and are overwritten by its next search.
 */
export interface TermHitList {
  /** How many documents were found: the first `count` entries of `docs`. */
  count: number;
  /** Document positions in the index (MiniSearch's short ids). */
  docs: Int32Array;
  /** By document position: its score as MiniSearch's `search` reports it (quality factor included). */
  score: Float64Array;
  /**
   * Which of the question's terms matched which document: the first `pairs` entries of `pairDoc` (a document
   * position) and `pairTerm` (the term's position in the list searched; a term listed twice by its first), in the
   * order the terms were searched, each pair once. Pairs, not a list per document: a new list for every document
   * every question cost more than the search.
   */
  pairs: number;
  pairDoc: Int32Array;
  pairTerm: Int32Array;
  /** By document position: how many of the question's terms (distinct) matched it. */
  termCount: Int32Array;
}

/** One term's raw results: documents in MiniSearch's insertion order, with their scores before the quality factor. */
interface TermResult {
  docs: Int32Array;
  scores: Float64Array;
}

type RawResults = Map<number, { score: number }>;
type QueryInternals = { executeQuery(query: string, options: SearchOptions): RawResults };

/** Distinct terms kept; past this the cache starts again (typos and unknown words make the set of terms unbounded). */
const MAX_CACHED_TERMS = 20_000;
const NONE: TermResult = { docs: new Int32Array(0), scores: new Float64Array(0) };

/**
 * MiniSearch's OR search of a question's terms, with each term's results computed once per index and kept:
 * MiniSearch scores every term of every question from its index (the exact term and every longer term it is a
 * prefix of, per field), which was about half of the search's CPU, though a term's results never change while
 * the index stands. The results are combined exactly as MiniSearch's `search` combines them (scores summed in
 * the order of the terms, times the number of terms matched), so scores are the same to the last bit, and
 * sorting the documents by score with a stable sort gives MiniSearch's order, ties included;
 * test/bot/faq/searchSpeedTermHits.test.ts checks both against `search` itself. It reads MiniSearch's per-term
 * results through its undocumented `executeQuery` (the version is pinned in package.json; that test fails if an
 * upgrade changes them).
 */
export class TermHits {
  /** Each term's results searched exactly, and as a prefix too. */
  private readonly exact = new Map<string, TermResult>();
  private readonly prefixed = new Map<string, TermResult>();
  private readonly exactOptions: SearchOptions;
  private readonly prefixOptions: SearchOptions;
  private readonly found: TermHitList;
  /** Per document: which question touched it last. */
  private readonly lastQuery: Int32Array;
  private query = 0;

  constructor(
    private readonly index: MiniSearch,
    options: SearchOptions,
    documents: number,
  ) {
    this.exactOptions = { ...options, prefix: false };
    this.prefixOptions = { ...options, prefix: true };
    this.found = {
      count: 0,
      docs: new Int32Array(documents),
      score: new Float64Array(documents),
      pairs: 0,
      pairDoc: new Int32Array(documents),
      pairTerm: new Int32Array(documents),
      termCount: new Int32Array(documents),
    };
    this.lastQuery = new Int32Array(documents);
  }

  /**
   * The documents these terms find, those of `prefixTerms` also as the prefix of longer terms: what
   * `index.search(terms.join(" "), { ...options, prefix: (t) => prefixTerms.has(t) })` finds, before its sort.
   */
  search(queryTerms: readonly string[], prefixTerms: ReadonlySet<string>): TermHitList {
    const query = ++this.query;
    const found = this.found;
    const { score: sum, termCount, docs: order } = found;
    let count = 0;
    let pairs = 0;
    for (let position = 0; position < queryTerms.length; position++) {
      const term = queryTerms[position]!;
      const first = queryTerms.indexOf(term);
      const { docs, scores } = this.resultOf(term, prefixTerms.has(term));
      // A term asked twice adds its score twice but counts once, as in MiniSearch. A term's results name a
      // document once, so at the term's first position each of its documents is a new pair.
      if (first === position && pairs + docs.length > found.pairDoc.length) this.growPairs(pairs + docs.length);
      const { pairDoc, pairTerm } = found;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (this.lastQuery[doc] !== query) {
          this.lastQuery[doc] = query;
          sum[doc] = scores[i]!;
          termCount[doc] = 0;
          order[count++] = doc;
        } else sum[doc] = sum[doc]! + scores[i]!;
        if (first === position) {
          termCount[doc]!++;
          pairDoc[pairs] = doc;
          pairTerm[pairs++] = first;
        }
      }
    }
    // MiniSearch's quality factor: the score times the number of distinct terms matched.
    for (let i = 0; i < count; i++) {
      const doc = order[i]!;
      sum[doc] = sum[doc]! * termCount[doc]!;
    }
    found.pairs = pairs;
    found.count = count;
    return found;
  }

  private growPairs(size: number): void {
    const grown = Math.max(size, this.found.pairDoc.length * 2);
    const pairDoc = new Int32Array(grown);
    const pairTerm = new Int32Array(grown);
    pairDoc.set(this.found.pairDoc);
    pairTerm.set(this.found.pairTerm);
    this.found.pairDoc = pairDoc;
    this.found.pairTerm = pairTerm;
  }

  private resultOf(term: string, prefix: boolean): TermResult {
    const cache = prefix ? this.prefixed : this.exact;
    const cached = cache.get(term);
    if (cached) return cached;
    const raw = (this.index as unknown as QueryInternals).executeQuery(term, prefix ? this.prefixOptions : this.exactOptions);
    const result = raw.size === 0 ? NONE : { docs: Int32Array.from(raw.keys()), scores: Float64Array.from(raw.values(), (r) => r.score) };
    if (cache.size >= MAX_CACHED_TERMS) cache.clear();
    cache.set(term, result);
    return result;
  }
}
