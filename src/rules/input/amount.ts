import {
  AMBIGUOUS_SIGNS,
  AMOUNT_FILLERS,
  CURRENCY_WORDS,
  DOLLAR_COUNTRIES,
  DOLLAR_PREFIXES,
  DOLLAR_WORD,
  MULTIPLIER_WORDS,
  YEAR_WORDS,
} from "./currencyWords.js";
import { foldCase, lookup, MAX_INPUT_LENGTH } from "./normalize.js";
import { isNumberWord, numberFromWords } from "./numberWords.js";

/** "ambiguous_currency": a sign several currencies share ("¥": JPY or CNY) with nothing saying which; see `candidates`. */
export type AmountParseError = "unrecognised" | "negative" | "too_large" | "ambiguous_currency";
/** ISO 4217 code; the four the bot cares about are spelled out for readers. */
export type Currency = "USD" | "EUR" | "KZT" | "RUB" | (string & {});
/** "year" when the text says the amount is per year ("50k per year", "в год", "jährlich"); absent otherwise. */
export type AmountPeriod = "year";
export type AmountParseResult =
  | { ok: true; amount: number; currency?: Currency; period?: AmountPeriod }
  | { ok: false; error: Exclude<AmountParseError, "ambiguous_currency"> }
  | { ok: false; error: "ambiguous_currency"; candidates: readonly Currency[] };

/** Anything above this is treated as a typo or a joke. */
export const MAX_AMOUNT = 10_000_000;

const UNRECOGNISED: AmountParseResult = { ok: false, error: "unrecognised" };

