/**
 * Pure currency conversion over a dated table of the National Bank of Kazakhstan's official rates (tenge per
 * unit of each currency). No clock, no network: the table comes in as an argument.
 */
import { z } from "zod";

export interface RateTable {
  /** YYYY-MM-DD: the day the bank set these rates for. */
  readonly date: string;
  /** KZT per one unit of each ISO 4217 code (the bank quotes some per 10 or 100 units; divided out). */
  readonly kztPer: Readonly<Record<string, number>>;
  /** Where the table came from: the bank's published rates today, or the embedded table of the facts data. */
  readonly origin: "nbk" | "embedded";
  /** True when today's refresh failed and this older table stands in for it. */
  readonly fallback?: boolean;
}

/** Validates a table read from outside (the bank, storage, a test). */
export const RateTableSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kztPer: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive().finite()),
  origin: z.enum(["nbk", "embedded"]),
  fallback: z.boolean().optional(),
});

export interface Conversion {
  readonly usd: number;
  /** KZT per unit of the converted currency, and per US dollar, as the table gives them. */
  readonly kztPerUnit: number;
  readonly kztPerUsd: number;
  readonly date: string;
  readonly origin: RateTable["origin"];
  readonly fallback?: boolean;
}

/**
 * `amount` of `currency` in US dollars, through tenge (the bank quotes every currency against KZT).
 * Undefined when the table has no rate for the currency or for USD. USD needs no table.
 */
export function convertToUsd(amount: number, currency: string, table: RateTable | undefined): Conversion | undefined {
  if (table === undefined) return undefined;
  const kztPerUsd = table.kztPer.USD;
  const kztPerUnit = currency === "KZT" ? 1 : table.kztPer[currency];
  if (kztPerUsd === undefined || kztPerUnit === undefined) return undefined;
  return {
    usd: Math.round(((amount * kztPerUnit) / kztPerUsd) * 100) / 100,
    kztPerUnit,
    kztPerUsd,
    date: table.date,
    origin: table.origin,
    ...(table.fallback ? { fallback: true } : {}),
  };
}

/** The latest table dated on or before `today`, or undefined. */
export function latestTable(tables: readonly RateTable[], today: string): RateTable | undefined {
  return [...tables].filter((t) => t.date <= today).sort((a, b) => b.date.localeCompare(a.date))[0];
}
