import { countryIndex } from "../../../rules/input/countryIndex.js";
import { processTerm, tokenize } from "./terms.js";

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_ENDINGS = new Set(["", "s", "'s", "n", "en", "e", "es", "er", "em", "ns"]);

function isFormOf(word: string, name: string): boolean {
  if (CYRILLIC.test(name)) {
    let common = 0;
    while (common < word.length && word[common] === name[common]) common++;
    return common >= name.length - 1;
  }
  return word.startsWith(name) && LATIN_ENDINGS.has(word.slice(name.length));
}

/**
 * The plural of a Russian nationality noun in "-ец", whose "е" drops in every other form: "немец" → "немцы"
 * ("немцам", "немцев"), "индиец" → "индийцы". The country list has the singular only, which stems apart
 * ("немец" against "немц"), so "немцам нужна виза?" named no country.
 */
function fleetingVowelPlural(word: string): string | undefined {
  if (word.endsWith("иец")) return `${word.slice(0, -3)}ийцы`;
  if (word.endsWith("ец") && CYRILLIC.test(word) && word.length >= 5) return `${word.slice(0, -2)}цы`;
  return undefined;
}

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
  /** For a one-word name's term, the name's spellings (folded): "lett" ← "lette". */
  private readonly spellings = new Map<string, string[]>();
  /** Every term of a name, alone or as part of a two-word name. */
  private readonly nameTerms = new Set<string>();
  /**
   * The first terms of the two-word names: a question's word pair is looked up only when its first term is one,
   * which spares joining every pair of a question's terms into a string (three times a question).
   */
  private readonly pairFirsts = new Set<string>();

  constructor() {
    for (const [key, entry] of countryIndex().names) {
      if (entry.codes.length !== 1) continue;
      const words = tokenize(key);
      if (words.length === 0 || words.length > 2 || words.some((w) => w.length < 4)) continue;
      const terms = words.map(processTerm);
      if (terms.some((t) => t === null)) continue;
      this.names.set(terms.join(" "), entry.codes[0]!);
      for (const term of terms) this.nameTerms.add(term!);
      if (terms.length === 2) this.pairFirsts.add(terms[0]!);
      if (words.length === 1) this.spellings.set(terms[0]!, [...(this.spellings.get(terms[0]!) ?? []), words[0]!]);
      if (entry.fuzzy) this.places.add(terms.join(" "));
      const plural = words.length === 1 ? fleetingVowelPlural(words[0]!) : undefined;
      if (plural) this.addNationality(plural, entry.codes[0]!);
    }
  }

  /** A nationality word in the form its other cases are read by ("немцы" for "немцам", "немцев"). */
  private addNationality(word: string, code: string): void {
    const term = processTerm(word);
    if (term === null || this.names.has(term)) return;
    this.names.set(term, code);
    this.nameTerms.add(term);
    this.spellings.set(term, [...(this.spellings.get(term) ?? []), word]);
  }

  /**
   * Whether a word whose term is a country's is spelled as that name and not as another word that stems alike:
   * "Индии" and "Кыргызстана" are names, "letter" (← "Lette"), "state" (← "States"), "сомасы" (← "Сомали") and
   * "марте" (← "Мартиника") are not. A Cyrillic word may change the name's last letter and add endings; a Latin
   * one may add the endings English and German add to names and nationality words.
   *
   * The search also reads a term stemmed once more ("Португалияның" → "португалия" → "португал", the name's
   * term), so a term that is no name's but stems again into one is held to that name's spelling too: else
   * "ресімдеу" (to formalise; "реси", then "рес") was read as Russia ("Ресей", term "рес").
   */
  spelledAsName(word: string, term: string): boolean {
    let names = this.spellings.get(term);
    // (A stop word has no term: callers may pass it through as it is.)
    if (names === undefined && term && !this.nameTerms.has(term)) {
      const again = processTerm(term);
      names = again === null ? undefined : this.spellings.get(again);
    }
    return names === undefined || names.some((name) => isFormOf(word, name));
  }

  /** Whether this term is a country's name or nationality word, or part of one. */
  isNamePart(term: string): boolean {
    return this.nameTerms.has(term);
  }

  /**
   * The country code of a one-word term: the name's term, or a term that stems once more into one. A Kazakh
   * ending stripped leaves a name the Russian stemmer would cut further ("Түркияданмын" → "туркия", while the
   * name "Түркия" is "турк"). Callers pass only terms of words spelled as the name (spelledAsName).
   */
  private codeOf(term: string): string | undefined {
    const code = this.names.get(term);
    if (code !== undefined || this.nameTerms.has(term)) return code;
    const again = processTerm(term);
    return again !== null && this.spellings.has(again) ? this.names.get(again) : undefined;
  }

  /** The terms of a question that name a country (single words and both words of a pair). */
  termsIn(terms: readonly (string | null)[]): Set<string> {
    const out = new Set<string>();
    for (let i = 0; i < terms.length; i++) {
      const one = terms[i];
      if (!one) continue;
      if (this.codeOf(one) !== undefined) out.add(one);
      const next = terms[i + 1];
      if (next && this.pairFirsts.has(one) && this.names.has(`${one} ${next}`)) out.add(one).add(next);
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
      if (next && this.pairFirsts.has(one) && this.places.has(`${one} ${next}`)) codes.add(this.names.get(`${one} ${next}`)!);
    }
    return codes;
  }

  /** The codes of the countries named by these index terms (single words and pairs of neighbours). */
  codesIn(terms: readonly (string | null)[]): Set<string> {
    const codes = new Set<string>();
    for (let i = 0; i < terms.length; i++) {
      const one = terms[i];
      if (!one) continue;
      const single = this.codeOf(one);
      if (single) codes.add(single);
      const next = terms[i + 1];
      const pair = next && this.pairFirsts.has(one) ? this.names.get(`${one} ${next}`) : undefined;
      if (pair) codes.add(pair);
    }
    return codes;
  }
}
