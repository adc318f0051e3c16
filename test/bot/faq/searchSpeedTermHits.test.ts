import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { TermHits, type TermHitList } from "../../../src/bot/faq/search/termHits.js";
import { SEARCH_OPTIONS } from "../../../src/bot/faq/search/index.js";

/**
 * TermHits keeps each term's results and combines them itself: it must give what MiniSearch's own search
 * gives, to the last bit and in the same order (ties included), or the FAQ answers change.
 */
const docs = [
  { id: "a", title: "visa fee", examples: "how much is the visa fee", keywords: "fee cost", answer: "The fee is 10 MRP." },
  { id: "b", title: "visa term", examples: "how long is the visa valid", keywords: "term validity", answer: "One year." },
  // Two documents alike in every field length: their scores tie for any term they share.
  { id: "c", title: "tax rules", examples: "pay tax now", keywords: "tax", answer: "Residents pay it." },
  { id: "d", title: "tax forms", examples: "file tax now", keywords: "tax", answer: "After 183 days." },
  { id: "e", title: "family members", examples: "can my family come", keywords: "family spouse children", answer: "Yes, family may come." },
];

function index(): MiniSearch {
  const search = new MiniSearch({ fields: ["title", "examples", "keywords", "answer"], tokenize: (t) => t.toLowerCase().split(/\W+/).filter(Boolean) });
  search.addAll(docs);
  return search;
}

const queries = [
  ["visa"],
  ["fee", "visa"],
  ["tax"],
  ["tax", "resid"],
  ["fam", "visa", "tax"],
  ["va"],
  ["unknown"],
  ["unknown", "visa"],
  ["tax", "tax"],
  ["term", "fee", "family", "resident", "days"],
];

/** The positions of the terms that matched a document, in the order searched (as MiniSearch lists them). */
function termsOf(found: TermHitList, doc: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < found.pairs; k++) if (found.pairDoc[k] === doc) out.push(found.pairTerm[k]!);
  expect(out.length).toBe(found.termCount[doc]);
  return out;
}

describe("TermHits", () => {
  it("finds the documents MiniSearch's search finds, with the same scores, terms and order", () => {
    const mini = index();
    const hits = new TermHits(mini, SEARCH_OPTIONS, docs.length);
    // Terms of 3+ letters as prefixes (the search's rule), or only the first term: a term's exact and prefix results are kept apart.
    const rules = [(terms: string[]) => terms.filter((t) => t.length >= 3), (terms: string[]) => terms.slice(0, 1)];
    for (const terms of queries) {
      // Twice each: the second time every term's results come from the cache.
      for (let round = 0; round < 4; round++) {
        const prefixTerms = new Set(rules[round % 2]!(terms));
        const found = hits.search(terms, prefixTerms);
        const ours = Array.from(found.docs.subarray(0, found.count), (doc) => ({
          id: docs[doc]!.id,
          score: found.score[doc]!,
          queryTerms: termsOf(found, doc).map((t) => terms[t]),
        }));
        // Sorted as MiniSearch sorts (stable, by score): ties keep the order TermHits found them in.
        ours.sort((a, b) => b.score - a.score);
        const theirs = mini.search(terms.join(" "), { ...SEARCH_OPTIONS, prefix: (t) => prefixTerms.has(t) }).map((r) => ({ id: r.id, score: r.score, queryTerms: r.queryTerms }));
        expect(ours, terms.join(" ")).toEqual(theirs);
      }
    }
  });

  it("has a tie in its fixtures, so the order of tied documents is checked above", () => {
    const found = new TermHits(index(), SEARCH_OPTIONS, docs.length).search(["tax"], new Set(["tax"]));
    expect(Array.from(found.docs.subarray(0, found.count), (doc) => docs[doc]!.id)).toEqual(["c", "d"]);
    expect(found.score[2]).toBe(found.score[3]);
  });
});
