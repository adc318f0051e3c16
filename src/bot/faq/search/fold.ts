/**
 * Spellings people use interchangeably: Kazakh letters typed on a Russian keyboard (құжат/кужат),
 * ё as е, German umlauts written out (Gebühr/Gebuehr), and the letters of the 2021 Kazakh Latin alphabet
 * that no other language here uses, as people type them without it (ı, the 2021 alphabet's і, as i: "tızımı"/
 * "tizimi"; ş as sh, ğ as g, ñ as n, ū as u, ç as ch). Its ä, ö, ü stay German (ae, oe, ue). Both the index
 * and queries are folded alike.
 */
const FOLD: Readonly<Record<string, string>> = {
  ә: "а", ғ: "г", қ: "к", ң: "н", ө: "о", ұ: "у", ү: "у", һ: "х", і: "и", ё: "е",
  ä: "ae", ö: "oe", ü: "ue", ß: "ss",
  ı: "i", ş: "sh", ğ: "g", ñ: "n", ū: "u", ç: "ch",
};

/**
 * Latin letters that look like Cyrillic ones, as they slip into a Cyrillic word typed on a keyboard without
 * Kazakh letters: "бiлгiм" with a Latin i for і, "кужат" with a Latin a. Only inside a word that has Cyrillic
 * letters: a Latin word stays Latin. i is read as и, the folded і.
 */
const LOOKALIKE: Readonly<Record<string, string>> = {
  a: "а", e: "е", o: "о", c: "с", p: "р", x: "х", y: "у", i: "и", k: "к", m: "м", t: "т", h: "н",
};
import { splitLatinHead } from "./latinHead.js";

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[a-z]/;

export function foldSpelling(word: string): string {
  return word
    .replace(/[әғқңөұүһіёäöüßışğñūç]/g, (c) => FOLD[c] ?? c)
    .replace(/\p{L}+/gu, (w) => (CYRILLIC.test(w) && LATIN.test(w) && !splitLatinHead(w.toLowerCase()) ? w.replace(/[aeocpxyikmth]/g, (c) => LOOKALIKE[c]!) : w));
}
