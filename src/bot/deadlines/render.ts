import { daysLeft, type Deadline } from "../../rules/index.js";
import { taxWindowMonths } from "../../rules/deadlines/taxLine.js";
import type { Locale } from "../../store/index.js";
import type { TFunction } from "../i18n.js";
import { formatDay } from "../render/dates.js";
import { Citations, formatNumber } from "../render/facts.js";
import { factVars } from "../render/factVars.js";
import { itemLabeller } from "../faq/renderAnswer.js";

export { formatDay };

/** "in 5 days", "today", "passed" — or the window of an estimate. */
export function whenText(d: Deadline, t: TFunction, locale: Locale, today: string): string {
  if (d.reached) return t("remind:when.reached");
  if (d.status === "passed") return t("remind:when.passed");
  if (d.status === "today") return t("remind:when.today");
  return t("remind:when.left", { count: daysLeft(d, today) });
}

/** The tax-residency window as it reads in a language ("12 months"), from the fact tax.resident_days. */
export function taxWindowText(t: TFunction, locale: Locale): string {
  const months = taxWindowMonths();
  return t("facts:units.months", { count: months, value: formatNumber(months, locale) });
}

/** The variables deadline texts use: every fact as {{f.…}}, and the tax-residency window as {{taxWindow}}. */
export function deadlineVars(t: TFunction, locale: Locale, year: number) {
  return { ...factVars(t, locale, year, itemLabeller(t)), taxWindow: taxWindowText(t, locale) };
}

/** What a deadline's text needs besides its id: whether its date is the latest possible and why, whether it is reached. */
export type DeadlineFlags = { latestPossible?: boolean; limitedBy?: string; reached?: boolean };

/**
 * What to do by a deadline; for a date worked out as the latest possible, followed by the warning to
 * go by the date printed on the document and the rule that set it; for the tax line not yet reached,
 * what its date assumes. The list, the reminders and the calendar file all say it the same way.
 */
export function deadlineAction(t: TFunction, id: string, flags: DeadlineFlags, vars: ReturnType<typeof deadlineVars>): string {
  const parts = [t(`remind:deadline.${id}.action`, vars)];
  if (flags.latestPossible && flags.limitedBy) parts.push(t(`remind:latest_possible.${flags.limitedBy}`, vars));
  if (id === "tax_residency") {
    if (!flags.reached) parts.push(t("remind:deadline.tax_residency.until_reached", vars));
    parts.push(t("remind:deadline.tax_residency.rates", vars));
  }
  return parts.join(" ");
}

/** The deadlines list: what, when, how long is left, what to do; with the sources of each rule. */
export function renderDeadlines(deadlines: Deadline[], t: TFunction, locale: Locale, today: string): string {
  if (deadlines.length === 0) return t("remind:none");
  const vars = deadlineVars(t, locale, Number(today.slice(0, 4)));
  const cites = new Citations(locale, today);
  const lines = [t("remind:summary_title"), ""];
  for (const d of deadlines) {
    const date = d.from ? t("remind:when.range", { from: formatDay(d.from, locale), to: formatDay(d.date, locale) }) : formatDay(d.date, locale);
    lines.push(`${t(`remind:kind.${d.kind}`)} <b>${t(`remind:deadline.${d.id}.title`)}</b>: ${date} (${whenText(d, t, locale, today)})`);
    lines.push(`${deadlineAction(t, d.id, d, vars)}${cites.cite(...d.facts)}`, "");
  }
  if (deadlines.some((d) => d.computedCalendar)) lines.push(t("remind:computed_calendar"), "");
  lines.push(cites.footer(t));
  return lines.join("\n");
}
