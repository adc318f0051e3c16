import { findFact, type Fact } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import type { TFunction } from "../i18n.js";
import { formatDay, formatPartialDate } from "../render/dates.js";
import { formatMrpFee } from "../render/facts.js";
import { factVars } from "../render/factVars.js";

type Vars = { [key: string]: string | number | boolean | Vars };

/**
 * The variables of an FAQ answer: every fact as `f.<fact id>` (factVars), with dates (YYYY-MM-DD, YYYY-MM)
 * written as the user's language writes them (months in Russian as "03.2025"), and values derived from one
 * fact kept under that fact's own path, so an answer using them still cites it:
 * `f.tax.resident_days.window_length` ("12 months", from the window id "any_12_consecutive_months"), and
 * `f.kz.mrp_definition.one` (one MRP in KZT for the year shown).
 */
export function answerVars(t: TFunction, locale: Locale, year: number, itemLabel: (id: string) => string): { f: Vars } {
  const vars = factVars(t, locale, year, itemLabel);
  formatDates(vars.f, locale);
  const months = windowMonths(findFact("tax.resident_days"));
  if (months !== undefined) setDerived(vars.f, "tax.resident_days", "window_length", t("facts:units.months", { count: months, value: months }));
  // One MRP in KZT for this year when that year's MRP is confirmed ("1 MRP (4,325 KZT in 2026)"), else just "1 MRP".
  const mrp = findFact("kz.mrp_definition");
  if (mrp) setDerived(vars.f, "kz.mrp_definition", "one", formatMrpFee({ ...mrp, value: 1, unit: "MRP" }, year, t, locale));
  return vars;
}

/** The length in months of a "any_<n>_consecutive_months" window. */
function windowMonths(fact: Fact | undefined): number | undefined {
  const window = (fact?.value as { window?: unknown } | undefined)?.window;
  const m = typeof window === "string" ? /^any_(\d+)_consecutive_months$/.exec(window) : null;
  return m ? Number(m[1]) : undefined;
}

function setDerived(root: Vars, factId: string, field: string, value: string): void {
  let node: Vars | undefined = root;
  for (const key of factId.split(".")) node = node && typeof node[key] === "object" ? (node[key] as Vars) : undefined;
  if (node && node[field] === undefined) node[field] = value;
}

/** Russian months in the genitive ("с марта 2025 г."): Intl names a month alone in the nominative ("март 2025 г."). */
const RU_MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

/**
 * "March 2025"; Russian texts put a month after "с" or "до" ("обязательна с января 2024 г."), which take the
 * genitive, so Russian gets it (it read "с 01.2024" before).
 */
function formatMonth(yearMonth: string, locale: Locale): string {
  if (locale !== "ru") return formatPartialDate(yearMonth, locale);
  return `${RU_MONTHS_GENITIVE[Number(yearMonth.slice(5, 7)) - 1]} ${yearMonth.slice(0, 4)} г.`;
}

function formatDates(node: Vars, locale: Locale): void {
  for (const [k, v] of Object.entries(node)) {
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) node[k] = formatDay(v, locale, "long");
    else if (typeof v === "string" && /^\d{4}-\d{2}$/.test(v)) node[k] = formatMonth(v, locale);
    else if (v && typeof v === "object") formatDates(v, locale);
  }
}
