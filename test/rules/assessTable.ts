/**
 * The profile table of the eligibility tests, shared by the runs with and without a confirmed pilot extension.
 * Expectations describe the rules other than the pilot's status: "eligible" for B9-1 means "eligible once the
 * program's status after the pilot is confirmed" (see pilotAware below).
 */
import { expect } from "vitest";
import { IT_SPECIALTIES, MISSING_CODES, REASON_CODES, type Profile, type ProgramResult, type Verdict } from "../../src/rules/index.js";

/** A fixed "today": passport limits below are counted from it. */
export const TODAY = "2026-11-21";
// today + 180 days = 2027-05-20; + 3 months = 2027-02-21; + 1 year + 3 months = 2028-02-21; + 10 years = 2036-11-21.

/** Qualifies for both programs (an Algerian IT specialist earning USD 3,500 with a passport valid 10 years). */
export const BASE: Profile = {
  citizenships: ["DZ"],
  itSpecialty: "programming",
  hasDegree: true,
  hasPortfolio: true,
  remoteForeignIncome: true,
  monthlyIncomeUsd: 3500,
  incomeMonths: 6,
  criminalRecord: false,
  passportExpiry: "2036-11-21",
};

export interface Expect {
  verdict: Verdict;
  /** Reasons that must be there. */
  has?: string[];
  /** Reasons that must not be there. */
  not?: string[];
  /** The exact `missing` list (undefined: no missing key). */
  missing?: string[] | undefined;
  citizenship?: string;
}
export type Row = [name: string, change: Partial<Profile>, b91: Expect, b121: Expect];

export const B91_OK: Expect = { verdict: "eligible", has: ["citizenship_on_reported_evisa_list"], missing: undefined };
export const B91_UNLISTED: Expect = { verdict: "unsure", has: ["citizenship_not_confirmed_evisa"], missing: undefined };
export const B121_INVITE: Expect = { verdict: "eligible_with_invitation", has: ["invitation_required", "no_invitation_list_incomplete"], missing: ["invitation"] };
export const B121_NO_INVITE: Expect = { verdict: "eligible", has: ["citizenship_on_reported_no_invitation_list"], not: ["invitation_required"], missing: undefined };
export const B121_EAEU: Expect = { verdict: "unsure", has: ["eaeu_citizen_no_visa_needed", "invitation_required"] };
export const KZ: Expect = { verdict: "not_eligible", has: ["kazakh_citizen"] };

