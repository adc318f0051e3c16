import type { Locale } from "../../store/index.js";

/** The Intl locale for a bot language (Kazakh formats best as kk-KZ). */
export function intlLocale(locale: Locale): string {
  return locale === "kk" ? "kk-KZ" : locale;
}

/** A calendar date (YYYY-MM-DD) as the user's language writes it. */
export function formatDay(iso: string, locale: Locale, style: "medium" | "long" = "medium"): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** An instant as local date and time in `timeZone`, or only the time. */
export function formatInstant(ms: number, locale: Locale, timeZone: string, withDate = true): string {
  const options: Intl.DateTimeFormatOptions = withDate ? { dateStyle: "medium", timeStyle: "short", timeZone } : { timeStyle: "short", timeZone };
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(new Date(ms));
}
