import { AMOUNT_FILLERS, CURRENCY_WORDS, MULTIPLIER_WORDS } from "./currencyWords.js";
import { foldCase, lookup, MAX_INPUT_LENGTH } from "./normalize.js";

export type AmountParseError = "unrecognised" | "negative" | "too_large";
/** ISO 4217 code; the four the bot cares about are spelled out for readers. */
export type Currency = "USD" | "EUR" | "KZT" | "RUB" | (string & {});
export type AmountParseResult =
  | { ok: true; amount: number; currency?: Currency }
  | { ok: false; error: AmountParseError };

/** Anything above this is treated as a typo or a joke. */
export const MAX_AMOUNT = 10_000_000;

const UNRECOGNISED: AmountParseResult = { ok: false, error: "unrecognised" };

/** One run of digits with grouping / decimal separators inside ("3 500,50", "3.500", "3,5"). */
const NUMBER_CHUNK = /\d(?:[\d.,'’ ]*\d)?/g;
/** Words, currency symbols and signs around the number; `.,/:()` are ignored, anything else is not. */
const SIDE_TOKEN = /\p{L}+|[$€₸₽£¥~≈+-]|[.,/:()]|\S/gu;

let isoCodes: Set<string> | undefined;
function isIsoCurrency(word: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf("currency").map((c) => c.toLowerCase()));
  return word.length === 3 && isoCodes.has(word);
}

/**
 * Reads the digits of one chunk. Separator rules:
 * - both "." and "," present: the last one is the decimal mark ("3.500,50", "3,500.50");
 * - one "." or "," followed by exactly three digits, after 1-3 digits not starting with 0, is a
 *   thousands separator ("3.500" = 3500, "3,500" = 3500); otherwise it is the decimal mark
 *   ("3.5", "3,50", "0.500", "1234.567"). With a thousand/million word it is always decimal ("3,5к");
 * - the same mark repeated is grouping ("1.000.000"); spaces and apostrophes only ever group;
 * - every group after the first must have exactly three digits.
 */
function readNumber(chunk: string, decimalPreferred: boolean): number | undefined {
  const dots = chunk.split(".").length - 1;
  const commas = chunk.split(",").length - 1;
  let decimalMark: "." | "," | undefined;
  if (dots > 0 && commas > 0) {
    decimalMark = chunk.lastIndexOf(".") > chunk.lastIndexOf(",") ? "." : ",";
    if ((decimalMark === "." ? dots : commas) > 1) return undefined;
  } else if (dots + commas === 1) {
    const mark = dots === 1 ? "." : ",";
    const [before = "", after = ""] = chunk.split(mark);
    const lastGroup = before.split(/[ '’]/).at(-1) ?? "";
    const groups = !decimalPreferred && /^\d{3}$/.test(after) && /^[1-9]\d{0,2}$/.test(lastGroup);
    if (!groups) decimalMark = mark;
  }

  let integer = chunk;
  let fraction = "";
  if (decimalMark !== undefined) {
    const at = chunk.lastIndexOf(decimalMark);
    integer = chunk.slice(0, at);
    fraction = chunk.slice(at + 1);
    if (!/^\d+$/.test(fraction)) return undefined;
  }
  const groups = integer.split(/[ '’.,]/);
  if (groups.length > 1) {
    const [first = "", ...rest] = groups;
    if (!/^[1-9]\d{0,2}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) return undefined;
  } else if (!/^\d+$/.test(integer)) {
    return undefined;
  }
  return Number(`${groups.join("")}.${fraction || "0"}`);
}

/**
 * Parses a money amount typed by a person ("3 500", "3.500,50", "$3,500", "3500 долларов",
 * "3,5к", "3 мың", "€3000"). The currency is reported as written, never converted; it is absent
 * when the text names none. "per month"/"about" words are tolerated; anything else around the
 * number (a second number, "per year", ...) makes it "unrecognised". Results are rounded to cents.
 * Errors: "negative" for "-3500", "too_large" above 10,000,000.
 */
export function parseAmount(text: string): AmountParseResult {
  if (text.length > MAX_INPUT_LENGTH) return UNRECOGNISED;
  const folded = foldCase(text).replace(/us\$/g, " usd ").trim();
  const chunks = [...folded.matchAll(NUMBER_CHUNK)];
  if (chunks.length !== 1) return UNRECOGNISED;
  const chunk = chunks[0];
  if (!chunk) return UNRECOGNISED;
  const start = chunk.index;
  const prefix = folded.slice(0, start);
  const suffix = folded.slice(start + chunk[0].length);

  let negative = false;
  let currency: string | undefined;
  let multiplier: number | undefined;
  for (const [side, part] of [["prefix", prefix], ["suffix", suffix]] as const) {
    for (const [token] of part.matchAll(SIDE_TOKEN)) {
      if (/^[.,/:()]$/.test(token)) continue;
      if (token === "-" || token === "минус" || token === "minus") {
        if (side === "suffix") return UNRECOGNISED;
        negative = true;
        continue;
      }
      const code = lookup(CURRENCY_WORDS, token) ?? (isIsoCurrency(token) ? token.toUpperCase() : undefined);
      if (code !== undefined) {
        if (currency !== undefined && currency !== code) return UNRECOGNISED;
        currency = code;
        continue;
      }
      const factor = lookup(MULTIPLIER_WORDS, token);
      if (factor !== undefined && side === "suffix" && multiplier === undefined) {
        multiplier = factor;
        continue;
      }
      if (AMOUNT_FILLERS.has(token)) continue;
      return UNRECOGNISED;
    }
  }

  const value = readNumber(chunk[0], multiplier !== undefined);
  if (value === undefined) return UNRECOGNISED;
  const amount = Math.round(value * (multiplier ?? 1) * 100) / 100;
  if (negative && amount !== 0) return { ok: false, error: "negative" };
  if (amount > MAX_AMOUNT) return { ok: false, error: "too_large" };
  return currency === undefined ? { ok: true, amount } : { ok: true, amount, currency };
}
