import { monthFromWord } from "./monthNames.js";
import { foldCase, foldKazakh, lookup, MAX_INPUT_LENGTH } from "./normalize.js";

/** "missing_day": a month and a year with no day ("March 2027", "03/2027"). */
export type DateParseError = "unrecognised" | "invalid_date" | "ambiguous" | "missing_day";
export type DateParseResult = { ok: true; date: string } | { ok: false; error: DateParseError };

export interface DateParseOptions {
  /** The person's current date, YYYY-MM-DD (relative words and two-digit years depend on it). */
  today: string;
  /**
   * The person's language. Only "en" changes anything: a slash or dash date whose two first parts are
   * both 1..12 and differ ("03/04/2027", "03-04-2027") is then "ambiguous", because English speakers may
   * be American. Without it (and for ru/kk/de) such dates are read day first.
   */
  locale?: "en" | "ru" | "kk" | "de";
}

/** Relative day words -> offset from today. Keys go through the same folding as the input. */
const RELATIVE: Readonly<Record<string, number>> = {
  yesterday: -1,
  вчера: -1,
  кеше: -1,
  gestern: -1,
  today: 0,
  сегодня: 0,
  бугин: 0,
  heute: 0,
  tomorrow: 1,
  завтра: 1,
  ертен: 1,
  morgen: 1,
  "day after tomorrow": 2,
  послезавтра: 2,
  бурсигуни: 2,
  ubermorgen: 2,
  uebermorgen: 2,
};

/** Words that may surround a date without changing it ("2027 жылғы", "г.", "the 15th of"). */
const FILLERS = new Set(
  ["the", "of", "on", "year", "г", "гг", "год", "года", "году", "ж", "жыл", "жылы", "жылгы", "жылдын", "den", "am", "im", "jahr", "jahres", "des"],
);
/** Ordinal endings written after the day number ("15th", "15-го", "15-і"). */
const ORDINALS = new Set(["st", "nd", "rd", "th", "го", "е", "ое", "ого", "и", "ы", "ши", "шы", "инши", "ынши", "нши", "ншы"]);

type Token = { kind: "num"; text: string } | { kind: "word"; text: string } | { kind: "sep"; text: string };

const TOKEN = /(\d+)|(\p{L}+)|([./-])|[\s,]+|(.)/gsu;

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const [, num, word, sep, other] = m;
    if (other !== undefined) return undefined; // stray symbols: not a date
    if (num !== undefined) tokens.push({ kind: "num", text: num });
    else if (word !== undefined) tokens.push({ kind: "word", text: word });
    else if (sep !== undefined) tokens.push({ kind: "sep", text: sep });
  }
  return tokens;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseToday(today: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new RangeError(`parseDate: opts.today must be YYYY-MM-DD, got "${today}"`);
  }
  return { y, m: mo, d };
}

/** Two-digit years: 20YY unless that is more than 50 years ahead of today, then 19YY. */
function expandYear(raw: string, todayYear: number): number | undefined {
  if (raw.length === 4) return Number(raw);
  if (raw.length !== 2) return undefined;
  const yy = Number(raw);
  return 2000 + yy > todayYear + 50 ? 1900 + yy : 2000 + yy;
}

