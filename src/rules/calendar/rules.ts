/**
 * Derives one year of Kazakhstan's working-day calendar from the facts (kz.holidays.*) and the government's day
 * swaps (data.ts). Nothing runs at import time; each year is built on first use and cached.
 */
import { factList, factRecord, getFact } from "../data/load.js";
import type { FactId } from "../data/facts/index.js";
import { DAY_SWAPS, FIXED_HOLIDAY_IDS, type DaySwap, type HolidayId } from "./data.js";
import { dayOfMonthDay, fromDayNumber, isWeekend, toDayNumber, yearOfDay } from "./dates.js";

/** Why a day is not an ordinary working day. */
export type DayReason = "weekend" | "holiday" | "transfer" | "swap_off" | "swap_workday";

/** A day that is not an ordinary weekday or weekend: a holiday, a transfer day or half of a swap. */
export interface SpecialDay {
  readonly reason: Exclude<DayReason, "weekend">;
  /** The holiday, for a holiday or a transfer day. */
  readonly holiday?: HolidayId;
}

export interface YearCalendar {
  readonly year: number;
  /** Special days by day number; every other day is a weekend day (Sat/Sun) or a working day. */
  readonly days: ReadonlyMap<number, SpecialDay>;
  /** Whether the facts hold Kurban Ait's date for this year. */
  readonly kurbanAitKnown: boolean;
}

/** The facts the calendar reads. */
export const CALENDAR_FACT_IDS = [
  "kz.holidays.fixed",
  "kz.holidays.kurban_ait",
  "kz.holidays.weekend_rule",
  "kz.holidays.constitution_day",
  "kz.time_zone",
] as const satisfies readonly FactId[];

interface HolidayRules {
  /** Month-days "MM-DD" that are holidays every year. */
  readonly fixed: readonly string[];
  /** Kurban Ait's first day by year. */
  readonly kurbanAit: ReadonlyMap<number, number>;
  /** 30 August is Constitution Day up to this year. */
  readonly aug30LastYear: number;
  /** 15 March is Constitution Day from this year. */
  readonly mar15FirstYear: number;
  /** Holidays that do not move when they fall on a weekend. */
  readonly noTransferMonthDays: ReadonlySet<string>;
  readonly noTransferKurbanAit: boolean;
}

const MONTH_DAY = /^\d{2}-\d{2}$/;

function factError(id: FactId, problem: string): Error {
  return new Error(`Fact "${id}" cannot be read by the working-day calendar: ${problem}`);
}

function wholeYear(id: FactId, key: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw factError(id, `"${key}" should be a year`);
  return value;
}

let rulesCache: HolidayRules | undefined;

/** Reads and checks the holiday facts once. A fact the calendar cannot understand throws, naming the fact. */
function holidayRules(): HolidayRules {
  if (rulesCache) return rulesCache;

  const fixed = factList("kz.holidays.fixed");
  for (const md of fixed) {
    if (!MONTH_DAY.test(md) || !FIXED_HOLIDAY_IDS[md]) {
      throw factError(
        "kz.holidays.fixed",
        `month-day "${md}" is not a holiday the calendar can name; add it to FIXED_HOLIDAY_IDS in src/rules/calendar/data.ts`,
      );
    }
  }

  const kurbanAit = new Map<number, number>();
  for (const [key, value] of Object.entries(factRecord("kz.holidays.kurban_ait"))) {
    const year = Number(key);
    if (!/^\d{4}$/.test(key) || typeof value !== "string") {
      throw factError("kz.holidays.kurban_ait", `entry "${key}" should map a year to a date YYYY-MM-DD`);
    }
    let day: number;
    try {
      day = toDayNumber(value, "Kurban Ait date");
    } catch (e) {
      throw factError("kz.holidays.kurban_ait", (e as Error).message);
    }
    if (yearOfDay(day) !== year) throw factError("kz.holidays.kurban_ait", `"${key}": ${value} is not in ${key}`);
    kurbanAit.set(year, day);
  }

  const constitution = factRecord("kz.holidays.constitution_day");
  const aug30LastYear = wholeYear("kz.holidays.constitution_day", "aug_30_last_year", constitution["aug_30_last_year"]);
  const mar15FirstYear = wholeYear("kz.holidays.constitution_day", "mar_15_first_year", constitution["mar_15_first_year"]);

  const rule = factRecord("kz.holidays.weekend_rule");
  if (rule["moves_to"] !== "next_working_day") {
    throw factError("kz.holidays.weekend_rule", `moves_to is ${JSON.stringify(rule["moves_to"])}, expected "next_working_day"`);
  }
  const except = rule["except"];
  if (typeof except !== "string") throw factError("kz.holidays.weekend_rule", "except should be a list written as text");
  const noTransferMonthDays = new Set<string>();
  let noTransferKurbanAit = false;
  for (const token of except.split(",").map((t) => t.trim()).filter((t) => t !== "")) {
    if (token === "kurban_ait") noTransferKurbanAit = true;
    else if (MONTH_DAY.test(token) && FIXED_HOLIDAY_IDS[token]) noTransferMonthDays.add(token);
    else throw factError("kz.holidays.weekend_rule", `unknown exception "${token}"`);
  }

  rulesCache = { fixed, kurbanAit, aug30LastYear, mar15FirstYear, noTransferMonthDays, noTransferKurbanAit };
  return rulesCache;
}

