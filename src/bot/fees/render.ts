import { getFact } from "../../rules/index.js";
import type { DocRoute } from "../../rules/documents/index.js";
import { routeFees, type RouteFees } from "../../rules/fees/index.js";
import type { RateTable } from "../../rules/rates/convert.js";
import type { Locale } from "../../store/index.js";
import type { TFunction } from "../i18n.js";
import { formatDay } from "../render/dates.js";
import { Citations, formatFactValue, formatMrpFee, formatNumber } from "../render/facts.js";

interface View {
  t: TFunction;
  locale: Locale;
  today: string;
}

const money = (t: TFunction, locale: Locale, currency: string, value: number) =>
  t("check:money", { currency, value: formatNumber(Math.round(value * 100) / 100, locale) });

/**
 * Every fee of a route: each in USD where it is fixed in dollars, in MRP and KZT for this year where it is set in
 * MRP, "not given" where the sources give no amount; the totals with the MRP year used; and the approximate
 * total in the person's currency, or why it cannot be given (never a made-up rate).
 */
export function renderFees(view: View, route: DocRoute, currency: string | undefined, rates: RateTable | undefined): { text: string; fees: RouteFees } {
  const { t, locale, today } = view;
  const year = Number(today.slice(0, 4));
  const fees = routeFees(route, year, currency ? { currency, ...(rates ? { rates } : {}) } : {});
  const cites = new Citations(locale, today);
  const out = [`<b>${t("fees:title", { route: t(`documents:route.${route}`), year })}</b>`, ""];
  for (const line of fees.lines) {
    const fact = getFact(line.fact);
    const sources = line.kind === "mrp" && fees.mrpFact ? [line.fact, fees.mrpFact] : [line.fact];
    const value =
      line.kind === "usd"
        ? formatFactValue(fact, t, locale)
        : line.kind === "mrp"
          ? formatMrpFee(fact, year, t, locale)
          : t("check:value.amount_not_stated");
    const noKzt = line.kind === "mrp" && line.kzt === undefined ? ` ${t("fees:no_mrp_year", { year })}` : "";
    out.push(`• ${t(`check:label.${line.fact}`)}: ${value}${noKzt}${cites.cite(...sources)}`);
  }

  const parts: string[] = [];
  if (fees.kztTotal !== undefined && fees.mrpTotal > 0) parts.push(t("facts:units.KZT", { value: formatNumber(fees.kztTotal, locale) }));
  else if (fees.mrpTotal > 0) parts.push(t("facts:units.MRP", { count: fees.mrpTotal, value: formatNumber(fees.mrpTotal, locale) }));
  if (fees.usdTotal > 0) parts.push(money(t, locale, "USD", fees.usdTotal));
  out.push("");
  if (parts.length === 0) out.push(t("fees:total_none"));
  else out.push(`<b>${t("fees:total", { total: parts.join(" + ") })}</b>`);
  if (fees.mrpTotal > 0) {
    out.push(
      fees.mrpFact
        ? t("fees:mrp_year", { year, mrp: t("facts:units.KZT", { value: formatNumber(Number(getFact(fees.mrpFact as never).value), locale) }) }) + cites.cite(fees.mrpFact)
        : t("fees:mrp_missing", { year }),
    );
  }
  if (fees.notStated > 0) out.push(t("fees:not_counted", { count: fees.notStated }));

  const c = fees.converted;
  if (!currency) out.push("", t("fees:currency_unknown"));
  else if (c?.ok) {
    const rate = t(c.fallback ? "fees:rate_fallback" : "fees:rate", { date: formatDay(c.rateDate || today, locale, "long") });
    out.push("", t(c.rateDate ? "fees:converted" : "fees:converted_usd", { amount: money(t, locale, c.currency, c.amount), rate }));
  } else if (c) {
    out.push("", t(`fees:cannot_convert.${c.reason}`, { currency: c.currency, year }));
  }
  if (!cites.isEmpty) out.push("", cites.footer(t));
  return { text: out.join("\n"), fees };
}
