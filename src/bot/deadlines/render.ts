import { daysLeft, type Deadline } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import type { TFunction } from "../i18n.js";
import { formatDay } from "../render/dates.js";
import { Citations } from "../render/facts.js";
import { factVars } from "../render/factVars.js";
import { itemLabeller } from "../faq/renderAnswer.js";

export { formatDay };

/** "in 5 days", "today", "passed" — or the window of an estimate. */
export function whenText(d: Deadline, t: TFunction, locale: Locale, today: string): string {
  if (d.status === "passed") return t("remind:when.passed");
  if (d.status === "today") return t("remind:when.today");
  return t("remind:when.left", { count: daysLeft(d, today) });
}

/** The variables deadline texts use: every fact as {{f.…}}. */
export function deadlineVars(t: TFunction, locale: Locale, year: number) {
  return factVars(t, locale, year, itemLabeller(t));
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
    lines.push(`${t(`remind:deadline.${d.id}.action`, vars)}${cites.cite(...d.facts)}`, "");
  }
  if (deadlines.some((d) => d.computedCalendar)) lines.push(t("remind:computed_calendar"), "");
  lines.push(cites.footer(t));
  return lines.join("\n");
}
