import { typoDistance } from "./typoDistance.js";

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** Terms shorter than this are never taken for typos. */
const MIN_TYPO_CHARS = 5;
/** Typos allowed per letter of the term (as MiniSearch's fuzzy 0.2: one in 5-7 letters, two in 8-12). */
const TYPOS_PER_CHAR = 0.2;

/**
 * The index term a word the index does not hold is a typo of: "extention" → "extens", "statments" →
 * "statement", "gülitg" → "gültig" (a swap of two letters counts as one typo, unlike in MiniSearch's fuzzy
 * search, which counts it as two and searched the whole index's tree for every unknown word), and a far letter
 * replaced in the root as two (typoDistance.ts: "sprich" is no typo of "sprach-", "вызвать" none of "вырвать"). Only terms
 * with the same first letter and a length within the allowance are compared; among the nearest, the one
 * most topics hold wins (a common word is the likelier one meant).
 */
export class NearestTerms {
  /** The terms by first letter, then by length (so a term is compared only with those of a length in reach). */
  private readonly byFirst = new Map<string, string[][]>();

  constructor(terms: Iterable<string>, private readonly weight: (term: string) => number) {
    for (const term of terms) {
      if (term.length < MIN_TYPO_CHARS - 1) continue;
      const first = term[0]!;
      const byLength = this.byFirst.get(first) ?? [];
      (byLength[term.length] ??= []).push(term);
      this.byFirst.set(first, byLength);
    }
  }

  find(term: string): string | undefined {
    if (term.length < MIN_TYPO_CHARS) return undefined;
    const max = Math.floor(term.length * TYPOS_PER_CHAR);
    const byLength = this.byFirst.get(term[0]!);
    if (!byLength) return undefined;
    const cyrillic = CYRILLIC.test(term);
    let best: string | undefined;
    let bestDistance = max + 1;
    for (let length = term.length - max; length <= term.length + max; length++) {
      for (const candidate of byLength[length] ?? []) {
        // A Cyrillic word with another second letter is mostly another word, not a typo ("жалда" is not "жылда",
        // "корк…" not "кырык"): Kazakh vowels change the word, and typos seldom fall on the first two letters.
        if (cyrillic && candidate[1] !== term[1]) continue;
        const d = typoDistance(term, candidate, Math.min(max, bestDistance));
        if (d < bestDistance || (d === bestDistance && best !== undefined && this.weight(candidate) > this.weight(best))) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return bestDistance <= max ? best : undefined;
  }
}
