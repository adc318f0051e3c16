import { isIsoAlpha2 } from "../data/iso3166.js";
import { STATELESS } from "./codes.js";
import { isIsoDate } from "./dates.js";
import { IncomeAnswerSchema, type IncomeValue } from "./income.js";

/** Why an answer was refused; the bot renders each through a locale key. */
export const VALIDATION_ERRORS = [
  "invalid_choice",
  "invalid_country",
  "same_citizenship",
  "invalid_amount",
  "invalid_count",
  "invalid_date",
] as const;
export type ValidationError = (typeof VALIDATION_ERRORS)[number];

export type Validation<V> = { ok: true; value: V } | { ok: false; error: ValidationError };

const fail = (error: ValidationError) => ({ ok: false, error }) as const;

/** A choice among option ids; case and surrounding spaces are ignored. */
export function validateChoice<O extends string>(raw: unknown, options: readonly O[]): Validation<O> {
  if (typeof raw !== "string") return fail("invalid_choice");
  const v = raw.trim().toLowerCase();
  const hit = options.find((o) => o === v);
  return hit === undefined ? fail("invalid_choice") : { ok: true, value: hit };
}

/**
 * An ISO 3166-1 alpha-2 code, normalized to upper case, or STATELESS when `allowStateless` (turning a country
 * name into a code is the input parsers' job).
 */
export function validateCountry(raw: unknown, allowStateless = false): Validation<string> {
  if (typeof raw !== "string") return fail("invalid_country");
  if (allowStateless && raw.trim().toLowerCase() === STATELESS) return { ok: true, value: STATELESS };
  const v = raw.trim().toUpperCase();
  return isIsoAlpha2(v) ? { ok: true, value: v } : fail("invalid_country");
}

/** A finite amount of US dollars a month, 0 or more, or an income answer with its currency, period and rate. */
export function validateAmount(raw: unknown): Validation<IncomeValue> {
  if (typeof raw === "number") return Number.isFinite(raw) && raw >= 0 ? { ok: true, value: raw } : fail("invalid_amount");
  const parsed = IncomeAnswerSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : fail("invalid_amount");
}

/** A whole number between min and max inclusive. */
export function validateCount(raw: unknown, min: number, max: number): Validation<number> {
  return typeof raw === "number" && Number.isInteger(raw) && raw >= min && raw <= max
    ? { ok: true, value: raw }
    : fail("invalid_count");
}

/** A real calendar date YYYY-MM-DD between the years 1900 and 2199 (catches typos such as 0227-05-01). */
export function validateDate(raw: unknown): Validation<string> {
  if (typeof raw !== "string") return fail("invalid_date");
  const v = raw.trim();
  if (!isIsoDate(v)) return fail("invalid_date");
  const year = Number(v.slice(0, 4));
  return year >= 1900 && year <= 2199 ? { ok: true, value: v } : fail("invalid_date");
}
