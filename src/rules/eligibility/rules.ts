import { countryGroups, type CountryGroups } from "../data/countries.js";
import { factRecord } from "../data/load.js";
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

let cached: PolicyRules | undefined;

/** The policy's rules, built from the facts on first use. */
export function policyRules(): PolicyRules {
  if (cached) return cached;
  cached = {
    countries: countryGroups(),
    income: threshold(factRecord("b12_1.income_monthly"), "b12_1.income_monthly"),
    incomeMonths: threshold(factRecord("b12_1.income_months"), "b12_1.income_months"),
    residencePassportDays: threshold(factRecord("b9_1.passport_validity_residence"), "b9_1.passport_validity_residence"),
    passportMonthsAfterVisa: threshold(factRecord("visa.passport.validity_after_visa"), "visa.passport.validity_after_visa")
      .amount,
    b91VisaMonths: 12 * maxNumber(factRecord("b9_1.evisa_validity"), "b9_1.evisa_validity"),
    b121VisaMonths: 12 * maxNumber(factRecord("b12_1.validity"), "b12_1.validity"),
    permitYears: maxNumber(factRecord("b9_1.permit_length"), "b9_1.permit_length"),
    pilotEnd: pilotEnd(),
    pilotExtensionConfirmed: pilotExtensionConfirmed(),
  };
  return cached;
}

/** True when `value` meets the threshold ("over" is strict, "at_least" is not). */
export function meets(value: number, t: Threshold): boolean {
  return t.comparison === "over" ? value > t.amount : value >= t.amount;
}
