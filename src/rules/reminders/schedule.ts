import { addCalendarDays as addDays } from "../calendar/index.js";
import { localParts, zonedTimeToUtc } from "./localTime.js";

/** The short profile: a week before, two days before, and on the day (the lead times in src/rules/deadlines/leadTimes.ts pick per deadline). */
export const REMINDER_OFFSETS = [
  { id: "d7", daysBefore: 7 },
  { id: "d2", daysBefore: 2 },
  { id: "d0", daysBefore: 0 },
] as const;
/** A reminder's offset: `d<n>`, n days before the deadline. */
export type OffsetId = `d${number}`;
export const offsetId = (daysBefore: number): OffsetId => `d${daysBefore}`;
const DEFAULT_DAYS = REMINDER_OFFSETS.map((o) => o.daysBefore);

export const REMINDER_HOUR = 10;
/** No message between 22:00 and 08:00 local time. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;
/**
 * A snooze lands no later than this many minutes before the quiet hours of the deadline's day (21:30 local):
 * a product choice leaving the dispatcher's ticks and Telegram's rate limits room to deliver before 22:00.
 */
export const LAST_CALL_MARGIN_MINUTES = 30;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** A snooze that would move a reminder by less than this is not offered. */
export const MIN_SNOOZE_MS = 30 * 60 * 1000;
/** When a day's snooze no longer fits before the deadline, "later today" moves it by this much (or to the last call). */
export const LATER_TODAY_MS = 3 * HOUR_MS;

/** True when `ms` falls in the user's quiet hours. */
export function isQuietTime(ms: number, timeZone: string): boolean {
  const { hour } = localParts(ms, timeZone);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** `ms` itself outside quiet hours, else the end of those quiet hours (08:00 local). */
export function nextAllowedTime(ms: number, timeZone: string): number {
  if (!isQuietTime(ms, timeZone)) return ms;
  const { date, hour } = localParts(ms, timeZone);
  const morning = hour >= QUIET_FROM_HOUR ? addDays(date, 1) : date;
  return zonedTimeToUtc(morning, QUIET_UNTIL_HOUR, 0, timeZone);
}

/** The end of the deadline's day in the user's zone: after this a reminder is pointless. */
export function deadlineEnd(date: string, timeZone: string): number {
  return zonedTimeToUtc(addDays(date, 1), 0, 0, timeZone) - 1;
}

/** The latest moment a moved reminder may be set to for a deadline on `date`: 21:30 local on that day. */
export function lastCall(date: string, timeZone: string): number {
  return zonedTimeToUtc(date, QUIET_FROM_HOUR, 0, timeZone) - LAST_CALL_MARGIN_MINUTES * 60_000;
}

export interface PlannedReminder {
  offset: OffsetId;
  dueAt: number;
}

/**
 * The reminders for a deadline on `date` in `timeZone`: at 10:00 local on each day `daysBefore` it (by default
 * 7, 2 and 0). An offset already in the past (a deadline entered late) is dropped, except that the last one
 * still goes out at once (within waking hours) while the deadline has not passed.
 */
export function planReminders(date: string, timeZone: string, now: number, daysBefore: readonly number[] = DEFAULT_DAYS): PlannedReminder[] {
  const end = deadlineEnd(date, timeZone);
  if (now > end || daysBefore.length === 0) return [];
  const days = [...new Set(daysBefore)].sort((a, b) => b - a);
  const all = days.map((n) => ({ offset: offsetId(n), dueAt: zonedTimeToUtc(addDays(date, -n), REMINDER_HOUR, 0, timeZone) }));
  const future = all.filter((r) => r.dueAt > now);
  if (future.length > 0) return future;
  const soon = nextAllowedTime(now, timeZone);
  return soon <= end ? [{ offset: offsetId(days.at(-1)!), dueAt: soon }] : [];
}

/** Where a snooze moves a reminder: a day on, or later the same day when a day no longer fits before the deadline. */
export type Snooze = { kind: "day" | "later_today"; at: number };

/**
 * Where a snooze of a reminder due at `dueAt` (a day later, out of quiet hours) can move it so that it still goes
 * out before the deadline on `date` ends, outside quiet hours. Undefined when no such time is left: the caller
 * says so instead of offering a snooze that cannot be kept.
 */
export function snoozeTarget(dueAt: number, now: number, date: string, timeZone: string): Snooze | undefined {
  const base = Math.max(dueAt, now);
  const last = lastCall(date, timeZone);
  const day = nextAllowedTime(base + DAY_MS, timeZone);
  if (day <= last) return { kind: "day", at: day };
  const later = Math.min(nextAllowedTime(base + LATER_TODAY_MS, timeZone), last);
  if (later - base >= MIN_SNOOZE_MS && !isQuietTime(later, timeZone)) return { kind: "later_today", at: later };
  return undefined;
}
