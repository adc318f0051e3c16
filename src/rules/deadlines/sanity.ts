import { getFact } from "../data/load.js";
import { addMonths } from "../eligibility/dates.js";
import { MILESTONE_IDS, type MilestoneId, type Milestones } from "./milestones.js";

/** What can look wrong in a person's dates; each comes with the milestones it is about, in the order named. */
export const MILESTONE_ISSUES = [
  "order",
  "entry_before_decision",
  "passport_before_visa",
  "in_future",
  "before_program",
  "far_away",
] as const;
export type MilestoneIssueCode = (typeof MILESTONE_ISSUES)[number];

export interface MilestoneIssue {
  code: MilestoneIssueCode;
  /** One milestone, or two: the first should not come before the second (for "order": the second after the first). */
  fields: [MilestoneId] | [MilestoneId, MilestoneId];
}

/** Steps of the B9-1 procedure in the order they happen (src/rules/data/facts b9_1.stages): a later one dated earlier looks wrong. */
const PROCEDURE_ORDER: readonly MilestoneId[] = ["hub_applied", "petition_issued", "residence_applied", "positive_decision"];
/** Steps that can only be dated once they happened: a date after today is a typo (an entry may be planned, so it is not here). */
const EVENTS: readonly MilestoneId[] = ["hub_applied", "petition_issued", "residence_applied", "positive_decision", "evisa_issued"];
/** Steps of the program, which cannot come before it started (fact b9_1.launch). */
const PROGRAM_STEPS: readonly MilestoneId[] = ["hub_applied", "petition_issued", "residence_applied", "positive_decision", "evisa_issued"];
/**
 * A date this many years from today, either way, is taken for a typo (e.g. 2062 for 2026). A product choice,
 * not a legal rule: passports and visas run for fewer years, and older dates no longer set any deadline.
 */
export const FAR_AWAY_YEARS = 15;

/**
 * Dates that look wrong against each other or the calendar, for the person to confirm or correct: procedure
 * steps out of order (a Hub application after the residence application), an entry before the positive
 * decision (the arrival window counts from the decision), a passport that expired before the visa was issued,
 * an application, decision or issue dated in the future, a program step before the program began, a date far in the past or future. Pure.
 */
export function checkMilestones(m: Milestones, today: string): MilestoneIssue[] {
  const issues: MilestoneIssue[] = [];
  const dated = (id: MilestoneId) => m[id] !== undefined;
  for (let i = 0; i < PROCEDURE_ORDER.length; i++) {
    for (let j = i + 1; j < PROCEDURE_ORDER.length; j++) {
      const [a, b] = [PROCEDURE_ORDER[i]!, PROCEDURE_ORDER[j]!];
      if (dated(a) && dated(b) && m[b]! < m[a]!) issues.push({ code: "order", fields: [a, b] });
    }
  }
  if (dated("entry") && dated("positive_decision") && m.entry! < m.positive_decision!) issues.push({ code: "entry_before_decision", fields: ["entry", "positive_decision"] });
  if (dated("passport_expiry") && dated("evisa_issued") && m.passport_expiry! <= m.evisa_issued!) issues.push({ code: "passport_before_visa", fields: ["passport_expiry", "evisa_issued"] });
  if (dated("visa_expiry") && dated("evisa_issued") && m.visa_expiry! <= m.evisa_issued!) issues.push({ code: "order", fields: ["evisa_issued", "visa_expiry"] });
  const launch = programStart();
  const [far, farPast] = [addMonths(today, 12 * FAR_AWAY_YEARS), addMonths(today, -12 * FAR_AWAY_YEARS)];
  for (const id of MILESTONE_IDS) {
    const date = m[id];
    if (typeof date !== "string") continue;
    if (date > far || date < farPast) issues.push({ code: "far_away", fields: [id] });
    else if (EVENTS.includes(id) && date > today) issues.push({ code: "in_future", fields: [id] });
    else if (PROGRAM_STEPS.includes(id) && date < launch) issues.push({ code: "before_program", fields: [id] });
  }
  return issues;
}

/** The first day of the month the program launched (fact b9_1.launch, YYYY-MM). */
export function programStart(): string {
  const value = String(getFact("b9_1.launch").value);
  if (!/^\d{4}-\d{2}$/.test(value)) throw new Error(`Fact "b9_1.launch" is "${value}", not YYYY-MM; update src/rules/deadlines/sanity.ts`);
  return `${value}-01`;
}
