/**
 * The income answer of /check: what the person typed (amount, currency, period) and what it is in US dollars a
 * month, with the official rate and its date when it was converted. Plain JSON, stored with the other answers.
 */
import { z } from "zod";
import { convertToUsd, type RateTable } from "../rates/convert.js";
import { floorCents } from "../input/amount.js";

export interface IncomeRate {
  /** YYYY-MM-DD of the bank's rates used. */
  readonly date: string;
  readonly kztPerUnit: number;
  readonly kztPerUsd: number;
  readonly origin: "nbk" | "embedded";
  /** True when today's rates could not be fetched and an older table was used. */
  readonly fallback?: boolean;
}

export interface IncomeAnswer {
  /** US dollars a month: what the policy compares with the line. */
  readonly usd: number;
  readonly amount: number;
  /** ISO 4217; "USD" when the text named no currency (the question asks for dollars). */
  readonly currency: string;
  readonly period: "month" | "year";
  /** Present when the amount was converted from another currency. */
  readonly rate?: IncomeRate;
}

/** A bare number is an amount in US dollars a month (a button, or a state stored before this answer had detail). */
export type IncomeValue = number | IncomeAnswer;

const amount = z.number().finite().nonnegative();
export const IncomeAnswerSchema = z
  .object({
    usd: amount,
    amount,
    currency: z.string().regex(/^[A-Z]{3}$/),
    period: z.enum(["month", "year"]),
    rate: z
      .object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        kztPerUnit: z.number().positive().finite(),
        kztPerUsd: z.number().positive().finite(),
        origin: z.enum(["nbk", "embedded"]),
        fallback: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** US dollars a month of an income answer. */
export function usdOf(value: IncomeValue): number {
  return typeof value === "number" ? value : value.usd;
}

/** True when the answer was converted from another currency, so its dollar value moves with the rate. */
export function isConverted(value: IncomeValue | undefined): boolean {
  return typeof value === "object" && value.rate !== undefined;
}

/**
 * Turns a parsed amount into the income answer: per year becomes per month, another currency becomes US
 * dollars at the table's rate. "no_rate" when the currency is not USD and the table has no rate for it.
 */
export function buildIncome(
  parsed: { amount: number; currency?: string; period?: "year" },
  table: RateTable | undefined,
): { ok: true; value: IncomeAnswer } | { ok: false; error: "no_rate" } {
  const currency = parsed.currency ?? "USD";
  const period = parsed.period ?? "month";
  const perMonth = period === "year" ? parsed.amount / 12 : parsed.amount;
  // Cut, not rounded: "USD 35,999.99 a year" is 2,999.999... a month, below the line, not on it at 3,000.
  if (currency === "USD") return { ok: true, value: { usd: floorCents(perMonth), amount: parsed.amount, currency, period } };
  const c = convertToUsd(perMonth, currency, table);
  if (!c) return { ok: false, error: "no_rate" };
  const rate: IncomeRate = {
    date: c.date,
    kztPerUnit: c.kztPerUnit,
    kztPerUsd: c.kztPerUsd,
    origin: c.origin,
    ...(c.fallback ? { fallback: true } : {}),
  };
  return { ok: true, value: { usd: c.usd, amount: parsed.amount, currency, period, rate } };
}
