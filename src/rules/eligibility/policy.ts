/**
 * Pure eligibility policy, one function per program and citizenship, and the rule that picks the best
 * citizenship. No routing, no text: verdicts and stable reason/missing codes only.
 */
import { addWorkingDays } from "../calendar/index.js";
import {
  type MissingCode,
  type Program,
  type ReasonCode,
  reasonWeight,
  STATELESS,
  type Verdict,
  VERDICTS,
} from "./codes.js";
import { addMonths, daysBetween } from "./dates.js";
import type { Profile } from "./profile.js";
import { incomeVerdict, meets, type PolicyRules } from "./rules.js";

/** One program's verdict for a person. */
export interface ProgramResult {
  program: Program;
  verdict: Verdict;
  /** Stable codes: blockers first, then what makes it unsure, then caveats. */
  reasons: ReasonCode[];
  /** Documents or steps still needed; absent when none (or when a non-passport blocker makes them moot). */
  missing?: MissingCode[];
  /** Dual citizens only: the citizenship this verdict is based on (the one to apply with). */
  citizenship?: string;
}

const PASSPORT_BLOCKERS: ReadonlySet<ReasonCode> = new Set(["passport_expired", "passport_validity"]);

/**
 * Turns findings into a result. not_eligible keeps only the blockers; its `missing` is kept only when every
 * blocker is a passport problem, because then renewing the passport (and the rest of `missing`) is the way in.
 */
function finish(
  program: Program,
  found: readonly ReasonCode[],
  missing: readonly MissingCode[],
  base: "eligible" | "eligible_with_invitation",
): ProgramResult {
  const reasons = [...new Set(found)];
  const need = [...new Set(missing)];
  const blockers = reasons.filter((r) => reasonWeight(r) === "blocker");
  if (blockers.length > 0) {
    const passportOnly = blockers.every((r) => PASSPORT_BLOCKERS.has(r));
    return { program, verdict: "not_eligible", reasons: blockers, ...(passportOnly && need.length > 0 ? { missing: need } : {}) };
  }
  const unsure = reasons.filter((r) => reasonWeight(r) === "unsure");
  const caveats = reasons.filter((r) => reasonWeight(r) === "caveat");
  return {
    program,
    verdict: unsure.length > 0 ? "unsure" : base,
    reasons: [...unsure, ...caveats],
    ...(need.length > 0 ? { missing: need } : {}),
  };
}

/**
 * B9-1 for one citizenship.
 * Pilot: after the pilot's published end, with no extension confirmed in the data, nobody can be told they
 * qualify: "pilot_status_unconfirmed" makes the result unsure (flipping b9_1.pilot_extension restores it).
 * Passport: the residence application needs validity MORE than 180 calendar days from the application date.
 * Failing that today is a blocker. The application comes after Astana Hub's stages (document check, interview,
 * petition: at most rules.hubStagesMaxWorkingDays working days), so a passport that passes today but fails on
 * that later date is unsure with "renew first", never eligible. The e-visa (up to 1 year) needs the passport
 * valid 3 months after the visa ends; a passport short of today + 1 year + 3 months only limits the visa's
 * length, and the permit itself runs until the passport expires (S002), so both are caveats. Degree and
 * portfolio never block: they go to `missing`; with neither a diploma nor certificates the result is unsure,
 * because the sources differ on whether diplomas are required.
 */
export function evaluateB91(p: Profile, citizenship: string, today: string, rules: PolicyRules): ProgramResult {
  const found: ReasonCode[] = [];
  const missing: MissingCode[] = [];

  if (today > rules.pilotEnd && !rules.pilotExtensionConfirmed) found.push("pilot_status_unconfirmed");
  if (p.criminalRecord) found.push("criminal_record");

  const daysLeft = daysBetween(today, p.passportExpiry);
  if (daysLeft < 0) {
    found.push("passport_expired");
    missing.push("passport_renewal");
  } else if (!meets(daysLeft, rules.residencePassportDays)) {
    found.push("passport_validity");
    missing.push("passport_renewal");
  } else if (!meets(daysBetween(residenceApplicationDate(today, rules), p.passportExpiry), rules.residencePassportDays)) {
    found.push("passport_validity_at_application");
    missing.push("passport_renewal");
  }

  if (p.itSpecialty === "none") found.push("not_it_specialty");
  else if (p.itSpecialty === "other_it") found.push("it_specialty_unlisted");

  if (citizenship === STATELESS) found.push("stateless_person");
  else if (rules.countries.evisaReported.has(citizenship)) found.push("citizenship_on_reported_evisa_list");
  else found.push("citizenship_not_confirmed_evisa");

  if (!p.hasDegree) {
    found.push("diploma_requirement_conflict");
    missing.push("diploma");
  }
  if (!p.hasPortfolio) missing.push("it_portfolio");

  if (daysLeft >= 0 && p.passportExpiry < addMonths(today, rules.b91VisaMonths + rules.passportMonthsAfterVisa)) {
    found.push("passport_limits_visa_length");
  }
  if (daysLeft >= 0 && p.passportExpiry < addMonths(today, 12 * rules.permitYears)) found.push("permit_limited_by_passport");
  if (today >= rules.prProcedureStart) found.push("residence_procedure_2026");

  return finish("B9-1", found, missing, "eligible");
}

