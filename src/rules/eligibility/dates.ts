import { isIsoDate } from "../data/schema.js";

export { isIsoDate };

const DAY_MS = 86_400_000;
/** Kazakhstan has one time zone, UTC+5 (Asia/Almaty), since 2024-03-01 (fact kz.time_zone). */
const ALMATY_OFFSET_MS = 5 * 3_600_000;

function parts(iso: string): [number, number, number] {
  if (!isIsoDate(iso)) throw new Error(`"${iso}" is not a date written YYYY-MM-DD`);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today's date in Kazakhstan for an instant (epoch ms); call with Date.now() at the moment of use. */
export function almatyToday(nowMs: number): string {
  return format(nowMs + ALMATY_OFFSET_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/**
 * The same day `months` later; a day that does not exist in the target month becomes its last day
 * (2026-11-30 + 3 months = 2027-02-28), as visa and passport dates are counted.
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const firstOfTarget = Date.UTC(y, m - 1 + months, 1);
  const t = new Date(firstOfTarget);
  const lastDay = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return format(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), Math.min(d, lastDay)));
}

/** The calendar year of a date. */
export function yearOf(iso: string): number {
  return parts(iso)[0];
}
