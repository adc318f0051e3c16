import { addCalendarDays, addWorkingDays } from "../calendar/index.js";
import type { FactId } from "../data/facts/index.js";
import { factNumber, factRecord } from "../data/load.js";
import { daysBetween } from "../eligibility/dates.js";
import type { MilestoneId } from "./milestones.js";

/** The lead-time choices a person can pick for a deadline in /reminders. */
export const LEAD_CHOICES = ["early", "standard", "fewer"] as const;
export type LeadChoice = (typeof LEAD_CHOICES)[number];

/** Days before the deadline; or each working day of the fact's period, counted back from the deadline. */
export type LeadDays = readonly number[] | { readonly eachWorkingDayOf: FactId };

/** One step of a procedure, its length from a fact (a number, or the `max` of a range). */
export interface ProcedureStep {
  fact: FactId;
  unit: "business_days" | "calendar_days";
}

export interface LeadTimeRule {
  /** Why these lead times (for whoever maintains them; the person reads remind:lead.<id>.start). */
  reason: string;
  /**
   * "sourced": every choice's first reminder comes before the procedure has to start, its length taken from
   * the facts; "product": no fact gives the procedure's length, so the lead times are a product choice and the
   * text says so without a number.
   */
  basis: "sourced" | "product";
  /** The procedure to finish before the deadline, in order; the latest day to start it is counted back from the facts. */
  procedure?: readonly ProcedureStep[];
  /** Milestones that show the procedure has started: then the reminder does not tell the person to start it. */
  startedBy?: readonly MilestoneId[];
  /** The facts the lead text cites. */
  facts: readonly FactId[];
  choices: { readonly standard: LeadDays } & Partial<Record<LeadChoice, LeadDays>>;
}

/** Lead times of the legal deadlines (kind "deadline" in compute.ts), each with its reason. */
export const LEAD_TIMES = {
  registration: {
    reason: "Three working days from entry (b9_1.host_notification): a reminder each working day until the last one.",
    basis: "sourced",
    facts: ["b9_1.host_notification"],
    choices: { standard: { eachWorkingDayOf: "b9_1.host_notification" }, fewer: [0] },
  },
  arrival_window: {
    reason: "The arrival window is short (b9_1.time.arrival_window) and needs only travel: reminders stay short.",
    basis: "product",
    facts: ["b9_1.time.arrival_window"],
    choices: { early: [21, 14, 7, 2, 0], standard: [14, 7, 2, 0], fewer: [7, 0] },
  },
  residence_before_visa_end: {
    reason:
      "The visa cannot be extended (b9_1.visa_extension): the residence permit needs the Astana Hub review " +
      "(b9_1.time.astana_hub_review, up to its max in business days) and then the decision (b9_1.time.decision, calendar days) " +
      "before the visa ends. Every choice starts before the latest day to apply to Astana Hub (checked by a test).",
    basis: "sourced",
    procedure: [
      { fact: "b9_1.time.astana_hub_review", unit: "business_days" },
      { fact: "b9_1.time.decision", unit: "calendar_days" },
    ],
    startedBy: ["hub_applied", "petition_issued", "residence_applied", "positive_decision"],
    facts: ["b9_1.time.astana_hub_review", "b9_1.time.decision"],
    choices: { early: [120, 90, 60, 30, 14, 7, 0], standard: [90, 60, 30, 14, 7, 0], fewer: [90, 30, 7, 0] },
  },
  b121_renewal: {
    reason:
      "The extension needs the full document set again (b12_1.extension, b12_1.documents); no fact says how long " +
      "gathering it takes, so the lead times are a product choice. Processing itself is b12_1.time.no_invitation, " +
      "longer with an invitation (b12_1.time.invitation_security_review).",
    basis: "product",
    facts: ["b12_1.time.no_invitation", "b12_1.time.invitation_security_review"],
    choices: { early: [90, 60, 30, 14, 7, 0], standard: [60, 30, 14, 7, 0], fewer: [30, 7, 0] },
  },
  c2_renewal: {
    reason: "The family's C2 visa is renewed yearly (b9_1.family.c2_after_permit); no fact gives a processing time: a product choice.",
    basis: "product",
    facts: [],
    choices: { early: [90, 60, 30, 7, 0], standard: [60, 30, 7, 0], fewer: [30, 7, 0] },
  },
  passport_residence: {
    reason: "A new passport takes weeks, from an authority whose times no fact gives: a product choice that starts early.",
    basis: "product",
    facts: [],
    choices: { early: [120, 90, 60, 30, 7, 0], standard: [90, 60, 30, 7, 0], fewer: [60, 14, 0] },
  },
  passport_visa_limit: {
    reason: "A new passport takes weeks, from an authority whose times no fact gives: a product choice that starts early.",
    basis: "product",
    facts: [],
    choices: { early: [120, 90, 60, 30, 7, 0], standard: [90, 60, 30, 7, 0], fewer: [60, 14, 0] },
  },
} as const satisfies Record<string, LeadTimeRule>;

