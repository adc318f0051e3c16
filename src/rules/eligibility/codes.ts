/**
 * Stable codes of the eligibility check. The bot renders each through a locale key; none of them is text.
 */

export const PROGRAMS = ["B9-1", "B12-1"] as const;

/** The citizenship answer of a person who has none (in place of a country code, and only on its own). */
export const STATELESS = "stateless";
export type Program = (typeof PROGRAMS)[number];

/** Best first: the order used to pick the best verdict over several citizenships. */
export const VERDICTS = ["eligible", "eligible_with_invitation", "unsure", "not_eligible"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const IT_SPECIALTIES = [
  "programming",
  "cybersecurity",
  "uiux",
  "devops",
  "ai",
  "bigdata",
  "automation",
  "other_it",
  "none",
] as const;
export type ItSpecialty = (typeof IT_SPECIALTIES)[number];

/** Reasons that make a program not_eligible. */
export const BLOCKER_REASONS = [
  "kazakh_citizen",
  "criminal_record",
  "passport_expired",
  "passport_validity",
  "not_it_specialty",
  "no_remote_foreign_income",
  "income_below_threshold",
  "income_months_short",
] as const;

/** Reasons that make a program unsure (when nothing blocks it). */
export const UNSURE_REASONS = [
  /** B9-1 after the pilot's published end, with no extension confirmed in the data. */
  "pilot_status_unconfirmed",
  "citizenship_not_confirmed_evisa",
  /** A stateless person: neither program's sources say how they apply. */
  "stateless_person",
  /** B12-1 for citizens of Armenia, Belarus, Kyrgyzstan or Russia: reported not to apply to them. */
  "eaeu_citizen_no_visa_needed",
  "it_specialty_unlisted",
  /** Neither a diploma nor certificates: sources differ on whether diplomas are required. */
  "diploma_requirement_conflict",
  /** Income exactly at the line: one source says "over", another "at least". */
  "income_at_threshold",
  /** Converted from another currency and within RATE_MARGIN of the line: the rate on the statement day decides. */
  "income_depends_on_rate",
  "passport_validity_short",
  /** B9-1: valid long enough today, but not more than the limit on the expected residence-application date. */
  "passport_validity_at_application",
] as const;

/** Caveats and explanations that never change the verdict. */
export const CAVEAT_REASONS = [
  "citizenship_on_reported_evisa_list",
  "citizenship_on_reported_no_invitation_list",
  "invitation_required",
  "no_invitation_list_incomplete",
  "passport_limits_visa_length",
  "permit_limited_by_passport",
  /** The 2026 permanent-residence procedure (Kazakh test, points) exists; whether it applies to DNR is not known. */
  "residence_procedure_2026",
  "best_of_citizenships",
] as const;

/** Every reason code `assess` can return. */
export const REASON_CODES = [...BLOCKER_REASONS, ...UNSURE_REASONS, ...CAVEAT_REASONS] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export type BlockerReason = (typeof BLOCKER_REASONS)[number];
export type UnsureReason = (typeof UNSURE_REASONS)[number];

/** Documents or steps the answers show are still needed. */
export const MISSING_CODES = [
  "passport_renewal",
  "diploma",
  "it_portfolio",
  "invitation",
  "police_clearance_each_citizenship",
] as const;
export type MissingCode = (typeof MISSING_CODES)[number];

const BLOCKERS: ReadonlySet<string> = new Set(BLOCKER_REASONS);
const UNSURES: ReadonlySet<string> = new Set(UNSURE_REASONS);

/** "blocker", "unsure" or "caveat": how much a reason weighs. */
export function reasonWeight(code: ReasonCode): "blocker" | "unsure" | "caveat" {
  if (BLOCKERS.has(code)) return "blocker";
  if (UNSURES.has(code)) return "unsure";
  return "caveat";
}
