/**
 * Words a question names as where the asker goes ("travel to Kyrgyzstan", "visit Uzbekistan", "съездить в
 * Кыргызстан", "nach Usbekistan", "Қырғызстанға барсам"), not as where the asker comes from. A country named so
 * says nothing of the asker's citizenship: without this, a trip to a neighbouring country set the country and
 * EAEU markers and the question landed on the EAEU citizens' topic. Works on the tokens of terms.ts (lower-cased,
 * folded: "қ" is "к").
 */
const EN_DE_BEFORE = new Set(["to", "into", "visit", "visiting", "visits", "nach"]);
/** Russian "в / во / на" before a name in the accusative ("в Кыргызстан", "в Германию"), not the locative ("в Германии"). */
const RU_BEFORE = new Set(["в", "во", "на"]);
const RU_LOCATIVE = /[еи]$/u;
/** Kazakh dative ("Қырғызстанға", "Германияға", "Түркияға"), folded. */
const KK_DATIVE = /(га|ге|ка|ке)$/u;

/** The tokens named as a destination; `isPlace` tells a country's name from other words. */
export function destinationWords(tokens: readonly string[], isPlace: (token: string) => boolean): Set<string> {
  const out = new Set<string>();
  tokens.forEach((token, i) => {
    if (!isPlace(token)) return;
    const before = tokens[i - 1];
    const cyrillic = /\p{Script=Cyrillic}/u.test(token);
    if (!cyrillic && before !== undefined && EN_DE_BEFORE.has(before)) out.add(token);
    else if (cyrillic && before !== undefined && RU_BEFORE.has(before) && !RU_LOCATIVE.test(token)) out.add(token);
    else if (cyrillic && KK_DATIVE.test(token)) out.add(token);
  });
  return out;
}

/** English and German words before a place ("in", "from", "nach", "aus"). */
const PLACE_BEFORE = new Set(["in", "from", "near", "around", "nach", "aus", "bei"]);

/**
 * Latin words written with a capital after a preposition of place ("in Lagos", "from Tbilisi", "nach Berlin").
 * The callers weigh such a word as a place only when no topic holds it, so "in English" or "from abroad" are
 * untouched; a lower-case "in ethereum" is no place. `capitalized`: the question's capitalized words, as tokens.
 */
export function placeNames(tokens: readonly string[], capitalized: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  tokens.forEach((token, i) => {
    const before = tokens[i - 1];
    if (before !== undefined && PLACE_BEFORE.has(before) && capitalized.has(token) && /^[a-z]{3,}$/.test(token)) out.add(token);
  });
  return out;
}