export const ROWS: Row[] = [
  // Citizenship groups.
  ["Algeria (reported e-visa list)", {}, B91_OK, B121_INVITE],
  ["Botswana (reported e-visa list)", { citizenships: ["BW"] }, B91_OK, B121_INVITE],
  ["Nepal (reported e-visa list)", { citizenships: ["NP"] }, B91_OK, B121_INVITE],
  ["lower-case code is accepted", { citizenships: ["dz"] }, B91_OK, B121_INVITE],
  ["Germany (known no-invitation list)", { citizenships: ["DE"] }, B91_UNLISTED, B121_NO_INVITE],
  ["USA (known no-invitation list)", { citizenships: ["US"] }, B91_UNLISTED, B121_NO_INVITE],
  ["Jordan (no-invitation list, not visa-free)", { citizenships: ["JO"] }, B91_UNLISTED, B121_NO_INVITE],
  ["United Kingdom", { citizenships: ["GB"] }, B91_UNLISTED, B121_NO_INVITE],
  ["Russia (EAEU)", { citizenships: ["RU"] }, B91_UNLISTED, B121_EAEU],
  ["Belarus (EAEU)", { citizenships: ["BY"] }, B91_UNLISTED, B121_EAEU],
  ["Kyrgyzstan (EAEU)", { citizenships: ["KG"] }, B91_UNLISTED, B121_EAEU],
  ["Armenia (EAEU)", { citizenships: ["AM"] }, B91_UNLISTED, B121_EAEU],
  ["Kazakhstan", { citizenships: ["KZ"] }, KZ, KZ],
  ["China (on no list)", { citizenships: ["CN"] }, B91_UNLISTED, B121_INVITE],
  ["Afghanistan (on no list)", { citizenships: ["AF"] }, B91_UNLISTED, B121_INVITE],
  ["India (visa-free 14 days, on no e-visa list)", { citizenships: ["IN"] }, B91_UNLISTED, B121_INVITE],
  ["Kosovo (XK, user-assigned code)", { citizenships: ["XK"] }, B91_UNLISTED, B121_INVITE],
  ["France (visa-free, not among the 34 known names)", { citizenships: ["FR"] }, B91_UNLISTED, B121_INVITE],

  // Income around USD 3,000 and 6 months.
  ["income 2,999", { monthlyIncomeUsd: 2999 }, B91_OK, { verdict: "not_eligible", has: ["income_below_threshold"], not: ["income_months_short"] }],
  ["income exactly 3,000: the sources say \"over\" and \"at least\"", { monthlyIncomeUsd: 3000 }, B91_OK, { verdict: "unsure", has: ["income_at_threshold"], not: ["income_below_threshold"] }],
  ["income exactly 3,000 for too short", { monthlyIncomeUsd: 3000, incomeMonths: 5 }, B91_OK, { verdict: "not_eligible", has: ["income_months_short"], not: ["income_below_threshold"] }],
  ["income 3,000.01", { monthlyIncomeUsd: 3000.01 }, B91_OK, B121_INVITE],
  ["income 3,001", { monthlyIncomeUsd: 3001 }, B91_OK, B121_INVITE],
  ["5 months of income", { incomeMonths: 5 }, B91_OK, { verdict: "not_eligible", has: ["income_months_short"], not: ["income_below_threshold"] }],
  ["6 months of income", { incomeMonths: 6 }, B91_OK, B121_INVITE],
  ["low income for too short", { monthlyIncomeUsd: 2000, incomeMonths: 3 }, B91_OK, { verdict: "not_eligible", has: ["income_below_threshold", "income_months_short"] }],
  ["no remote foreign income", { remoteForeignIncome: false, monthlyIncomeUsd: 0, incomeMonths: 0 }, B91_OK, { verdict: "not_eligible", has: ["no_remote_foreign_income"], not: ["income_below_threshold", "income_months_short"] }],
  ["German earning 10,000 for 24 months", { citizenships: ["DE"], monthlyIncomeUsd: 10000, incomeMonths: 24 }, B91_UNLISTED, B121_NO_INVITE],

  // Passport dates around the limits.
  ["passport expired yesterday", { passportExpiry: "2026-11-20" }, { verdict: "not_eligible", has: ["passport_expired"], missing: ["passport_renewal"] }, { verdict: "not_eligible", has: ["passport_expired"], missing: ["passport_renewal", "invitation"] }],
  ["passport expires today", { passportExpiry: TODAY }, { verdict: "not_eligible", has: ["passport_validity"], not: ["passport_expired"] }, { verdict: "not_eligible", has: ["passport_validity"] }],
  ["passport valid exactly today + 3 months", { passportExpiry: "2027-02-21" }, { verdict: "not_eligible", has: ["passport_validity"] }, { verdict: "not_eligible", has: ["passport_validity"], missing: ["passport_renewal", "invitation"] }],
  ["passport valid today + 3 months + 1 day", { passportExpiry: "2027-02-22" }, { verdict: "not_eligible", has: ["passport_validity"] }, { verdict: "unsure", has: ["passport_validity_short"], missing: ["passport_renewal", "invitation"] }],
  ["passport valid exactly 180 days", { passportExpiry: "2027-05-20" }, { verdict: "not_eligible", has: ["passport_validity"], missing: ["passport_renewal"] }, { verdict: "unsure", has: ["passport_validity_short"] }],
  ["passport valid 181 days today, not at the application date", { passportExpiry: "2027-05-21" }, { verdict: "unsure", has: ["passport_validity_at_application", "passport_limits_visa_length"], not: ["passport_validity"], missing: ["passport_renewal"] }, { verdict: "unsure", has: ["passport_validity_short"] }],
  // Astana Hub's stages end at the latest on 2026-12-15 (17 working days); the passport must be valid more than 180 days then.
  ["passport valid exactly 180 days from the application date", { passportExpiry: "2027-06-13" }, { verdict: "unsure", has: ["passport_validity_at_application"], missing: ["passport_renewal"] }, { verdict: "unsure", has: ["passport_validity_short"] }],
  ["passport valid 181 days from the application date", { passportExpiry: "2027-06-14" }, { verdict: "eligible", has: ["passport_limits_visa_length"], not: ["passport_validity_at_application"], missing: undefined }, { verdict: "unsure", has: ["passport_validity_short"] }],
  ["passport one day short of visa year + 3 months", { passportExpiry: "2028-02-20" }, { verdict: "eligible", has: ["passport_limits_visa_length"] }, { verdict: "unsure", has: ["passport_validity_short"], missing: ["passport_renewal", "invitation"] }],
  ["passport exactly visa year + 3 months", { passportExpiry: "2028-02-21" }, { verdict: "eligible", has: ["permit_limited_by_passport"], not: ["passport_limits_visa_length"] }, { ...B121_INVITE, not: ["passport_validity_short"] }],
  ["passport one day short of 10 years", { passportExpiry: "2036-11-20" }, { verdict: "eligible", has: ["permit_limited_by_passport"] }, B121_INVITE],
  ["passport covers the full 10-year permit", { passportExpiry: "2036-11-21" }, { verdict: "eligible", not: ["permit_limited_by_passport", "passport_limits_visa_length"] }, B121_INVITE],
  ["German with a 200-day passport", { citizenships: ["DE"], passportExpiry: "2027-06-09" }, { verdict: "unsure", has: ["citizenship_not_confirmed_evisa", "passport_validity_at_application", "passport_limits_visa_length"] }, { verdict: "unsure", has: ["passport_validity_short", "citizenship_on_reported_no_invitation_list"], missing: ["passport_renewal"] }],

  // Criminal record.
  ["criminal record", { criminalRecord: true }, { verdict: "not_eligible", has: ["criminal_record"], missing: undefined }, { verdict: "not_eligible", has: ["criminal_record"], missing: undefined }],
  ["criminal record and expired passport: renewing does not help", { criminalRecord: true, passportExpiry: "2020-01-01" }, { verdict: "not_eligible", has: ["criminal_record", "passport_expired"], missing: undefined }, { verdict: "not_eligible", has: ["criminal_record", "passport_expired"], missing: undefined }],

  // IT specialties.
  ...IT_SPECIALTIES.filter((s) => s !== "other_it" && s !== "none").map(
    (s): Row => [`IT specialty ${s}`, { itSpecialty: s }, B91_OK, B121_INVITE],
  ),
  ["other IT specialty: check the official list", { itSpecialty: "other_it" }, { verdict: "unsure", has: ["it_specialty_unlisted"] }, B121_INVITE],
  ["no IT specialty", { itSpecialty: "none" }, { verdict: "not_eligible", has: ["not_it_specialty"] }, B121_INVITE],
  ["no IT and no remote income", { itSpecialty: "none", remoteForeignIncome: false }, { verdict: "not_eligible", has: ["not_it_specialty"] }, { verdict: "not_eligible", has: ["no_remote_foreign_income"] }],

  // Degree and portfolio go to `missing`, never block; with neither a diploma nor certificates the result is unsure.
  ["no diploma or certificates", { hasDegree: false }, { verdict: "unsure", has: ["diploma_requirement_conflict"], missing: ["diploma"] }, B121_INVITE],
  ["no portfolio", { hasPortfolio: false }, { verdict: "eligible", not: ["diploma_requirement_conflict"], missing: ["it_portfolio"] }, B121_INVITE],
  ["no degree and no portfolio", { hasDegree: false, hasPortfolio: false }, { verdict: "unsure", has: ["diploma_requirement_conflict"], missing: ["diploma", "it_portfolio"] }, B121_INVITE],
  ["no degree and a 100-day passport: renew, and bring a diploma", { hasDegree: false, passportExpiry: "2027-03-01" }, { verdict: "not_eligible", has: ["passport_validity"], missing: ["passport_renewal", "diploma"] }, { verdict: "unsure", has: ["passport_validity_short"] }],

  // Dual citizenship: each is evaluated, the best verdict wins.
  ["China + Algeria: B9-1 with the Algerian passport", { citizenships: ["CN", "DZ"] }, { verdict: "eligible", has: ["best_of_citizenships", "citizenship_on_reported_evisa_list"], citizenship: "DZ", missing: ["police_clearance_each_citizenship"] }, { ...B121_INVITE, has: ["best_of_citizenships"], citizenship: "CN" }],
  ["Russia + Germany: B12-1 with the German passport", { citizenships: ["RU", "DE"] }, { verdict: "unsure", has: ["best_of_citizenships"] }, { verdict: "eligible", has: ["citizenship_on_reported_no_invitation_list", "best_of_citizenships"], citizenship: "DE" }],
  ["Algeria + Germany: best of both", { citizenships: ["DZ", "DE"] }, { verdict: "eligible", citizenship: "DZ" }, { verdict: "eligible", citizenship: "DE" }],
  ["Russia + Belarus: both EAEU", { citizenships: ["RU", "BY"] }, { verdict: "unsure", citizenship: "RU" }, { verdict: "unsure", has: ["eaeu_citizen_no_visa_needed", "best_of_citizenships"], citizenship: "RU" }],
  ["Russia with income too low: B12-1 is out whatever the EAEU rule", { citizenships: ["RU"], monthlyIncomeUsd: 2000 }, B91_UNLISTED, { verdict: "not_eligible", has: ["income_below_threshold"], not: ["eaeu_citizen_no_visa_needed"] }],

  // No citizenship at all.
  ["stateless", { citizenships: ["stateless"] }, { verdict: "unsure", has: ["stateless_person"], not: ["citizenship_not_confirmed_evisa"] }, { verdict: "unsure", has: ["stateless_person", "invitation_required"], not: ["no_invitation_list_incomplete"], missing: ["invitation"] }],
  ["stateless, typed in capitals", { citizenships: ["STATELESS"] }, { verdict: "unsure", has: ["stateless_person"] }, { verdict: "unsure", has: ["stateless_person"] }],
  ["stateless with a criminal record", { citizenships: ["stateless"], criminalRecord: true }, { verdict: "not_eligible", has: ["criminal_record"], not: ["stateless_person"] }, { verdict: "not_eligible", has: ["criminal_record"] }],
  ["Afghanistan + China: neither on a list", { citizenships: ["AF", "CN"] }, { verdict: "unsure", has: ["citizenship_not_confirmed_evisa"], citizenship: "AF" }, { verdict: "eligible_with_invitation", citizenship: "AF" }],
  ["Germany + Kazakhstan: a Kazakh citizen", { citizenships: ["DE", "KZ"] }, KZ, KZ],
  ["dual citizen with a criminal record", { citizenships: ["DZ", "DE"], criminalRecord: true }, { verdict: "not_eligible", has: ["criminal_record"], not: ["best_of_citizenships"] }, { verdict: "not_eligible", has: ["criminal_record"] }],
  ["the same country twice counts once", { citizenships: ["DE", "de"] }, { verdict: "unsure", not: ["best_of_citizenships"] }, { ...B121_NO_INVITE, not: ["best_of_citizenships"] }],
];

