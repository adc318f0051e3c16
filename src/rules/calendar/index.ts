/**
 * Kazakhstan's working-day calendar (five-day week, Asia/Almaty dates "YYYY-MM-DD"): pure functions, no work at
 * import time. Published years (2025, 2026) match the official calendars; later years are computed by rule and
 * say so (dayInfo().status, calendarStatus(), calendarYearInfo()).
 */
export { addWorkingDays, almatyDateOf, calendarStatus, calendarYearInfo, dayInfo, isWorkingDay } from "./calendar.js";
export type { CalendarGap, CalendarYearInfo, CalendarYearStatus, DayInfo, DayReason } from "./calendar.js";
export { addCalendarDays } from "./dates.js";
export {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  CALENDAR_SOURCES,
  DAY_SWAPS,
  HOLIDAY_IDS,
  PUBLISHED_YEARS,
} from "./data.js";
export type { DaySwap, HolidayId, PublishedDay, PublishedYear, WithdrawnDay } from "./data.js";