/**
 * The earliest day a residence application can be expected when Astana Hub's stages start today and take
 * their longest published time. Past the working-day calendar's range, the passport rule alone decides.
 */
export function residenceApplicationDate(today: string, rules: Pick<PolicyRules, "hubStagesMaxWorkingDays">): string {
  try {
    return addWorkingDays(today, rules.hubStagesMaxWorkingDays);
  } catch {
    return today;
  }
}

/**
 * B12-1 for one citizenship.
 * Income must be OVER USD 3,000 a month (S003; S004 says "at least"): exactly 3,000 is unsure, naming the
 * conflict. At least 6 months of it. EAEU citizens: a reported source says the visa is not for them (they stay
 * 90 days in 180 without a visa, longer with a temporary residence permit): unsure, not a verdict on a
 * second-hand fact. Passport: the visa is the whole program, so it must be valid 3 months after a full-length
 * visa requested today: today + 1 year + 3 months. Shorter than that but longer than today + 3 months, a
 * shorter visa might still be issued, so the result is "unsure" and renewing first is listed; at or below
 * today + 3 months no visa can be issued at all. A visa that starts later than today needs an even later
 * expiry; `today` is the earliest possible start.
 */
export function evaluateB121(p: Profile, citizenship: string, today: string, rules: PolicyRules): ProgramResult {
  const found: ReasonCode[] = [];
  const missing: MissingCode[] = [];

  if (citizenship === STATELESS) found.push("stateless_person");
  if (rules.countries.eaeuForeign.has(citizenship)) found.push("eaeu_citizen_no_visa_needed");
  if (p.criminalRecord) found.push("criminal_record");

  if (!p.remoteForeignIncome) found.push("no_remote_foreign_income");
  else {
    const income = incomeVerdict(p.monthlyIncomeUsd, rules, p.incomeConverted === true);
    if (income === "below") found.push("income_below_threshold");
    else if (income === "at_line") found.push("income_at_threshold");
    else if (income === "rate_decides") found.push("income_depends_on_rate");
    if (!meets(p.incomeMonths, rules.incomeMonths)) found.push("income_months_short");
  }

  if (p.passportExpiry < today) {
    found.push("passport_expired");
    missing.push("passport_renewal");
  } else if (p.passportExpiry <= addMonths(today, rules.passportMonthsAfterVisa)) {
    found.push("passport_validity");
    missing.push("passport_renewal");
  } else if (p.passportExpiry < addMonths(today, rules.b121VisaMonths + rules.passportMonthsAfterVisa)) {
    found.push("passport_validity_short");
    missing.push("passport_renewal");
  }

  let base: "eligible" | "eligible_with_invitation" = "eligible";
  if (rules.countries.noInvitationKnown.has(citizenship)) found.push("citizenship_on_reported_no_invitation_list");
  else {
    // Only 34 of the 48 no-invitation names are known, so any other country might be one of the 14 others:
    // the invitation route is open to every citizenship, and the caveat says the invitation may be unneeded.
    base = "eligible_with_invitation";
    found.push("invitation_required");
    if (citizenship !== STATELESS) found.push("no_invitation_list_incomplete");
    missing.push("invitation");
  }

  return finish("B12-1", found, missing, base);
}

const EVALUATORS: Record<Program, typeof evaluateB91> = { "B9-1": evaluateB91, "B12-1": evaluateB121 };

function rank(r: ProgramResult): number {
  return VERDICTS.indexOf(r.verdict);
}

const doubts = (r: ProgramResult) => r.reasons.filter((code) => reasonWeight(code) === "unsure").length;

/** True when `b` is strictly better than `a`: a better verdict, then fewer doubts, then fewer reasons. */
function better(b: ProgramResult, a: ProgramResult): boolean {
  if (rank(b) !== rank(a)) return rank(b) < rank(a);
  if (doubts(b) !== doubts(a)) return doubts(b) < doubts(a);
  return b.reasons.length < a.reasons.length;
}

/**
 * One program for the whole person. A Kazakh citizen needs none of these visas: not_eligible. A dual citizen
 * is evaluated once per citizenship and gets the best verdict (eligible > eligible_with_invitation > unsure >
 * not_eligible); on a tie, the one with fewer doubts (unsure reasons), then fewer reasons, then the citizenship
 * named first. The result then names
 * that citizenship and carries "best_of_citizenships". For B9-1 a dual citizen needs a no-criminal-record
 * certificate from each country (S000, S002).
 */
export function evaluateProgram(program: Program, p: Profile, today: string, rules: PolicyRules): ProgramResult {
  const dual = p.citizenships.length > 1;
  if (p.citizenships.includes("KZ")) {
    return { program, verdict: "not_eligible", reasons: ["kazakh_citizen"], ...(dual ? { citizenship: "KZ" } : {}) };
  }
  const results = p.citizenships.map((c) => ({ c, r: EVALUATORS[program](p, c, today, rules) }));
  const best = results.reduce((a, b) => (better(b.r, a.r) ? b : a));
  if (!dual) return best.r;
  if (best.r.verdict === "not_eligible") return best.r;
  const missing = [...(best.r.missing ?? [])];
  if (program === "B9-1") missing.push("police_clearance_each_citizenship");
  return {
    ...best.r,
    reasons: [...best.r.reasons, "best_of_citizenships"],
    ...(missing.length > 0 ? { missing } : {}),
    citizenship: best.c,
  };
}