export type RemindedDeadlineId = keyof typeof LEAD_TIMES;
const SHORT_DEFAULT: readonly number[] = [7, 2, 0];

export function isLeadChoice(value: unknown): value is LeadChoice {
  return (LEAD_CHOICES as readonly unknown[]).includes(value);
}

/**
 * The lead-time rule of a reminded deadline; undefined for any other id. Own keys only: the id can come from
 * callback data, and "__proto__" or "constructor" would otherwise find Object.prototype's members.
 */
export function leadRule(deadlineId: string): LeadTimeRule | undefined {
  return Object.hasOwn(LEAD_TIMES, deadlineId) ? (LEAD_TIMES as Record<string, LeadTimeRule>)[deadlineId] : undefined;
}

/** The choices offered for a deadline, in the order of LEAD_CHOICES. */
export function leadChoicesOf(deadlineId: string): LeadChoice[] {
  const rule = leadRule(deadlineId);
  return rule ? LEAD_CHOICES.filter((c) => rule.choices[c] !== undefined) : [];
}

/**
 * The days before a deadline on `date` that reminders go out, for the person's choice (the standard one when
 * none or an unknown one is given), largest first. Each working day of a working-day period is counted back
 * from the deadline on Kazakhstan's calendar; outside the calendar's years only the day itself is left.
 */
export function reminderDays(deadlineId: string, date: string, choice?: string): number[] {
  const rule = leadRule(deadlineId);
  if (!rule) return [...SHORT_DEFAULT];
  const days = (isLeadChoice(choice) ? rule.choices[choice] : undefined) ?? rule.choices.standard;
  if (!("eachWorkingDayOf" in days)) return [...days];
  const n = factNumber(days.eachWorkingDayOf);
  const out = [0];
  try {
    for (let k = 1; k <= n; k++) out.push(daysBetween(addWorkingDays(date, -k), date));
  } catch {
    // A count that leaves the calendar's years: only the day itself can be placed.
  }
  return out.sort((a, b) => b - a);
}

const stepLength = (step: ProcedureStep) => {
  const value = factRecordOrNumber(step.fact);
  if (value === undefined) throw new Error(`Fact "${step.fact}" gives no length for a lead time; update src/rules/deadlines/leadTimes.ts`);
  return value;
};

function factRecordOrNumber(id: FactId): number | undefined {
  try {
    return factNumber(id);
  } catch {
    const max = factRecord(id).max;
    return typeof max === "number" ? max : undefined;
  }
}

/**
 * The latest day to start a deadline's procedure so that it is done by `date`, its steps counted back from the
 * facts (the longest time of each); undefined when the rule has no sourced procedure or the count leaves the calendar.
 */
export function procedureStart(deadlineId: string, date: string): string | undefined {
  const steps = leadRule(deadlineId)?.procedure;
  if (!steps) return undefined;
  try {
    let day = date;
    for (const step of [...steps].reverse()) {
      const n = stepLength(step);
      day = step.unit === "business_days" ? addWorkingDays(day, -n) : addCalendarDays(day, -n);
    }
    return day;
  } catch {
    return undefined;
  }
}
