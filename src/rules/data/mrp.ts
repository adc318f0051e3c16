import { findFact } from "./load.js";

/**
 * The MRP (monthly calculation index, MCI) in KZT for a year, or undefined when no confirmed value is in the
 * data. Fees such as 30 MRP are set in MRP; their KZT amount changes every year and must never be guessed.
 */
export function mrpKzt(year: number): number | undefined {
  if (!Number.isInteger(year)) return undefined;
  const fact = findFact(`mrp.${year}`);
  if (!fact || fact.confidence !== "confirmed" || typeof fact.value !== "number") return undefined;
  return fact.value;
}

/** The KZT amount of `mrp` MRP in `year` (e.g. 30 MRP in 2026 = 129,750 KZT), or undefined for a year without a confirmed MRP. */
export function kztForMrp(mrp: number, year: number): number | undefined {
  const rate = mrpKzt(year);
  if (rate === undefined || !Number.isFinite(mrp)) return undefined;
  return Math.round(mrp * rate * 100) / 100;
}

/** The fact id holding the MRP of `year`, when there is one (so a message can cite its source and date). */
export function mrpFactId(year: number): string | undefined {
  return mrpKzt(year) === undefined ? undefined : `mrp.${year}`;
}
