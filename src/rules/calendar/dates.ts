/**
 * Plain calendar-date arithmetic for the working-day calendar. A date is a string "YYYY-MM-DD" naming a day in
 * Kazakhstan (Asia/Almaty); inside this folder it is handled as a day number (whole days since 1970-01-01), so
 * no local clock or time zone of the machine can shift it.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** 1970-01-01 was a Thursday (weekday 4, with Sunday = 0). */
const EPOCH_WEEKDAY = 4;

/** Day number of year/month/day (month 1-12), valid for years 0000-9999 (no two-digit-year quirk of Date.UTC). */
function dayNumberOf(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY_MS);
}

function describe(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

/**
 * Parses a date written "YYYY-MM-DD" into its day number. Throws a clear Error on anything else: a non-string,
 * another format ("2026-3-1", "01.03.2026", a timestamp) or a day that does not exist ("2026-02-30").
 */
export function toDayNumber(date: unknown, what = "date"): number {
  if (typeof date !== "string") {
    throw new Error(`Invalid ${what} ${describe(date)}: expected a string written YYYY-MM-DD`);
  }
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Invalid ${what} ${describe(date)}: expected a date written YYYY-MM-DD, e.g. 2026-03-20`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const n = dayNumberOf(year, month, day);
  if (fromDayNumber(n) !== date) {
    throw new Error(`Invalid ${what} ${describe(date)}: no such day in the calendar`);
  }
  return n;
}

/** The "YYYY-MM-DD" string of a day number. Throws outside years 0000-9999. */
export function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  const year = d.getUTCFullYear();
  if (!Number.isSafeInteger(n) || year < 0 || year > 9999) {
    throw new Error(`Date out of range: day number ${n} is outside years 0000-9999`);
  }
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(d.getUTCDate()).padStart(2, "0");
  return `${String(year).padStart(4, "0")}-${mm}-${dd}`;
}

/** The calendar year of a day number. */
export function yearOfDay(n: number): number {
  return new Date(n * DAY_MS).getUTCFullYear();
}

/** Day number of the first day of a year. */
export function firstDayOfYear(year: number): number {
  return dayNumberOf(year, 1, 1);
}

/** Day number of month-day "MM-DD" in a year; throws when that day does not exist in the year. */
export function dayOfMonthDay(year: number, monthDay: string, what: string): number {
  return toDayNumber(`${String(year).padStart(4, "0")}-${monthDay}`, what);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(n: number): number {
  return (((n + EPOCH_WEEKDAY) % 7) + 7) % 7;
}

/** Saturday or Sunday: the weekly rest days of the five-day week. */
export function isWeekend(n: number): boolean {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
}

/** Checks that a count of days is a whole number (a safe integer); throws a clear Error otherwise. */
export function checkCount(n: unknown, what: string): number {
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw new Error(`Invalid ${what} ${describe(n)}: expected a whole number`);
  }
  return n;
}

/**
 * The date `n` calendar days after `date` (before it when n is negative); n = 0 gives the date itself.
 * Pure date arithmetic, valid for any date in years 0000-9999; no holiday data is used.
 */
export function addCalendarDays(date: string, n: number): string {
  const start = toDayNumber(date);
  return fromDayNumber(start + checkCount(n, "number of days"));
}
