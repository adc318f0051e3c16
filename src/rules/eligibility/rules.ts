import { countryGroups, type CountryGroups } from "../data/countries.js";
import { factRecord, getFact } from "../data/load.js";
import { pilotEnd, pilotExtensionConfirmed } from "../data/pilot.js";
import type { FactScalar } from "../data/types.js";

/** A threshold as the data states it, e.g. { amount: 3000, comparison: "over" }. */
export interface Threshold {
  readonly amount: number;
  readonly comparison: "over" | "at_least";
}

/** The numbers and lists the policy applies, all read from the facts (the single source of truth). */
export interface PolicyRules {
  readonly countries: CountryGroups;
  /** b12_1.income_monthly */
  readonly income: Threshold;
  /** True when another source gives the income line as "at least" while the main one says "over". */
  readonly incomeLineDisputed: boolean;
  /** b12_1.income_months */
  readonly incomeMonths: Threshold;
  /** b9_1.passport_validity_residence, in calendar days from the application date. */
  readonly residencePassportDays: Threshold;
  /** visa.passport.validity_after_visa, in months after the requested visa expires. */
  readonly passportMonthsAfterVisa: number;
  /** The longest visa each program gives, in months (b9_1.evisa_validity, b12_1.validity). */
  readonly b91VisaMonths: number;
  readonly b121VisaMonths: number;
  /** b9_1.permit_length, in years. */
  readonly permitYears: number;
  /** b9_1.pilot_period end, and whether an extension is confirmed (b9_1.pilot_extension). */
  readonly pilotEnd: string;
  readonly pilotExtensionConfirmed: boolean;
  /** YYYY-MM-DD: the start of the 2026 permanent-residence procedure (kz.pr_procedure.terms). */
  readonly prProcedureStart: string;
  /** Astana Hub's stages at their longest (document check + interview + petition), in working days. */
  readonly hubStagesMaxWorkingDays: number;
}

function threshold(rec: Readonly<Record<string, FactScalar>>, id: string): Threshold {
  const { amount, comparison } = rec;
  if (typeof amount !== "number" || (comparison !== "over" && comparison !== "at_least")) {
    throw new Error(`Fact "${id}" should be { amount: number, comparison: "over" | "at_least" }`);
  }
  return { amount, comparison };
}

function maxNumber(rec: Readonly<Record<string, FactScalar>>, id: string): number {
  if (typeof rec.max !== "number") throw new Error(`Fact "${id}" should have a numeric max`);
  return rec.max;
}

/** True when the fact says "over" and an alternative source says "at least" the same amount. */
function disputedAtLeast(id: "b12_1.income_monthly"): boolean {
  const fact = getFact(id);
  const main = threshold(factRecord(id), id);
  if (main.comparison !== "over") return false;
  return (fact.alternatives ?? []).some((alt) => {
    const v = alt.value as Readonly<Record<string, unknown>>;
    return typeof v === "object" && v !== null && v.comparison === "at_least" && v.amount === main.amount;
  });
}

const HUB_STAGES = ["b9_1.time.document_check", "b9_1.time.online_interview", "b9_1.time.astana_hub_petition"] as const;

let cached: PolicyRules | undefined;

/** The policy's rules, built from the facts on first use. */
export function policyRules(): PolicyRules {
  if (cached) return cached;
  cached = {
    countries: countryGroups(),
    income: threshold(factRecord("b12_1.income_monthly"), "b12_1.income_monthly"),
    incomeLineDisputed: disputedAtLeast("b12_1.income_monthly"),
    incomeMonths: threshold(factRecord("b12_1.income_months"), "b12_1.income_months"),
    residencePassportDays: threshold(factRecord("b9_1.passport_validity_residence"), "b9_1.passport_validity_residence"),
    passportMonthsAfterVisa: threshold(factRecord("visa.passport.validity_after_visa"), "visa.passport.validity_after_visa")
      .amount,
    b91VisaMonths: 12 * maxNumber(factRecord("b9_1.evisa_validity"), "b9_1.evisa_validity"),
    b121VisaMonths: 12 * maxNumber(factRecord("b12_1.validity"), "b12_1.validity"),
    permitYears: maxNumber(factRecord("b9_1.permit_length"), "b9_1.permit_length"),
    pilotEnd: pilotEnd(),
    pilotExtensionConfirmed: pilotExtensionConfirmed(),
    prProcedureStart: String(factRecord("kz.pr_procedure.terms").start),
    hubStagesMaxWorkingDays: HUB_STAGES.reduce((sum, id) => sum + maxNumber(factRecord(id), id), 0),
  };
  return cached;
}

/** True when `value` meets the threshold ("over" is strict, "at_least" is not). */
export function meets(value: number, t: Threshold): boolean {
  return t.comparison === "over" ? value > t.amount : value >= t.amount;
}

/**
 * How close to the income line a converted income must be for the exchange rate to decide: a share of the
 * line (5%). Not a legal figure and never shown as a number: our allowance for how much rates move between
 * the day of the check and the days of the bank statements.
 */
export const RATE_MARGIN = 0.05;

/**
 * Where a monthly income stands against the B12-1 line: "meets" (over it), "at_line" (exactly at it while the
 * sources disagree between "over" and "at least": neither yes nor no), "rate_decides" (converted from another
 * currency and within RATE_MARGIN of the line, above or below), or "below".
 */
export function incomeVerdict(
  amount: number,
  rules: Pick<PolicyRules, "income" | "incomeLineDisputed">,
  converted = false,
): "meets" | "at_line" | "rate_decides" | "below" {
  if (converted && Math.abs(amount - rules.income.amount) <= rules.income.amount * RATE_MARGIN) return "rate_decides";
  if (meets(amount, rules.income)) return "meets";
  return rules.incomeLineDisputed && amount === rules.income.amount ? "at_line" : "below";
}