/** One run of digits with grouping / decimal separators inside ("3 500,50", "3.500", "3,5"). */
const NUMBER_CHUNK = /\d(?:[\d.,'’ ]*\d)?/g;
/** Words, currency symbols and signs around the number; `.,/:()` are ignored, anything else is not. */
const SIDE_TOKEN = /\p{L}+|[$€₸₽£¥￥~≈+-]|[.,/:()]|\S/gu;

const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
/** "CA$", "A$", "HK$" ... joined to the sign, not after a letter ("dollars$" is no "s$"). */
const DOLLAR_PREFIX = new RegExp(`(?<!\\p{L})(${byLength(Object.keys(DOLLAR_PREFIXES)).join("|")})\\$`, "gu");
/** "canadian dollars", "канадских долларов", "Hongkong-Dollar": a country word, then a dollar word. */
const DOLLAR_COUNTRY = new RegExp(
  `(?<!\\p{L})(${byLength(Object.keys(DOLLAR_COUNTRIES)).join("|")})\\p{L}*[\\s-]+${DOLLAR_WORD}(?!\\p{L})`,
  "gu",
);
const dollarOf = (table: Readonly<Record<string, string>>) => (_: string, key: string) =>
  ` ${(lookup(table, key) ?? "USD").toLowerCase()} `;

/**
 * Truncates to cents, never rounding up: an amount below a line ("2,999.999" under 3,000) must stay below it.
 * Rounded to a millionth first, so binary noise ("0.29 * 100" = 28.999...) does not cost a cent.
 */
export function floorCents(n: number): number {
  return Math.floor(Math.round(n * 1e6) / 1e4) / 100;
}

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

/** What the words around a number say: its currency, a multiplier, the period, a sign. */
interface Sides {
  negative: boolean;
  currency?: string;
  /** A shared sign seen ("¥"): the codes it may stand for, until a code or word on either side picks one. */
  signOf?: readonly string[];
  multiplier?: number;
  period?: AmountPeriod;
  /** Number words, in order, when the amount is written in words. */
  words: string[];
}

/** Reads one word or sign around the number into `sides`; false when it is not something an amount may carry. */
function readSideToken(token: string, side: "prefix" | "suffix" | "words", sides: Sides): boolean {
  if (/^[.,/:()]$/.test(token)) return true;
  if (token === "-" || token === "минус" || token === "minus") {
    if (side === "suffix") return false;
    sides.negative = true;
    return true;
  }
  if (side === "words" && isNumberWord(token)) {
    sides.words.push(token);
    return true;
  }
  const shared = lookup(AMBIGUOUS_SIGNS, token);
  if (shared !== undefined) {
    sides.signOf = shared;
    return true;
  }
  const code = lookup(CURRENCY_WORDS, token) ?? (isIsoCurrency(token) ? token.toUpperCase() : undefined);
  if (code !== undefined) {
    if (sides.currency !== undefined && sides.currency !== code) return false;
    sides.currency = code;
    return true;
  }
  const factor = lookup(MULTIPLIER_WORDS, token);
  if (factor !== undefined && side === "suffix" && sides.multiplier === undefined) {
    sides.multiplier = factor;
    return true;
  }
  if (YEAR_WORDS.has(token)) {
    sides.period = "year";
    return true;
  }
  return AMOUNT_FILLERS.has(token);
}

/**
 * Parses a money amount typed by a person ("3 500", "3.500,50", "$3,500", "3500 долларов",
 * "3,5к", "3 мың", "€3000", "£3,200 a month", "50k per year", "five thousand", "пять тысяч долларов",
 * "fünftausend Euro"). The currency is reported as written, never converted; it is absent when the text
 * names none. "Per month" and "about" words are tolerated; "per year" words set `period: "year"`; anything
 * else around the number (a second number, "or", ...) makes it "unrecognised". Results are cut to cents, never
 * rounded up (floorCents). "CA$", "A$", "HK$" ... and "Canadian dollars" are those dollars, a bare "$" is USD.
 * Errors: "negative" for "-3500", "too_large" above 10,000,000, "ambiguous_currency" for "¥450000" (yen or yuan).
 */
export function parseAmount(text: string): AmountParseResult {
  if (text.length > MAX_INPUT_LENGTH) return UNRECOGNISED;
  const folded = foldCase(text)
    .replace(DOLLAR_PREFIX, dollarOf(DOLLAR_PREFIXES))
    .replace(DOLLAR_COUNTRY, dollarOf(DOLLAR_COUNTRIES))
    .replace(/\bus[\s-]?dollars?\b/g, " usd ")
    .trim();
  const chunks = [...folded.matchAll(NUMBER_CHUNK)];
  const sides: Sides = { negative: false, words: [] };
  let value: number | undefined;
  if (chunks.length === 0) {
    for (const [token] of folded.matchAll(SIDE_TOKEN)) if (!readSideToken(token, "words", sides)) return UNRECOGNISED;
    value = sides.words.length > 0 ? numberFromWords(sides.words) : undefined;
  } else {
    const chunk = chunks[0];
    if (chunks.length !== 1 || !chunk) return UNRECOGNISED;
    const prefix = folded.slice(0, chunk.index);
    const suffix = folded.slice(chunk.index + chunk[0].length);
    for (const [side, part] of [["prefix", prefix], ["suffix", suffix]] as const) {
      for (const [token] of part.matchAll(SIDE_TOKEN)) if (!readSideToken(token, side, sides)) return UNRECOGNISED;
    }
    value = readNumber(chunk[0], sides.multiplier !== undefined);
  }
  if (value === undefined) return UNRECOGNISED;
  const amount = floorCents(value * (sides.multiplier ?? 1));
  if (sides.negative && amount !== 0) return { ok: false, error: "negative" };
  if (amount > MAX_AMOUNT) return { ok: false, error: "too_large" };
  if (sides.signOf !== undefined) {
    // "¥450000": yen or yuan, a factor of about 20 apart; guessing one would give a confident wrong verdict.
    if (sides.currency === undefined) return { ok: false, error: "ambiguous_currency", candidates: sides.signOf };
    if (!sides.signOf.includes(sides.currency)) return UNRECOGNISED; // "¥3000 EUR"
  }
  return {
    ok: true,
    amount,
    ...(sides.currency === undefined ? {} : { currency: sides.currency }),
    ...(sides.period === undefined ? {} : { period: sides.period }),
  };
}
