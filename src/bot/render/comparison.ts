import type { Fact } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import type { TFunction } from "../i18n.js";
import { formatFactValue, formatNumber } from "./facts.js";

/**
 * Russian "более" and "не менее" take the genitive: "не менее 3 месяцев", "более 21 дня". The plural count that
 * picks that form (as facts.ts does for "до"): the fractional form after 1, 21, 31, …, the _many form otherwise.
 */
function genitiveCount(n: number): number {
  return n % 10 === 1 && n % 100 !== 11 ? 1.5 : 5;
}

/** "more than 180 calendar days", "at least 6 months", "over USD 3,000": a { amount, comparison } value in words. */
export function comparedAmount(fact: Pick<Fact, "unit">, amount: number, comparison: string, t: TFunction, locale: Locale): string {
  const unit = fact.unit;
  const money = unit === undefined || unit === "USD" || unit === "EUR" || unit === "KZT" || unit === "percent";
  const value =
    locale === "ru" && !money
      ? t(`facts:units.${unit}`, { count: genitiveCount(amount), value: formatNumber(amount, locale) })
      : formatFactValue({ ...(fact as Fact), value: amount }, t, locale);
  return t(`documents:comparison.${comparison}`, { value, interpolation: { escapeValue: false } });
}
