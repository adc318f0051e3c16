import { countryName, getNode, STATELESS, type Answers, type NodeId } from "../../rules/index.js";
import type { IncomeValue } from "../../rules/eligibility/income.js";
import type { FlowContext } from "../../bot/context.js";
import { formatDay, formatPartialDate } from "../../bot/render/dates.js";
import { formatNumber } from "../../bot/render/facts.js";
import { escapeHtml } from "../../bot/i18n.js";

type T = Pick<FlowContext, "t" | "locale">;

/** "USD 4,500", "EUR 3,200", "CNY 20,000": any ISO code with the person's number format. */
export function money(ctx: T, currency: string, value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return ctx.t("check:money", { currency, value: formatNumber(rounded, ctx.locale) });
}

/** One formatter per language for exchange rates (up to four decimals): building one costs far more than using it. */
const rateFormats = new Map<T["locale"], Intl.NumberFormat>();

function formatRate(n: number, locale: T["locale"]): string {
  let format = rateFormats.get(locale);
  if (!format) rateFormats.set(locale, (format = new Intl.NumberFormat(locale === "kk" ? "kk-KZ" : locale, { maximumFractionDigits: 4 })));
  return format.format(n);
}

/** The rate an answer was converted at, with its date and where it came from. */
export function rateLine(ctx: T, income: IncomeValue): string | undefined {
  if (typeof income === "number" || !income.rate) return undefined;
  const r = income.rate;
  const rate = (n: number) => formatRate(n, ctx.locale);
  const vars = {
    date: formatDay(r.date, ctx.locale, "long"),
    currency: income.currency,
    unitRate: rate(r.kztPerUnit),
    usdRate: rate(r.kztPerUsd),
  };
  const line = ctx.t(income.currency === "KZT" ? "check:income.rate_kzt" : "check:income.rate", vars);
  return r.fallback ? `${line} ${ctx.t("check:income.rate_fallback", vars)}` : line;
}

/** The income said back: "EUR 3,500 a month ≈ USD 3,790 a month", "USD 50,000 a year = USD 4,167 a month". */
export function incomeLabel(ctx: T, income: IncomeValue): string {
  if (typeof income === "number") return ctx.t("check:income.monthly", { amount: money(ctx, "USD", income) });
  const typed = money(ctx, income.currency, income.amount);
  const usd = money(ctx, "USD", income.usd);
  const key = income.currency === "USD" ? (income.period === "year" ? "yearly_usd" : "monthly") : income.period === "year" ? "yearly_converted" : "monthly_converted";
  const text = ctx.t(`check:income.${key}`, { amount: typed, usd });
  const rate = rateLine(ctx, income);
  return rate ? `${text} (${rate})` : text;
}

/** Months said back, with the start month when the person gave one ("20 months, since March 2025"). */
export function monthsLabel(ctx: T, months: number, since?: string): string {
  const count = ctx.t("facts:units.months", { count: months, value: months });
  return since ? ctx.t("check:since", { count, since: formatPartialDate(since, ctx.locale) }) : count;
}

/** An answer as the person reads it back in "Your answers". */
export function answerLabel(ctx: T, id: NodeId, answers: Answers): string {
  const value = answers[id];
  if (value === undefined) return "";
  if (id === "monthly_income") return incomeLabel(ctx, value as IncomeValue);
  if (id === "income_months") return monthsLabel(ctx, value as number);
  if (id === "passport_expiry") return formatDay(String(value), ctx.locale, "long");
  if (value === STATELESS) return ctx.t("check:opt.stateless");
  return getNode(id).kind === "country" ? escapeHtml(countryName(String(value), ctx.locale)) : ctx.t(`check:opt.${String(value)}`);
}
