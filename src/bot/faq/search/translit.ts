/**
 * Russian (and Kazakh) typed in Latin letters, as people write in chats: "skolko stoit viza",
 * "spravka o nesudimosti", "salemetsiz be". Written by hand because the packages on npm reverse the
 * formal schemes only: cyrillic-to-translit-js leaves the chat spellings c (ц) and h (х) in Latin
 * and reads "ts" as ц ("salemetsiz" → "салемециз"). x is х, as chats write it ("proxodit", "xochu"), not кс: Russian
 * typed in Latin spells кс "ks", and English words that the topics hold are not read in Cyrillic at all (index.ts,
 * `westernTerms`). Spelling slips left over (a missing ь, ы for и)
 * are met by the search's typo tolerance.
 *
 * Kazakh typed in Latin letters ("viza qalai alamyn", "qujattar tizimi qandai", "jumys isteuge bola ma") is
 * read by the same table with three rules that Russian chat spelling shares or does not contradict: j before
 * a vowel is ж ("jumys", "kujat"; "moj" keeps й), i ending a word after a vowel is й ("qalai", "kakoi"), and
 * gh is ғ (folded г). q is к (қ folded), and the 2021 alphabet's own letters are folded to these by fold.ts.
 */
const MULTI: ReadonlyArray<readonly [string, string]> = [
  ["shch", "щ"], ["sch", "щ"], ["zh", "ж"], ["kh", "х"], ["gh", "г"], ["ch", "ч"], ["sh", "ш"],
  ["ya", "я"], ["yu", "ю"], ["yo", "е"], ["ye", "е"], ["iy", "ий"], ["yy", "ый"],
];
const SINGLE: Readonly<Record<string, string>> = {
  a: "а", b: "б", c: "ц", d: "д", e: "е", f: "ф", g: "г", h: "х", i: "и", j: "й", k: "к", l: "л", m: "м",
  n: "н", o: "о", p: "п", q: "к", r: "р", s: "с", t: "т", u: "у", v: "в", w: "в", x: "х", z: "з", "'": "ь",
};
const VOWELS = new Set("aeiouy");

/**
 * One Latin word (lower case) in Cyrillic letters. "y" is ы after a consonant, й elsewhere ("vizy", "moy");
 * "j" is ж before a vowel, й elsewhere; a final "i" after a vowel is й.
 */
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
    else if (c === "j") out += i + 1 < word.length && VOWELS.has(word[i + 1]!) ? "ж" : "й";
    else if (c === "i" && i === word.length - 1 && i > 0 && VOWELS.has(word[i - 1]!)) out += "й";
    else out += SINGLE[c] ?? c;
    i++;
  }
  return out;
}
