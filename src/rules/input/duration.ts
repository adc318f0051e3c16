import { parseCount } from "./count.js";
import { monthFromWord } from "./monthNames.js";
import { foldCase, foldKazakh, lookup, MAX_INPUT_LENGTH } from "./normalize.js";

export type DurationParseResult =
  | { ok: true; months: number; /** YYYY-MM the person gave with "since …", counted to today. */ since?: string }
  | { ok: false; error: "unrecognised" | "future" | "too_large" };

export interface DurationParseOptions {
  /** YYYY-MM-DD: "since March 2025" is counted to this day. */
  today: string;
}

const MAX_MONTHS = 600;

/** Number words for durations (folded), fractions included: "полгода" is handled as a word of its own. */
const AMOUNTS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, half: 0.5,
  один: 1, одна: 1, одного: 1, два: 2, две: 2, двух: 2, три: 3, трех: 3, четыре: 4, пять: 5, шесть: 6, полтора: 1.5, полгода: 0.5,
  бир: 1, еки: 2, уш: 3, торт: 4, бес: 5, алты: 6, жарты: 0.5, жарым: 0.5,
  ein: 1, eine: 1, einem: 1, einen: 1, einer: 1, zwei: 2, zwei_: 2, drei: 3, vier: 4, funf: 5, sechs: 6, halb: 0.5, halbes: 0.5,
  anderthalb: 1.5, eineinhalb: 1.5,
};

const YEAR_UNITS = new Set(["year", "years", "yr", "yrs", "год", "года", "лет", "году", "годика", "жыл", "жылдан", "жылдай", "жыл бойы", "jahr", "jahre", "jahren", "jahres"]);
const MONTH_UNITS = new Set(["month", "months", "mo", "mos", "месяц", "месяца", "месяцев", "мес", "ай", "айдан", "айдай", "monat", "monate", "monaten", "monats"]);

/** Words around a duration that do not change it: "about", "more than", "since", "for", "already", "seit", "уже". */
const FILLERS = new Set([
  "about", "around", "almost", "nearly", "over", "more", "than", "for", "already", "approximately", "roughly", "and", "a", "half",
  "около", "примерно", "почти", "больше", "более", "уже", "уж", "чем", "с", "половиной", "уже", "лет", "целый",
  "шамамен", "астам", "бойы", "артык", "кобирек",
  "etwa", "ungefahr", "fast", "mehr", "als", "uber", "schon", "seit", "und", "knapp", "rund",
]);

/** "since …" words: what follows is a start month or year, not a length. */
const SINCE = new Set(["since", "from", "с", "со", "бери", "бастап", "seit", "ab"]);

const fold = (s: string) =>
  foldKazakh(foldCase(s))
    .replace(/(\d)\s*\+/g, "$1 ")
    .replace(/[^\p{L}\p{N}\s.,]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

/** "наурызынан" (from March): the possessive and ablative endings after a Kazakh month name. */
const KAZAKH_ABLATIVE = /[ыи]?(нан|нен|дан|ден|тан|тен)$/;

function monthsSince(year: number, month: number, today: string): number {
  const ty = Number(today.slice(0, 4));
  const tm = Number(today.slice(5, 7));
  return (ty - year) * 12 + (tm - month);
}

/** "since March 2025", "с марта 2025", "seit März 2025", "2025 жылдың наурызынан бері", "since 2024". */
function parseSince(ws: string[], today: string): DurationParseResult | undefined {
  if (!ws.some((w) => SINCE.has(w))) return undefined;
  let year: number | undefined;
  let month: number | undefined;
  for (const w of ws) {
    if (SINCE.has(w) || FILLERS.has(w) || ["г", "года", "году", "жылы", "жылдын", "жылгы", "ж"].includes(w)) continue;
    if (/^\d{4}$/.test(w)) year = Number(w);
    else if (month === undefined && monthFromWord(w) !== undefined) month = monthFromWord(w);
    else if (/^(19|20)\d{2}\D/.test(w)) year = Number(w.slice(0, 4));
    else if (!/^\d{1,2}$/.test(w) && monthFromWord(w.replace(KAZAKH_ABLATIVE, "")) !== undefined) {
      month = monthFromWord(w.replace(KAZAKH_ABLATIVE, ""));
    } else return undefined;
  }
  if (year === undefined) return undefined;
  // A year alone: the person started at some point in it; count from its last month, the safe lower bound.
  const months = monthsSince(year, month ?? 12, today);
  if (months < 0) return { ok: false, error: "future" };
  if (months > MAX_MONTHS) return { ok: false, error: "too_large" };
  return { ok: true, months, since: `${year}-${String(month ?? 12).padStart(2, "0")}` };
}

/**
 * Reads how long someone has earned an income, as people say it: "8", "8 months", "a year", "1 year",
 * "about a year", "полгода", "два года", "полтора года", "seit 2 Jahren", "12+", "since March 2025" (counted
 * to `today` in whole months), "жарты жыл", "бір жыл". "12+" and "more than a year" count as their lower
 * bound. Falls back to parseCount for plain counts of months.
 */
export function parseDuration(text: string, opts: DurationParseOptions): DurationParseResult {
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, error: "unrecognised" };
  const count = parseCount(text.replace(/(\d)\s*\+/, "$1"));
  if (count.ok) return { ok: true, months: count.value };
  const s = fold(text);
  const ws = s.split(" ").filter((w) => w !== "");
  const since = parseSince(ws, opts.today);
  if (since) return since;

  // Pairs of an amount and its unit add up ("2 года 3 месяца"); an amount with no unit after it, or a unit
  // with no amount ("год", "Jahr"), counts as one.
  let total = 0;
  let amount: number | undefined;
  let pairs = 0;
  let half = false;
  let article = false;
  const close = (factor: number) => {
    total += ((amount ?? 1) + (half ? 0.5 : 0)) * factor;
    amount = undefined;
    half = false;
    article = false;
    pairs++;
  };
  for (const w of ws) {
    if (w === "полгода" || w === "halbjahr") {
      amount = 0.5;
      close(12);
      continue;
    }
    if (/^\d+([.,]\d+)?$/.test(w)) {
      if (amount !== undefined) return { ok: false, error: "unrecognised" };
      amount = Number(w.replace(",", "."));
      continue;
    }
    if (YEAR_UNITS.has(w) || /^jahr/.test(w) || /^жыл/.test(w)) {
      close(12);
      continue;
    }
    if (MONTH_UNITS.has(w) || /^monat/.test(w) || /^месяц/.test(w)) {
      close(1);
      continue;
    }
    const n = lookup(AMOUNTS, w);
    if (n !== undefined) {
      const isArticle = ["a", "an", "ein", "eine", "einem", "einen", "einer"].includes(w);
      if (n === 0.5 && article) amount = 0.5; // "a half", "ein halbes Jahr"
      else if (n === 0.5 && (amount !== undefined || pairs > 0)) {
        if (amount === undefined && pairs > 0) total += 6; // "a year and a half"
        else half = true;
      } else if (amount === undefined) amount = n;
      else if (!isArticle) return { ok: false, error: "unrecognised" };
      article = isArticle && amount === 1;
      continue;
    }
    if (FILLERS.has(w)) {
      if (w === "половиной") total += 6;
      continue;
    }
    return { ok: false, error: "unrecognised" };
  }
  if (pairs === 0) return { ok: false, error: "unrecognised" };
  // "a year and a half": the half left at the end is half a year.
  const months = Math.floor(total + (amount === 0.5 ? 6 : 0));
  if (months > MAX_MONTHS) return { ok: false, error: "too_large" };
  return { ok: true, months };
}
