/**
 * Kazakhstan's working-day calendar for the five-day week (Monday-Friday), as legal deadlines counted in working
 * days use it. Dates are "YYYY-MM-DD" days in Kazakhstan (Asia/Almaty, UTC+5, no daylight saving).
 *
 * A year listed in PUBLISHED_YEARS (data.ts: 2025, 2026) is "published": its days match the official calendar
 * (checked by the tests). Any later year is "computed": derived by rule from the facts, without the government's
 * day swaps (ordered year by year) and, until the facts hold it, without Kurban Ait (its date is set yearly), so a
 * computed working day may turn out to be a day off. The bot should say so: see dayInfo().status,
 * calendarStatus() and calendarYearInfo().
 */
import { factRecord } from "../data/load.js";
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, PUBLISHED_YEARS, type HolidayId } from "./data.js";
import { checkCount, fromDayNumber, isWeekend, toDayNumber, yearOfDay } from "./dates.js";
import { factProvenance, yearCalendar, type DayReason } from "./rules.js";

export type { DayReason } from "./rules.js";

/** "published": the official calendar of the year; "computed": derived by rule, not yet published or incomplete. */
export type CalendarYearStatus = "published" | "computed";

export interface DayInfo {
  readonly working: boolean;
  /** Absent on an ordinary working day (Monday-Friday). */
  readonly reason?: DayReason;
  /** The holiday, when reason is "holiday" or "transfer". */
  readonly holiday?: HolidayId;
  readonly status: CalendarYearStatus;
}

/** What a computed year may lack. */
export type CalendarGap = "kurban_ait" | "day_swaps";

export interface CalendarYearInfo {
  readonly year: number;
  readonly status: CalendarYearStatus;
  /** True only for a published year: nothing is missing. */
  readonly complete: boolean;
  /**
   * What a computed year lacks: "kurban_ait" when its date is not in fact kz.holidays.kurban_ait (a day off the
   * calendar then counts as working), "day_swaps" always (government swaps are ordered year by year).
   */
  readonly missing: readonly CalendarGap[];
  /** The latest date the year's data is known to hold. */
  readonly asOf: string;
  readonly sources: readonly string[];
}

function checkYear(year: number, what: string): void {
  if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    throw new Error(
      `${what} is outside the working-day calendar: it covers ${CALENDAR_FIRST_YEAR}-${CALENDAR_LAST_YEAR} ` +
        `(published ${PUBLISHED_YEARS.map((p) => p.year).join(", ")}; later years computed by rule)`,
    );
  }
}

/** Day number of a date the calendar covers; throws a clear Error for an invalid or out-of-range date. */
function calendarDay(date: string): number {
  const day = toDayNumber(date);
  checkYear(yearOfDay(day), `Date "${date}"`);
  return day;
}

function statusOf(year: number): CalendarYearStatus {
  return PUBLISHED_YEARS.some((p) => p.year === year) ? "published" : "computed";
}

function infoOf(day: number): DayInfo {
  const year = yearOfDay(day);
  checkYear(year, `Date ${fromDayNumber(day)}`);
  const status = statusOf(year);
  const special = yearCalendar(year).days.get(day);
  if (special) {
    const working = special.reason === "swap_workday";
    return special.holiday
      ? { working, reason: special.reason, holiday: special.holiday, status }
      : { working, reason: special.reason, status };
  }
  return isWeekend(day) ? { working: false, reason: "weekend", status } : { working: true, status };
}

/**
 * How the calendar sees a date: working or not, why, which holiday, and whether the year is published or
 * computed. A holiday on a weekend has reason "holiday"; the weekday off that replaces it has reason "transfer"
 * (with the same holiday id). Throws on an invalid date or a year outside 2025-2099.
 */
export function dayInfo(date: string): DayInfo {
  return infoOf(calendarDay(date));
}

/**
 * False on Saturdays and Sundays (unless a government swap makes one a working day), public holidays, transfer
 * days and swapped days off; true otherwise. Throws on an invalid date or a year outside 2025-2099.
 */
export function isWorkingDay(date: string): boolean {
  return infoOf(calendarDay(date)).working;
}

/**
 * The n-th working day after `date`: the day of the event itself is not counted, whether or not it is a working
 * day ("within 3 working days after entry on Friday 2026-03-20" ends on Monday 2026-03-30: 21-25 March are
 * Nauryz days off, then 26, 27 and 30 March count).
 *
 * - n >= 1: counts forward.
 * - n = 0: returns `date` itself, unchanged, even when it is not a working day.
 * - n <= -1: counts backward: the |n|-th working day before `date` (e.g. "2 working days before a deadline").
 *
 * Throws on an invalid date, a non-integer n, or a count that runs outside 2025-2099. A result in a computed year
 * may be off by a day off the calendar does not know yet: check dayInfo(result).status or calendarStatus(year).
 */
export function addWorkingDays(date: string, n: number): string {
  let day = calendarDay(date);
  let left = Math.abs(checkCount(n, "number of working days"));
  const step = n < 0 ? -1 : 1;
  while (left > 0) {
    day += step;
    if (infoOf(day).working) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Whether a year's calendar is "published" (official: 2025, 2026) or "computed" by rule. Throws for a year that is
 * not a whole number in 2025-2099. For what a computed year lacks and the sources, see calendarYearInfo().
 */
export function calendarStatus(year: number): CalendarYearStatus {
  checkCount(year, "year");
  checkYear(year, `Year ${year}`);
  return statusOf(year);
}

/**
 * A year's status with details: what a computed year lacks and where the data comes from. Throws for a year that
 * is not a whole number in 2025-2099.
 */
export function calendarYearInfo(year: number): CalendarYearInfo {
  const status = calendarStatus(year);
  const published = PUBLISHED_YEARS.find((p) => p.year === year);
  if (status === "published" && published) {
    return { year, status, complete: true, missing: [], asOf: published.asOf, sources: published.sources };
  }
  const missing: CalendarGap[] = [];
  if (!yearCalendar(year).kurbanAitKnown) missing.push("kurban_ait");
  missing.push("day_swaps");
  const { sources, asOf } = factProvenance();
  return { year, status: "computed", complete: false, missing, asOf, sources };
}

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * The date in Kazakhstan (fact kz.time_zone: Asia/Almaty, UTC+5, one zone since 2024-03-01) of an instant given
 * in epoch milliseconds, e.g. almatyDateOf(Date.now()). Throws for a non-finite number or an instant before the
 * single time zone took effect (older instants had other offsets in parts of the country).
 */
export function almatyDateOf(epochMs: number): string {
  if (typeof epochMs !== "number" || !Number.isFinite(epochMs)) {
    throw new Error(`Invalid instant ${String(epochMs)}: expected epoch milliseconds (a finite number)`);
  }
  const tz = factRecord("kz.time_zone");
  const offset = typeof tz["utc_offset"] === "string" ? OFFSET.exec(tz["utc_offset"]) : null;
  const since = tz["since"];
  if (!offset || typeof since !== "string") {
    throw new Error(`Fact "kz.time_zone" cannot be read: expected utc_offset "+HH:MM" and since YYYY-MM-DD`);
  }
  const sign = offset[1] === "-" ? -1 : 1;
  const offsetMs = sign * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000;
  const sinceMs = toDayNumber(since, "kz.time_zone since") * 86_400_000 - offsetMs;
  if (epochMs < sinceMs) {
    throw new Error(`Instant ${new Date(epochMs).toISOString()} is before Kazakhstan's single time zone (${since})`);
  }
  return fromDayNumber(Math.floor((epochMs + offsetMs) / 86_400_000));
}