/** The years the facts give Kurban Ait's date for. */
export function kurbanAitYears(): number[] {
  return [...holidayRules().kurbanAit.keys()].sort((a, b) => a - b);
}

interface HolidayDay {
  readonly day: number;
  readonly id: HolidayId;
  readonly transferable: boolean;
}

/** The holidays of a year, by day, in date order (two holidays on one day count once). */
function holidaysOf(year: number, rules: HolidayRules): HolidayDay[] {
  const byDay = new Map<number, HolidayDay>();
  const add = (day: number, id: HolidayId, transferable: boolean): void => {
    const existing = byDay.get(day);
    // Two holidays on one day are still one day off (and at most one transfer).
    byDay.set(day, existing ? { ...existing, transferable: existing.transferable || transferable } : { day, id, transferable });
  };
  const addMonthDay = (md: string): void => {
    const id = FIXED_HOLIDAY_IDS[md];
    if (!id) throw new Error(`No holiday id for month-day "${md}" (src/rules/calendar/data.ts FIXED_HOLIDAY_IDS)`);
    add(dayOfMonthDay(year, md, "holiday"), id, !rules.noTransferMonthDays.has(md));
  };
  for (const md of rules.fixed) addMonthDay(md);
  if (year <= rules.aug30LastYear) addMonthDay("08-30");
  if (year >= rules.mar15FirstYear) addMonthDay("03-15");
  const kurban = rules.kurbanAit.get(year);
  if (kurban !== undefined) add(kurban, "kurban_ait", !rules.noTransferKurbanAit);
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** The government day swaps of a year, checked: each half has its partner, on the right kind of day. */
function swapsOf(year: number, holidays: ReadonlyMap<number, HolidayDay>): Map<number, DaySwap["kind"]> {
  const all = new Map<string, DaySwap>(DAY_SWAPS.map((s) => [s.date, s]));
  const swaps = new Map<number, DaySwap["kind"]>();
  for (const s of DAY_SWAPS) {
    const day = toDayNumber(s.date, "swap date");
    if (yearOfDay(day) !== year) continue;
    const bad = (why: string): Error => new Error(`Day swap ${s.date} (src/rules/calendar/data.ts): ${why}`);
    const partner = all.get(s.pairedWith);
    if (!partner || partner.pairedWith !== s.date || partner.kind === s.kind) {
      throw bad(`its other half ${s.pairedWith} is missing or does not point back`);
    }
    if (holidays.has(day)) throw bad("falls on a public holiday");
    if (s.kind === "day_off" && isWeekend(day)) throw bad("a day off must be a weekday");
    if (s.kind === "working_day" && !isWeekend(day)) throw bad("a worked day must be a Saturday or Sunday");
    if (swaps.has(day)) throw bad("listed twice");
    swaps.set(day, s.kind);
  }
  return swaps;
}

const yearCache = new Map<number, YearCalendar>();

/**
 * One year of the calendar. A holiday on a Saturday or Sunday moves to the next working day (except those the
 * weekend-rule fact names: 7 January and Kurban Ait); holidays are taken in date order, so two weekend holidays in
 * a row (Nauryz 2026: Sat 21 and Sun 22 March) move to two working days in a row (24 and 25 March).
 */
export function yearCalendar(year: number): YearCalendar {
  const cached = yearCache.get(year);
  if (cached) return cached;
  const rules = holidayRules();
  const holidays = holidaysOf(year, rules);
  const holidayByDay = new Map(holidays.map((h) => [h.day, h]));
  const swaps = swapsOf(year, holidayByDay);
  const transfers = new Map<number, HolidayId>();

  const isRestDay = (day: number): boolean =>
    holidayByDay.has(day) ||
    transfers.has(day) ||
    swaps.get(day) === "day_off" ||
    (isWeekend(day) && swaps.get(day) !== "working_day");

  for (const h of holidays) {
    const onWeeklyRest = isWeekend(h.day) && swaps.get(h.day) !== "working_day";
    if (!h.transferable || !onWeeklyRest) continue;
    let day = h.day + 1;
    while (isRestDay(day)) day += 1;
    if (yearOfDay(day) !== year) {
      throw new Error(`The day off for ${fromDayNumber(h.day)} would move into the next year (${fromDayNumber(day)})`);
    }
    transfers.set(day, h.id);
  }

  const days = new Map<number, SpecialDay>();
  for (const [day, kind] of swaps) days.set(day, { reason: kind === "day_off" ? "swap_off" : "swap_workday" });
  for (const [day, id] of transfers) days.set(day, { reason: "transfer", holiday: id });
  for (const h of holidays) days.set(h.day, { reason: "holiday", holiday: h.id });

  const calendar: YearCalendar = { year, days, kurbanAitKnown: rules.kurbanAit.has(year) };
  yearCache.set(year, calendar);
  return calendar;
}

/** Sources and the latest `checked` date of the facts the calendar reads (for a computed year's status). */
export function factProvenance(): { sources: string[]; asOf: string } {
  const sources = new Set<string>();
  let asOf = "";
  for (const id of CALENDAR_FACT_IDS) {
    if (id === "kz.time_zone") continue;
    const fact = getFact(id);
    for (const s of fact.source) sources.add(s);
    if (fact.checked > asOf) asOf = fact.checked;
  }
  return { sources: [...sources], asOf };
}
