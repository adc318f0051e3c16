import type { Locale } from "../../store/index.js";

/** The Intl locale for a bot language (Kazakh formats best as kk-KZ). */
export function intlLocale(locale: Locale): string {
  return locale === "kk" ? "kk-KZ" : locale;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per language and style: formatting a date is on every answer's path. */
function formatter(locale: Locale, style: "medium" | "long" | "month"): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === "month" ? { month: "long", year: "numeric", timeZone: "UTC" } : { dateStyle: style, timeZone: "UTC" };
    f = new Intl.DateTimeFormat(intlLocale(locale), options);
    formatters.set(key, f);
  }
  return f;
}

/** A calendar date (YYYY-MM-DD) as the user's language writes it. */
export function formatDay(iso: string, locale: Locale, style: "medium" | "long" = "medium"): string {
  return formatter(locale, style).format(new Date(`${iso}T00:00:00Z`));
}

/** A date known to the day (YYYY-MM-DD), the month (YYYY-MM) or only the year (YYYY), written as precisely as known. */
export function formatPartialDate(date: string, locale: Locale): string {
  if (/^\d{4}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) return formatter(locale, "month").format(new Date(`${date}-01T00:00:00Z`));
  return formatDay(date, locale);
}

/** An instant as local date and time in `timeZone`, or only the time. */
export function formatInstant(ms: number, locale: Locale, timeZone: string, withDate = true): string {
  const key = `${locale}|${timeZone}|${withDate}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = withDate ? { dateStyle: "medium", timeStyle: "short", timeZone } : { timeStyle: "short", timeZone };
    f = new Intl.DateTimeFormat(intlLocale(locale), options);
    formatters.set(key, f);
  }
  return f.format(new Date(ms));
}