function build(y: number, m: number, d: number): DateParseResult {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, error: "invalid_date" };
  }
  return { ok: true, date: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

const UNRECOGNISED: DateParseResult = { ok: false, error: "unrecognised" };

/** "15.03" (no year): understood, but incomplete -> ambiguous; "03/2027" (no day) -> missing_day. */
function partialNumeric(a: string, b: string): DateParseResult {
  const dayMonth = a.length <= 2 && b.length <= 2 && Number(a) >= 1 && Number(a) <= 31 && Number(b) >= 1 && Number(b) <= 12;
  const monthYear = a.length <= 2 && b.length === 4 && Number(a) >= 1 && Number(a) <= 12;
  const yearMonth = a.length === 4 && b.length <= 2 && Number(b) >= 1 && Number(b) <= 12;
  if (monthYear || yearMonth) return { ok: false, error: "missing_day" };
  return dayMonth ? { ok: false, error: "ambiguous" } : UNRECOGNISED;
}

/** All-number dates: Y-M-D when the first part has 4 digits, else D.M.Y (M/D/Y when forced). */
function parseNumeric(nums: Token[], seps: string[], todayYear: number, locale: DateParseOptions["locale"]): DateParseResult {
  if (nums.length === 2) return partialNumeric(nums[0]?.text ?? "", nums[1]?.text ?? "");
  if (nums.length !== 3) return UNRECOGNISED;
  const [a, b, c] = nums.map((t) => t.text) as [string, string, string];
  const sep = seps[0] ?? " ";
  if (seps.some((s) => s !== sep)) return UNRECOGNISED; // "15.03/2027"
  if (a.length === 4) {
    if (b.length > 2 || c.length > 2) return UNRECOGNISED;
    return build(Number(a), Number(b), Number(c));
  }
  if (a.length > 2 || b.length > 2) return UNRECOGNISED;
  const year = expandYear(c, todayYear);
  if (year === undefined) return UNRECOGNISED;
  const first = Number(a);
  const second = Number(b);
  // Day first is the rule; month first only when that is the one possible reading (03/15/2027).
  if (first <= 12 && second > 12 && second <= 31) return build(year, first, second);
  // American English writes month first with slashes and dashes alike (05-06-2030 is May 6 there). Dots stay
  // day first: 15.03.2027 is the form every prompt, the English ones included, gives as an example.
  if (locale === "en" && (sep === "/" || sep === "-") && first <= 12 && second <= 12 && first !== second && first > 0 && second > 0) {
    return { ok: false, error: "ambiguous" };
  }
  return build(year, second, first);
}

/** Dates with a month word: "15 March 2027", "March 15, 2027", "2027 жылғы 15 наурыз", "2027 наурыздың 15-і". */
function parseWithMonth(tokens: Token[], month: number, todayYear: number): DateParseResult {
  const shape = tokens.map((t) => (t.kind === "num" ? (t.text.length === 4 ? "Y" : t.text.length <= 2 ? "n" : "?") : "M")).join("");
  const nums = tokens.filter((t) => t.kind === "num").map((t) => t.text);
  const [first, second] = nums as [string, string];
  switch (shape) {
    case "nMY": // 15 March 2027
    case "nMn": // 15 March 27
    case "MnY": // March 15, 2027
    case "Mnn": {
      const year = expandYear(second, todayYear);
      return year === undefined ? UNRECOGNISED : build(year, month, Number(first));
    }
    case "YnM": // 2027 жылғы 15 наурыз
    case "YMn": // 2027 March 15, 2027 наурыздың 15-і
      return build(Number(first), month, Number(second));
    case "nM": // 15 March: the year is missing
    case "Mn":
      return Number(first) >= 1 && Number(first) <= 31 ? { ok: false, error: "ambiguous" } : UNRECOGNISED;
    case "MY": // March 2027: the day is missing
    case "YM":
      return { ok: false, error: "missing_day" };
    default:
      return UNRECOGNISED;
  }
}

/**
 * Parses a calendar date typed by a person into YYYY-MM-DD.
 *
 * Numeric dates are read day first (15.03.2027, 15/03/2027, 15-03-2027, 15.3.27); a 4-digit first
 * part means year first (2027-03-15). Month first (03/15/2027) is used only when the second part
 * is 13..31, i.e. when day first is impossible. Two-digit years are 20YY, or 19YY when 20YY would
 * be more than 50 years after `today`. Month words in en/ru/kk/de are accepted in any common order,
 * and today/tomorrow/yesterday words in the four languages are resolved against `today`.
 *
 * Errors: "invalid_date" for impossible days (2027-02-30), "ambiguous" when the year is missing
 * ("15 March") or, with `locale: "en"`, for slash or dash dates readable both ways, "missing_day" for
 * a month and a year alone ("March 2027", "03/2027"); else "unrecognised".
 */
export function parseDate(text: string, opts: DateParseOptions): DateParseResult {
  const today = parseToday(opts.today);
  if (text.length > MAX_INPUT_LENGTH) return UNRECOGNISED;
  // Edge punctuation ("15.03.2027!", "«Today»") never matters.
  const folded = foldKazakh(foldCase(text))
    .replace(/^[\s!?,;:()"'«»“”„]+|[\s!?,;:()"'«»“”„]+$/g, "")
    .trim();

  const relKey = folded.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const offset = lookup(RELATIVE, relKey);
  if (offset !== undefined) {
    const d = new Date(Date.UTC(today.y, today.m - 1, today.d + offset));
    return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }

  const raw = tokenize(folded);
  if (!raw) return UNRECOGNISED;

  // Drop filler words and ordinal endings right after a number.
  const tokens: Token[] = [];
  for (const t of raw) {
    if (t.kind === "word") {
      if (FILLERS.has(t.text)) continue;
      const prev = tokens.filter((x) => x.kind !== "sep").at(-1);
      if (prev?.kind === "num" && ORDINALS.has(t.text)) continue;
    }
    tokens.push(t);
  }
  while (tokens.at(-1)?.kind === "sep" && tokens.at(-1)?.text === ".") tokens.pop(); // "15.03.2027."

  const words = tokens.filter((t) => t.kind === "word");
  const nums = tokens.filter((t) => t.kind === "num");
  if (words.length === 0) {
    if (tokens[0]?.kind !== "num" || tokens.at(-1)?.kind !== "num") return UNRECOGNISED;
    // Separator between each pair of numbers; plain spacing counts as " ", "15..03" is rejected.
    const seps: string[] = [];
    let pending: string | undefined;
    for (const t of tokens.slice(1)) {
      if (t.kind === "sep") {
        if (pending !== undefined) return UNRECOGNISED;
        pending = t.text;
      } else {
        seps.push(pending ?? " ");
        pending = undefined;
      }
    }
    return parseNumeric(nums, seps, today.y, opts.locale);
  }

  if (words.length !== 1) return UNRECOGNISED;
  const month = monthFromWord(words[0]?.text ?? "");
  if (month === undefined) return UNRECOGNISED;
  return parseWithMonth(
    tokens.filter((t) => t.kind !== "sep"),
    month,
    today.y,
  );
}
