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

export const MilestonesSchema = z
  .object({
    ...Object.fromEntries(MILESTONE_IDS.map((id) => [id, isoDate.optional()])),
    /**
     * Days spent in Kazakhstan in the last 12 months (the tax-residency window, fact tax.resident_days),
     * today included; the days of arrival and departure count as days in Kazakhstan.
     */
    days_in_kz: z.number().int().min(0).max(366).optional(),
  })
  .strict();

export type Milestones = Partial<Record<MilestoneId, string>> & { days_in_kz?: number };
