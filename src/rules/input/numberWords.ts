import { foldKazakh, lookup } from "./normalize.js";

/**
 * Numbers written in words, for amounts such as "five thousand", "пять тысяч", "бес мың", "fünftausend",
 * "three thousand five hundred". Keys are folded as `foldCase` + `foldKazakh` fold input. Written by hand:
 * the number-word libraries on npm cover English only, and we need the four languages of the bot.
 */
const VALUES: Readonly<Record<string, number>> = {
  // English
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  // Russian
  один: 1, одна: 1, одну: 1, два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10,
  одиннадцать: 11, двенадцать: 12, пятнадцать: 15, двадцать: 20, тридцать: 30, сорок: 40, пятьдесят: 50, шестьдесят: 60,
  семьдесят: 70, восемьдесят: 80, девяносто: 90, сто: 100, двести: 200, триста: 300, четыреста: 400, пятьсот: 500,
  шестьсот: 600, семьсот: 700, восемьсот: 800, девятьсот: 900, полторы: 1.5, полтора: 1.5,
  // Kazakh (folded)
  бир: 1, еки: 2, уш: 3, торт: 4, бес: 5, алты: 6, жети: 7, сегиз: 8, тогыз: 9, он: 10, жиырма: 20, отыз: 30, кырык: 40, елу: 50,
  алпыс: 60, жетпис: 70, сексен: 80, токсан: 90,
  // German (folded), also the parts of compounds
  ein: 1, eins: 1, eine: 1, zwei: 2, drei: 3, vier: 4, funf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11,
  zwolf: 12, zwanzig: 20, dreissig: 30, vierzig: 40, funfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};

const HUNDRED = new Set(["hundred", "жуз", "hundert"]);
const THOUSAND = new Set(["thousand", "тысяча", "тысячи", "тысяч", "тысячу", "тыс", "мын", "tausend"]);
const MILLION = new Set(["million", "millions", "миллион", "миллиона", "миллионов", "млн", "миллион", "mio", "millionen"]);
const JOINERS = new Set(["and", "und"]);

/** German number parts, longest first, for splitting compounds like "dreitausendfunfhundert". */
const GERMAN_PARTS = [
  "tausend", "hundert", "dreissig", "zwanzig", "vierzig", "funfzig", "sechzig", "siebzig", "achtzig", "neunzig",
  "sieben", "sechs", "zwolf", "fuenf", "zehn", "eins", "eine", "zwei", "drei", "vier", "funf", "acht", "neun", "elf", "ein", "und",
];

function splitGerman(word: string): string[] | undefined {
  const parts: string[] = [];
  let rest = word;
  while (rest.length > 0) {
    const part = GERMAN_PARTS.find((p) => rest.startsWith(p));
    if (part === undefined) return undefined;
    parts.push(part);
    rest = rest.slice(part.length);
  }
  return parts;
}

/** True when a folded word is (part of) a written number. */
export function isNumberWord(word: string): boolean {
  const w = foldKazakh(word);
  return lookup(VALUES, w) !== undefined || HUNDRED.has(w) || THOUSAND.has(w) || MILLION.has(w) || (w.length > 6 && splitGerman(w) !== undefined);
}

/**
 * The value of a run of number words ("three thousand five hundred" = 3500, "үш мың бес жүз" = 3500,
 * "zweitausendfünfhundert" = 2500), or undefined when a word is not a number word. `words` are folded.
 */
export function numberFromWords(words: readonly string[]): number | undefined {
  const parts: string[] = [];
  for (const raw of words) {
    const w = foldKazakh(raw);
    if (lookup(VALUES, w) !== undefined || HUNDRED.has(w) || THOUSAND.has(w) || MILLION.has(w) || JOINERS.has(w)) parts.push(w);
    else {
      const split = splitGerman(w);
      if (split === undefined) return undefined;
      parts.push(...split);
    }
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of parts) {
    if (JOINERS.has(w)) continue;
    seen = true;
    const v = lookup(VALUES, w);
    if (v !== undefined) current += v;
    else if (HUNDRED.has(w)) current = (current || 1) * 100;
    else if (THOUSAND.has(w)) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (MILLION.has(w)) {
      total += (current || 1) * 1_000_000;
      current = 0;
    }
  }
  return seen ? total + current : undefined;
}
