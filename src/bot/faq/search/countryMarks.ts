import { countryIndex } from "../../../rules/input/countryIndex.js";
import { processTerm, tokenize } from "./terms.js";

/**
 * Country names and nationality words (every spelling the /check country input knows) as index terms,
 * so a question naming a country is found by a map lookup on its words and word pairs: the typo-tolerant
 * matchCountry scans every name and took most of the time of a search. Inflected names meet through the
 * stemmer ("Индии" and "Индия" share a term). Names shared by several countries are left out.
 */
export class CountryTerms {
  private readonly names = new Map<string, string>();
  /** The keys of `names` that are a country's name, not a nationality word ("Spain", not "Spanish"). */
  private readonly places = new Set<string>();
  /** Every term of a name, alone or as part of a two-word name. */
  private readonly nameTerms = new Set<string>();

  constructor() {
    for (const [key, entry] of countryIndex().names) {
      if (entry.codes.length !== 1) continue;
      const words = tokenize(key);
      if (words.length === 0 || words.length > 2 || words.some((w) => w.length < 4)) continue;
      const terms = words.map(processTerm);
      if (terms.some((t) => t === null)) continue;
      this.names.set(terms.join(" "), entry.codes[0]!);
      for (const term of terms) this.nameTerms.add(term!);
      if (entry.fuzzy) this.places.add(terms.join(" "));
    }
  }

  /** Whether this term is a country's name or nationality word, or part of one. */
  isNamePart(term: string): boolean {
    return this.nameTerms.has(term);
  }

  /** The terms of a question that name a country (single words and both words of a pair). */
  termsIn(terms: readonly (string | null)[]): Set<string> {
    const out = new Set<string>();
    for (let i = 0; i < terms.length; i++) {
      const one = terms[i];
      if (!one) continue;
      if (this.names.has(one)) out.add(one);
      const next = terms[i + 1];
      if (next && this.names.has(`${one} ${next}`)) out.add(one).add(next);
    }
    return out;
  }

  /** The codes of the countries these terms name by the country's name (not by a nationality word). */
  placesIn(terms: readonly (string | null)[]): Set<string> {
    const codes = new Set<string>();
    for (let i = 0; i < terms.length; i++) {
      const one = terms[i];
      if (!one) continue;
      if (this.places.has(one)) codes.add(this.names.get(one)!);
      const next = terms[i + 1];
      if (next && this.places.has(`${one} ${next}`)) codes.add(this.names.get(`${one} ${next}`)!);
    }
    return codes;
  }

  /** The codes of the countries named by these index terms (single words and pairs of neighbours). */
  codesIn(terms: readonly (string | null)[]): Set<string> {
    const codes = new Set<string>();
    for (let i = 0; i < terms.length; i++) {
      const one = terms[i];
      if (!one) continue;
      const single = this.names.get(one);
      if (single) codes.add(single);
      const next = terms[i + 1];
      const pair = next ? this.names.get(`${one} ${next}`) : undefined;
      if (pair) codes.add(pair);
    }
    return codes;
  }
}
