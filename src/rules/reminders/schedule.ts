import { addCalendarDays as addDays } from "../calendar/index.js";
import { localParts, zonedTimeToUtc } from "./localTime.js";

/** When reminders go out before a deadline: a week before, two days before, and on the day. */
export const REMINDER_OFFSETS = [
  { id: "d7", daysBefore: 7 },
  { id: "d2", daysBefore: 2 },
  { id: "d0", daysBefore: 0 },
] as const;
export type OffsetId = (typeof REMINDER_OFFSETS)[number]["id"];

export const REMINDER_HOUR = 10;
/** No message between 22:00 and 08:00 local time. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;


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

export interface PlannedReminder {
  offset: OffsetId;
  dueAt: number;
}

/**
 * The reminders for a deadline on `date` in `timeZone`: at 10:00 local on each offset day. An
 * offset already in the past (a deadline entered late) is dropped, except that the last one still
 * goes out at once (within waking hours) while the deadline has not passed.
 */
export function planReminders(date: string, timeZone: string, now: number): PlannedReminder[] {
  const end = deadlineEnd(date, timeZone);
  if (now > end) return [];
  const all = REMINDER_OFFSETS.map((o) => ({ offset: o.id, dueAt: zonedTimeToUtc(addDays(date, -o.daysBefore), REMINDER_HOUR, 0, timeZone) }));
  const future = all.filter((r) => r.dueAt > now);
  if (future.length > 0) return future;
  const soon = nextAllowedTime(now, timeZone);
  return soon <= end ? [{ offset: "d0", dueAt: soon }] : [];
}
