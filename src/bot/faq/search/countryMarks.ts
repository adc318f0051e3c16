import { COUNTRY_ALIASES } from "../../../rules/input/countryAliases.js";
import { countryIndex } from "../../../rules/input/countryIndex.js";
import { splitLatinHead } from "./latinHead.js";
import { processTerm, tokenize } from "./terms.js";

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_ENDINGS = new Set(["", "s", "'s", "n", "en", "e", "es", "er", "em", "ns"]);

/**
 * The letters a Cyrillic word adds after a country's name (the name's last letter may change): "" for "Россия",
 * "и" for "России", "нан" for "Үндістаннан" (folded), "нину" for "россиянину". Undefined when the word is no form
 * of the name.
 */
function cyrillicTail(word: string, name: string): string | undefined {
  let common = 0;
  while (common < word.length && word[common] === name[common]) common++;
  return common >= name.length - 1 ? word.slice(common) : undefined;
}

/**
 * What a word adds after a country's name when it names a person of that country, not the place, for the
 * nationality words the country list lacks (it has "россиянин", "ресейлік", not every "-ец" or "-лық"): Russian
 * "-янин" / "-яне" ("россиянину": the name's "я" is shared, so the tail begins with "н"), "-ец" / "-цы"
 * ("кыргызстанец", "индийцы"), Kazakh "-лық" / "-лік" and their variants ("ресейлікке", folded "ресейликке").
 * A case ending of the place itself never begins so: Russian "-а", "-е", "-ом", "-у", "-ю", "-ей"; Kazakh
 * "-ға", "-да", "-дан", "-ның" (back-vowel after "-ия"), "-нан".
 */
const NATIONALITY_TAIL = /^(н(ин\p{L}*|е|ам|ами|ах|ка|ки|ке|ку|кой|ок)?|и?ец|й?ц[аеуыо]\p{L}*|[лдт][ыи][кг]\p{L}*)$/u;

function isFormOf(word: string, name: string): boolean {
  if (CYRILLIC.test(name)) return cyrillicTail(word, name) !== undefined;
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
 * The Russian case forms of a one-word country name that may stem apart from the name: "-ии", "-ию", "-ией" of a name
 * in "-ия" ("Армении", "Германию"); "-ы"/"-и", "-е", "-у", "-ой" of one in "-а" ("Канады", "Уганде"); "-и", "-е",
 * "-ю", "-ей" of one in "-я"; "-я", "-ю", "-е", "-ем" of one in "-й" or "-ь" ("Китая", "Израиля"); "-а", "-у", "-е",
 * "-ом" of one in a consonant ("Ирана", "Непале"). Names in another vowel ("Того", "Перу", "Чили") do not change.
 * The search takes the shorter of the Russian and Kazakh stems, and a Kazakh ending cut from a form can leave
 * another term than the name's: "Армении" gave "арме" against "армен", "Канады" "канад" against "кана" (Kazakh
 * "-да" cut from "Канада"), so "я из Армении" or "если я гражданин Канады" named no country.
 */
