import { foldCase, foldKazakh, lookup, MAX_INPUT_LENGTH } from "./normalize.js";

export type CountParseError = "unrecognised" | "negative" | "not_integer" | "too_large";
export type CountParseResult = { ok: true; value: number } | { ok: false; error: CountParseError };

/** Largest accepted count (50 years in months). */
export const MAX_COUNT = 600;

/**
 * Number words 0..12 in en/ru/kk/de, stored folded (Latin diacritics stripped, Kazakh letters mapped
 * to Russian ones, so "үш" is stored as "уш" and matches both spellings).
 */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  ноль: 0, нуль: 0, один: 1, одна: 1, одного: 1, два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8,
  девять: 9, десять: 10, одиннадцать: 11, двенадцать: 12,
  нол: 0, бир: 1, еки: 2, уш: 3, торт: 4, бес: 5, алты: 6, жети: 7, сегиз: 8, тогыз: 9, он: 10, "он бир": 11, "он еки": 12,
  null: 0, eins: 1, ein: 1, eine: 1, einen: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, funf: 5, fuenf: 5, sechs: 6, sieben: 7,
  acht: 8, neun: 9, zehn: 10, elf: 11, zwolf: 12, zwoelf: 12,
};

/** "months" words that may follow the number (folded like NUMBER_WORDS). */
const MONTH_UNITS = new Set([
  "month", "months", "mo", "mos", "mon", "mth", "mths",
  "месяц", "месяца", "месяцев", "мес",
  "ай", "айга", "ай бойы",
  "monat", "monate", "monaten", "mon", "mt", "mte",
]);

/**
 * Parses a small whole count typed by a person, e.g. the number of months: "6", "6 months",
 * "6 мес", "6 ай", "6 Monate", or a number word 0..12 in en/ru/kk/de ("six", "шесть", "алты",
 * "sechs", "он екі"), optionally followed by a months word. Accepts 0..600.
 * Errors: "negative" ("-3"), "not_integer" ("6.5", "2,5"), "too_large" (> 600), else "unrecognised".
 */
export function parseCount(text: string): CountParseResult {
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, error: "unrecognised" };
  const s = foldKazakh(foldCase(text))
    .replace(/[!?;:()"«»]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/[\s.,]+$/, "")
    .trim();

  const m = /^(-\s*)?(\d+(?:[.,]\d+)?|\p{L}+(?: \p{L}+)?)(?:\s*-?\s*(\p{L}+(?: \p{L}+)?)\.?)?$/u.exec(s);
  if (!m) return { ok: false, error: "unrecognised" };
  const [, minus, numberPart = "", unit] = m;

  let value: number | undefined;
  let unitWords = unit;
  if (/^\d/.test(numberPart)) {
    if (/^[1-9]\d{0,2}[.,]\d{3}$/.test(numberPart)) {
      value = Number(numberPart.replace(/[.,]/, "")); // "1,000": thousands, as in parseAmount
    } else if (/[.,]/.test(numberPart)) {
      const asFloat = Number(numberPart.replace(",", "."));
      if (!Number.isInteger(asFloat)) return { ok: false, error: "not_integer" };
      value = asFloat;
    } else value = Number(numberPart);
  } else {
    // Two words may be "он бир" (11), or "six months" (number + unit): try the longest number first.
    value = lookup(NUMBER_WORDS, numberPart);
    if (value === undefined && unitWords === undefined) {
      const [first = "", second] = numberPart.split(" ");
      value = lookup(NUMBER_WORDS, first);
      unitWords = second;
    }
  }
  if (value === undefined) return { ok: false, error: "unrecognised" };
  if (unitWords !== undefined && !MONTH_UNITS.has(unitWords)) return { ok: false, error: "unrecognised" };
  if (minus !== undefined && value !== 0) return { ok: false, error: "negative" };
  if (value > MAX_COUNT) return { ok: false, error: "too_large" };
  return { ok: true, value };
}
