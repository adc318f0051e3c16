/**
 * Russian (and Kazakh) typed in Latin letters, as people write in chats: "skolko stoit viza",
 * "spravka o nesudimosti", "salemetsiz be". Written by hand because the packages on npm reverse the
 * formal schemes only: cyrillic-to-translit-js leaves the chat spellings c (ц) and h (х) in Latin
 * and reads "ts" as ц ("salemetsiz" → "салемециз"). Spelling slips left over (a missing ь, ы for и)
 * are met by the search's typo tolerance.
 */
const MULTI: ReadonlyArray<readonly [string, string]> = [
  ["shch", "щ"], ["sch", "щ"], ["zh", "ж"], ["kh", "х"], ["ch", "ч"], ["sh", "ш"],
  ["ya", "я"], ["yu", "ю"], ["yo", "е"], ["ye", "е"], ["iy", "ий"], ["yy", "ый"],
];
const SINGLE: Readonly<Record<string, string>> = {
  a: "а", b: "б", c: "ц", d: "д", e: "е", f: "ф", g: "г", h: "х", i: "и", j: "й", k: "к", l: "л", m: "м",
  n: "н", o: "о", p: "п", q: "к", r: "р", s: "с", t: "т", u: "у", v: "в", w: "в", x: "кс", z: "з", "'": "ь",
};
const VOWELS = new Set("aeiouy");

/** One Latin word (lower case) in Cyrillic letters. "y" is ы after a consonant, й elsewhere ("vizy", "moy"). */
export function latinToCyrillic(word: string): string {
  let out = "";
  for (let i = 0; i < word.length; ) {
    const multi = MULTI.find(([latin]) => word.startsWith(latin, i));
    if (multi) {
      out += multi[1];
      i += multi[0].length;
      continue;
    }
    const c = word[i]!;
    if (c === "y") out += i > 0 && !VOWELS.has(word[i - 1]!) ? "ы" : "й";
    else out += SINGLE[c] ?? c;
    i++;
  }
  return out;
}
