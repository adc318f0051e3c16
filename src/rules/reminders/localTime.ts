/**
 * Wall-clock time in a user's time zone, with Intl only (Node ships the IANA database). Used to
 * place reminders at 10:00 local time and keep them out of the night.
 */

/** One formatter per time zone, built on first use (building one costs far more than formatting with it). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    // Valid names only reach here (a bad one throws above); spellings differ in case, so keep it bounded.
    if (formatters.size >= 1_000) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** The UTC offset of `timeZone` at instant `ms`, in minutes (e.g. +300 for Asia/Almaty). */
export function offsetMinutes(timeZone: string, ms: number): number {
  const parts = wallClock(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The instant when the wall clock in `timeZone` shows `date` (YYYY-MM-DD) at `hour`:`minute`. */
export function zonedTimeToUtc(date: string, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, hour, minute);
  // Two passes settle the offset even across a daylight-saving change.
  let guess = naive - offsetMinutes(timeZone, naive) * 60_000;
  guess = naive - offsetMinutes(timeZone, guess) * 60_000;
  return guess;
}

/** The local date (YYYY-MM-DD) and hour at instant `ms` in `timeZone`. */
export function localParts(ms: number, timeZone: string): { date: string; hour: number; minute: number } {
  const local = new Date(ms + offsetMinutes(timeZone, ms) * 60_000);
  return { date: local.toISOString().slice(0, 10), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/** True for a valid IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
