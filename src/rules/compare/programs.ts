/**
 * Nomad programs side by side (/compare): the rows of the comparison facts (src/rules/data/facts/compareNomad.ts)
 * read into a typed shape, and the filters a person can set. Pure.
 */
import { z } from "zod";
import { COMPARE_FACTS } from "../data/facts/compareNomad.js";
import { getFact } from "../data/load.js";
import type { FactId } from "../data/facts/index.js";

const Unit = z.enum(["days", "months", "years"]);
const YesNo = z.enum(["yes", "no", "not_stated"]);

const RowSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/),
  program: z.string().min(1).optional(),
  income: z.enum(["amount", "no_minimum", "not_stated"]),
  income_amount: z.number().positive().optional(),
  income_currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  income_period: z.enum(["month", "year"]).optional(),
  savings_amount: z.number().positive().optional(),
  savings_currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  cut_off: z.boolean().optional(),
  duration_min: z.number().positive().optional(),
  duration_min_unit: Unit.optional(),
  duration_max: z.number().positive(),
  duration_max_unit: Unit,
  dependants: YesNo,
  citizenship_path: YesNo,
  citizenship_years: z.number().positive().optional(),
  residence_path: z.literal("yes").optional(),
});

export interface ProgramRow extends z.infer<typeof RowSchema> {
  /** The fact the row is (cite it). */
  readonly fact: FactId;
  /** The source document the row comes from. */
  readonly table: "S001" | "S004";
}

let rows: ProgramRow[] | undefined;

/** Every comparison row, Kazakhstan's first, then by table and country as the data lists them. */
export function comparisonRows(): readonly ProgramRow[] {
  rows ??= COMPARE_FACTS.map((raw) => {
    const fact = getFact(raw.id);
    const row = RowSchema.parse(fact.value);
    if (row.income === "amount" && (row.income_amount === undefined || !row.income_currency || !row.income_period)) {
      throw new Error(`Comparison fact "${raw.id}" has an income amount without its currency or period`);
    }
    return { ...row, fact: raw.id, table: fact.source[0] as "S001" | "S004" };
  }).sort((a, b) => Number(b.country === "KZ") - Number(a.country === "KZ"));
  return rows;
}

/** The filters of /compare, each a button. */
export const COMPARE_FILTERS = ["no_income", "family", "residence"] as const;
export type CompareFilter = (typeof COMPARE_FILTERS)[number];

/** True when the row passes the filter: what the source says, never a guess ("not stated" passes none). */
export function passes(row: ProgramRow, filter: CompareFilter): boolean {
  switch (filter) {
    case "no_income":
      return row.income === "no_minimum";
    case "family":
      return row.dependants === "yes";
    case "residence":
      return row.residence_path === "yes" || row.citizenship_path === "yes";
  }
}

/** The rows that pass every filter in `filters`. */
export function filterRows(filters: readonly CompareFilter[]): ProgramRow[] {
  return comparisonRows().filter((row) => filters.every((f) => passes(row, f)));
}

/** Filters as a bit mask for short callback data, and back (unknown bits are refused). */
export function filtersToMask(filters: readonly CompareFilter[]): number {
  return COMPARE_FILTERS.reduce((mask, f, i) => (filters.includes(f) ? mask | (1 << i) : mask), 0);
}

export function maskToFilters(mask: number): CompareFilter[] | undefined {
  if (!Number.isInteger(mask) || mask < 0 || mask >= 1 << COMPARE_FILTERS.length) return undefined;
  return COMPARE_FILTERS.filter((_, i) => (mask & (1 << i)) !== 0);
}