export function check(r: ProgramResult | undefined, e: Expect): void {
  expect(r).toBeDefined();
  expect(r!.verdict).toBe(e.verdict);
  for (const code of e.has ?? []) expect(r!.reasons).toContain(code);
  for (const code of e.not ?? []) expect(r!.reasons).not.toContain(code);
  if ("missing" in e) expect(r!.missing).toEqual(e.missing);
  if (e.citizenship !== undefined) expect(r!.citizenship).toBe(e.citizenship);
}

/**
 * The expectation for B9-1 after the pilot's end with no extension confirmed: whatever would be eligible is
 * unsure, and every result that is not ruled out names the unconfirmed status first.
 */
export function pilotAware(e: Expect): Expect {
  if (e.verdict === "not_eligible") return { ...e, not: [...(e.not ?? []), "pilot_status_unconfirmed"] };
  return { ...e, verdict: e.verdict === "eligible" ? "unsure" : e.verdict, has: ["pilot_status_unconfirmed", ...(e.has ?? [])] };
}

/** Every code a result holds is a declared one, and a not_eligible result says why. */
export function checkCodes(results: readonly ProgramResult[]): void {
  for (const r of results) {
    for (const code of r.reasons) expect(REASON_CODES).toContain(code);
    for (const code of r.missing ?? []) expect(MISSING_CODES).toContain(code);
    if (r.verdict === "not_eligible") expect(r.reasons.length).toBeGreaterThan(0);
  }
}
