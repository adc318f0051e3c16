import { type ItSpecialty, PROGRAMS, STATELESS } from "./codes.js";
import { type IncomeValue, isConverted, usdOf } from "./income.js";
import { evaluateProgram } from "./policy.js";
import type { Profile } from "./profile.js";
import { incomeVerdict, policyRules } from "./rules.js";

export const YES_NO = ["yes", "no"] as const;
export type YesNo = (typeof YES_NO)[number];

/** The answers of a check, by node id. Plain JSON, so a flow can store it between updates. */
export interface Answers {
  citizenship?: string;
  second_citizenship_q?: YesNo;
  second_citizenship?: string;
  it_specialty?: ItSpecialty;
  has_degree?: YesNo;
  has_portfolio?: YesNo;
  remote_income?: YesNo;
  /** US dollars a month, or the typed amount with its currency, period and the rate it was converted at. */
  monthly_income?: IncomeValue;
  income_months?: number;
  criminal_record?: YesNo;
  passport_expiry?: string;
}

/** A passport date far enough away that no passport rule can fail. */
const FAR_FUTURE = "2999-12-31";
/** The largest values the validation accepts: an unanswered income question can then never fail. */
const MOST_INCOME = Number.MAX_SAFE_INTEGER;
const MOST_MONTHS = 600;
/** Routing never depends on the date: the passport, the only dated answer, is always filled as FAR_FUTURE. */
const ANY_DAY = "2026-01-01";

/**
 * Builds a profile from answers, filling every unanswered question with its most favourable value. A program
 * that is not_eligible on this profile is not_eligible whatever the remaining answers are; and a question that
 * was skipped because it could not change the verdict keeps a value that does not add a reason either.
 * With no remote income the income fields are 0: the policy then reports only "no_remote_foreign_income".
 */
export function fillProfile(a: Answers): Profile {
  const citizenships = [a.citizenship, a.second_citizenship_q === "yes" ? a.second_citizenship : undefined].filter(
    (c): c is string => c !== undefined,
  );
  const noIncome = a.remote_income === "no";
  return {
    citizenships,
    itSpecialty: a.it_specialty ?? "programming",
    hasDegree: a.has_degree !== "no",
    hasPortfolio: a.has_portfolio !== "no",
    remoteForeignIncome: !noIncome,
    monthlyIncomeUsd: a.monthly_income === undefined ? (noIncome ? 0 : MOST_INCOME) : usdOf(a.monthly_income),
    ...(isConverted(a.monthly_income) ? { incomeConverted: true } : {}),
    incomeMonths: a.income_months ?? (noIncome ? 0 : MOST_MONTHS),
    criminalRecord: a.criminal_record === "yes",
    passportExpiry: a.passport_expiry ?? FAR_FUTURE,
  };
}

/** True while some program can still come out other than not_eligible, given the answers so far. */
export function anyProgramOpen(a: Answers): boolean {
  const p = { ...fillProfile(a), passportExpiry: FAR_FUTURE };
  if (p.citizenships.length === 0) return true;
  const rules = policyRules();
  return PROGRAMS.some((program) => evaluateProgram(program, p, ANY_DAY, rules).verdict !== "not_eligible");
}

/**
 * True when a monthly income could still qualify for B12-1: over the line, exactly at it (sources differ), or,
 * converted from another currency, close enough below it that the rate on the statement day decides.
 */
export function incomeMayQualify(value: IncomeValue): boolean {
  return incomeVerdict(usdOf(value), policyRules(), isConverted(value)) !== "below";
}

/** True when the person said they have no citizenship. */
export function isStateless(a: Answers): boolean {
  return a.citizenship === STATELESS;
}

/** True when an answered citizenship is Kazakh: then no program applies and the check ends. */
export function isKazakh(a: Answers): boolean {
  return fillProfile(a).citizenships.includes("KZ");
}
