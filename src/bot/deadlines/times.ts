import { QUIET_FROM_HOUR, QUIET_UNTIL_HOUR, REMINDER_HOUR } from "../../rules/reminders/schedule.js";
import type { Locale } from "../../store/index.js";
import { formatInstant } from "../render/dates.js";

/** A wall-clock hour as the language writes it ("10:00", "10:00 AM"); texts interpolate it instead of typing digits. */
export function clockHour(hour: number, locale: Locale): string {
  return formatInstant(Date.UTC(2000, 0, 1, hour), locale, "UTC", false);
}

/** When reminders go out (10:00 local). */
export const reminderHour = (locale: Locale) => clockHour(REMINDER_HOUR, locale);

/** The quiet hours, for texts: {{quietFrom}} and {{quietUntil}}. */
export const quietHours = (locale: Locale) => ({ quietFrom: clockHour(QUIET_FROM_HOUR, locale), quietUntil: clockHour(QUIET_UNTIL_HOUR, locale) });
