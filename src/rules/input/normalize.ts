/**
 * Text folding shared by the input parsers. Pure string functions, no tables built at import time.
 *
 * - Latin letters lose their diacritics ("März" -> "marz", "Côte" -> "cote"); "ß" -> "ss".
 * - Cyrillic letters are kept as they are (so "й" stays "й"), except "ё" -> "е".
 * - Kazakh letters (ә ғ қ ң ө ұ ү һ і) are kept; `foldKazakh` maps them to their nearest Russian
 *   letters for people typing Kazakh words on a Russian keyboard.
 */

const LATIN = /\p{Script=Latin}/u;
const MARKS = /\p{M}+/gu;

/** Latin letters whose base letter is not reachable through NFD. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** Non-breaking, narrow, thin, figure and other exotic spaces -> plain space. */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width characters and the BOM. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** Hyphen and dash look-alikes, plus the minus sign -> ASCII hyphen-minus. */
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/**
 * Lower-cases, applies NFC, maps ё -> е, strips diacritics from Latin letters only, and turns
 * exotic spaces / dashes into ASCII ones. Punctuation is kept (the date and amount parsers need it).
 */
export function foldCase(text: string): string {
  const lower = text
    .normalize("NFC")
    .replace(ZERO_WIDTH, "")
    .replace(ODD_SPACES, " ")
    .replace(DASHES, "-")
    .toLowerCase();
  let out = "";
  for (const ch of lower) {
    if (ch === "ё") out += "е";
    else if (LATIN.test(ch)) out += lookup(LATIN_SPECIAL, ch) ?? ch.normalize("NFD").replace(MARKS, "");
    else if (/\p{M}/u.test(ch)) {
      // A stray combining mark (e.g. the dot left over from lower-casing "İ"): drop it after Latin.
      const prev = out.at(-1);
      if (prev === undefined || !LATIN.test(prev)) out += ch;
    } else out += ch;
  }
  return out.normalize("NFC");
}

const KAZAKH_FOLD: Readonly<Record<string, string>> = {
  ә: "а",
  ғ: "г",
  қ: "к",
  ң: "н",
  ө: "о",
  ұ: "у",
  ү: "у",
  һ: "х",
  і: "и",
};

/** Maps Kazakh-specific Cyrillic letters to the Russian letters people substitute for them. */
export function foldKazakh(text: string): string {
  return text.replace(/[әғқңөұүһі]/g, (ch) => lookup(KAZAKH_FOLD, ch) ?? ch);
}

/** German umlauts spelt out ("ä" -> "ae"), for people without a German keyboard. */
export function spellOutUmlauts(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue");
}

/**
 * Normal form for names (countries): `foldCase`, apostrophes removed ("d'Ivoire" -> "divoire"),
 * every other run of punctuation or spacing collapsed to one space, trimmed.
 */
export function normalizeName(text: string): string {
  return foldCase(text)
    .replace(/['’‘ʼ`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Longer answers are not a date, amount, count or country; the parsers reject them unread. */
export const MAX_INPUT_LENGTH = 200;

/** `table[key]` for own properties only, so user text like "constructor" never hits the prototype. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
