import { z } from "zod";
import { isIsoDate } from "../data/schema.js";

/** The dates a person can give the bot, in the order the process runs. */
export const MILESTONE_IDS = [
  "hub_applied",
  "petition_issued",
  "residence_applied",
  "positive_decision",
  "evisa_issued",
  "entry",
  "visa_expiry",
  "b121_expiry",
  "c2_expiry",
  "passport_expiry",
] as const;
export type MilestoneId = (typeof MILESTONE_IDS)[number];

const isoDate = z.string().refine(isIsoDate, { error: "must be a date written YYYY-MM-DD" });

/**
 * What `days_in_kz` counts. Before December 2026 it counted days in the current calendar year, which can be fewer
 * than the days in the last 12 months: a count saved without this marker would put the tax line too late, so it
 * is dropped on reading and the person is asked again.
 */
export const DAYS_IN_KZ_BASIS = "last_12_months";

const MilestonesObject = z
  .object({
    ...Object.fromEntries(MILESTONE_IDS.map((id) => [id, isoDate.optional()])),
    /**
     * Days spent in Kazakhstan in the last 12 months (the tax-residency window, fact tax.resident_days),
     * today included; the days of arrival and departure count as days in Kazakhstan.
     */
    days_in_kz: z.number().int().min(0).max(366).optional(),
    days_in_kz_basis: z.literal(DAYS_IN_KZ_BASIS).optional(),
  })
  .strict();

export const MilestonesSchema = MilestonesObject;

/**
 * Reads milestones as stored: a day count of the old calendar-year kind (no basis marker) is dropped, so the
 * tax line is not drawn from it and the person is asked again. Undefined when the record is not valid at all.
 */
export function parseStoredMilestones(raw: unknown): Milestones | undefined {
  let input = raw ?? {};
  if (typeof input === "object" && !Array.isArray(input)) {
    const record = input as Record<string, unknown>;
    if (record.days_in_kz !== undefined && record.days_in_kz_basis !== DAYS_IN_KZ_BASIS) {
      const { days_in_kz: _legacy, ...rest } = record;
      input = rest;
    }
  }
  const parsed = MilestonesObject.safeParse(input);
  return parsed.success ? (parsed.data as Milestones) : undefined;
}

export type Milestones = Partial<Record<MilestoneId, string>> & { days_in_kz?: number; days_in_kz_basis?: typeof DAYS_IN_KZ_BASIS };