function caseFormsOfName(name: string): string[] {
  if (!CYRILLIC.test(name)) return [];
  const stem = name.slice(0, -1);
  const last = name.at(-1)!;
  const forms = name.endsWith("ия")
    ? ["и", "ю", "ей"].map((e) => stem + e)
    : last === "а"
      ? [/[гкхжшщч]$/u.test(stem) ? "и" : "ы", "е", "у", "ой"].map((e) => stem + e)
      : last === "я"
        ? ["и", "е", "ю", "ей"].map((e) => stem + e)
        : last === "й" || last === "ь"
          ? ["я", "ю", "е", "ем"].map((e) => stem + e)
          : /[бвгджзклмнпрстфхцчшщ]/u.test(last)
            ? ["а", "у", "е", "ом"].map((e) => name + e)
            : [];
  return forms.filter((form) => processTerm(form) !== processTerm(name));
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
  /** The one-word spellings that are nationality words ("россиянин", "ресейлік" folded), not a country's name. */
  private readonly personSpellings = new Set<string>();
  /** Every term of a name, alone or as part of a two-word name. */
  private readonly nameTerms = new Set<string>();
  /**
   * The first terms of the two-word names: a question's word pair is looked up only when its first term is one,
   * which spares joining every pair of a question's terms into a string (three times a question).
   */
  private readonly pairFirsts = new Set<string>();

  constructor() {
    // Names of three letters are left out ("Чад" is also smoke), but for the acronyms the aliases write in capitals
    // ("США", "ОАЭ", "UAE", "ФРГ"), which are no other word: "визу в ОАЭ" names the Emirates.
    const acronyms = new Set(Object.values(COUNTRY_ALIASES).flat().filter((a) => /^\p{Lu}{3}$/u.test(a)).flatMap((a) => tokenize(a)));
    for (const [key, entry] of countryIndex().names) {
      if (entry.codes.length !== 1) continue;
      const words = tokenize(key);
      if (words.length === 0 || words.length > 2 || words.some((w) => w.length < 4 && !acronyms.has(w))) continue;
      const terms = words.map(processTerm);
      if (terms.some((t) => t === null)) continue;
      this.names.set(terms.join(" "), entry.codes[0]!);
      for (const term of terms) this.nameTerms.add(term!);
      if (terms.length === 2) this.pairFirsts.add(terms[0]!);
      if (words.length === 1) this.spellings.set(terms[0]!, [...(this.spellings.get(terms[0]!) ?? []), words[0]!]);
      if (words.length === 1 && !entry.fuzzy) this.personSpellings.add(words[0]!);
      if (entry.fuzzy) this.places.add(terms.join(" "));
      const plural = words.length === 1 ? fleetingVowelPlural(words[0]!) : undefined;
      if (plural) this.addNationality(plural, entry.codes[0]!);
      // Only a place's name: a nationality word's cases are read through its own forms (addNationality).
      if (words.length === 1 && entry.fuzzy) for (const form of caseFormsOfName(words[0]!)) this.addObliqueName(form, words[0]!, entry.codes[0]!, entry.fuzzy);
    }
  }

  /**
   * A name's case form under a term of its own ("армении" → "арме", while "армения" is "армен"): registered as
   * the name, spelled as the name (so "армении" is read as Armenia), and a place when the name is one.
   */
  private addObliqueName(form: string, name: string, code: string, place: boolean | undefined): void {
    const term = processTerm(form);
    if (term === null || this.names.has(term)) return;
    this.names.set(term, code);
    this.nameTerms.add(term);
    this.spellings.set(term, [...(this.spellings.get(term) ?? []), name]);
    if (place) this.places.add(term);
  }

  /** A nationality word in the form its other cases are read by ("немцы" for "немцам", "немцев"). */
  private addNationality(word: string, code: string): void {
    const term = processTerm(word);
    if (term === null || this.names.has(term)) return;
    this.names.set(term, code);
    this.nameTerms.add(term);
    this.spellings.set(term, [...(this.spellings.get(term) ?? []), word]);
    this.personSpellings.add(word);
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
    const names = this.spellingsOf(term);
    // A Latin name with a Cyrillic case ending ("uzbekistanға") is spelled as the Latin name.
    const head = splitLatinHead(word)?.head ?? word;
    return names === undefined || names.some((name) => isFormOf(head, name));
  }

  /** The one-word names (folded spellings) a term may be, also through a second stemming (see spelledAsName). */
  private spellingsOf(term: string): string[] | undefined {
    const names = this.spellings.get(term);
    // (A stop word has no term: callers may pass it through as it is.)
    if (names !== undefined || !term || this.nameTerms.has(term)) return names;
    const again = processTerm(term);
    return again === null ? undefined : this.spellings.get(again);
  }

  /**
   * The letters a Cyrillic word spelled as a country's name adds after the name ("нан" for "Үндістаннан"), "" for a
   * Latin one or none (but a Latin name's Cyrillic ending, "нан" for "uzbekistanнан"): a Kazakh ending is read from these, never from the name itself, whose "-стан" ends like the
   * ablative "-тан" (so "Узбекистан" read as "from Uzbekistan" and a question about its visa escaped).
   */
  tailAfterName(word: string, term: string): string {
    return splitLatinHead(word)?.tail ?? this.nearestSpelling(word, term)?.tail ?? "";
  }

  /** The Cyrillic spelling a word is a form of with the fewest letters added, and those letters. */
  private nearestSpelling(word: string, term: string): { name: string; tail: string } | undefined {
    let best: { name: string; tail: string } | undefined;
    for (const name of this.spellingsOf(term) ?? []) {
      if (!CYRILLIC.test(name)) continue;
      const tail = cyrillicTail(word, name);
      if (tail !== undefined && (best === undefined || tail.length < best.tail.length)) best = { name, tail };
    }
    return best;
  }

  /**
   * Whether a word spelled as a country's name names a person of it ("россиянину", "кыргызстанец", "ресейлікке"):
   * the asker's origin, not a place to go to. It still names the country (its marker), but no foreign visa.
   */
  namesPerson(word: string, term: string): boolean {
    if (!CYRILLIC.test(word)) return false;
    const mixed = splitLatinHead(word);
    if (mixed) return NATIONALITY_TAIL.test(mixed.tail);
    const nearest = this.nearestSpelling(word, term);
    return nearest !== undefined && (this.personSpellings.has(nearest.name) || NATIONALITY_TAIL.test(nearest.tail));
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
