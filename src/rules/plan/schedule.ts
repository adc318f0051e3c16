/**
 * The dated plan of one route: every step of its path (routes.ts) with the dates it is expected to finish,
 * worked out from the stage timings of the facts (business days through addWorkingDays, calendar days
 * otherwise) and from the milestones the person entered, which tick their steps and date what follows. Pure:
 * `today` (YYYY-MM-DD, Asia/Almaty) is where a plan with no milestones starts; what follows a step still to be
 * ticked in /remind starts today at the soonest.
 */
import { addCalendarDays, addWorkingDays, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, calendarStatus } from "../calendar/index.js";
import type { FactId } from "../data/facts/index.js";
import { getFact } from "../data/load.js";
import type { MilestoneId, Milestones } from "../deadlines/milestones.js";
import { pathSteps, stepsFactOf, type PortalFactId, type RouteId } from "../eligibility/routes.js";

export type PlanStepKind = "deadline" | "estimate";

export interface PlanStep {
  id: string;
  /** "deadline": a legal limit (its `to` is the last day); "estimate": when the step is expected to be done. */
  kind: PlanStepKind;
  /** The day the step can start (the previous step's earliest end, today at the soonest). */
  start: string;
  /** The earliest and latest day the step is expected to be done (a deadline: `to` is its last day). */
  from: string;
  to: string;
  /** How its time is counted; absent when no source gives the step a time (it is then dated by its start). */
  counting?: "working" | "calendar";
  /** Ticked: the milestone's date, or true when a later step's milestone shows it done. */
  done?: string | true;
  /** The milestone that ticks it, when /remind asks for one. */
  milestone?: MilestoneId;
  /** A step ticked by a later milestone: its dates are that milestone's, not its own (draw no bar, say no date). */
  undated?: true;
  /** A step with a milestone not entered whose expected end is before today. */
  overdue?: true;
  where?: PortalFactId;
  /** The stage-timing facts its dates come from. */
  times: FactId[];
  /** The fee facts paid at this step. */
  fees: FactId[];
  /** Every fact the step's dates, place and fee come from (cite them). */
  facts: FactId[];
}

export interface RoutePlan {
  route: RouteId;
  /** The fact listing the route's steps. */
  stepsFact: FactId;
  steps: PlanStep[];
  /** A working-day count ran through a year whose calendar is computed by rule, not published. */
  computedCalendar: boolean;
}

interface StepRule {
  milestone?: MilestoneId;
  /** Timing facts beyond the step's own `time` (routes.ts). */
  times?: readonly FactId[];
  /** A legal limit: N calendar days from its start, the start day being day 1 (the earlier end). */
  deadline?: true;
  fees?: readonly FactId[];
}

/** Which milestone ticks which step, the legal deadlines and the fees: the rest comes from routes.ts. */
const STEP_RULES: Readonly<Record<string, StepRule>> = {
  astana_hub_application: { milestone: "hub_applied" },
  astana_hub_petition: { milestone: "petition_issued" },
  e_application: { milestone: "residence_applied", fees: ["b9_1.fee.residence_state_duty"] },
  decision: { milestone: "positive_decision" },
  arrival_within_30_days: { deadline: true },
  evisa_entry: { milestone: "entry", fees: ["b9_1.fee.evisa"] },
  arrival_notification: { deadline: true },
  invitation_from_travel_company: { times: ["b12_1.time.invitation_security_review"] },
  pay_consular_fee: { fees: ["b12_1.fee.consular"] },
  apply_at_consulate: {},
  visa_decision: { milestone: "b121_expiry" },
};

/** The stage timings a fact gives, in its unit: a number, `{ min, max }`, `{ max }` (taken as the end) or `{ min }`. */
function spanOf(id: FactId): { min?: number; max?: number; working: boolean } {
  const fact = getFact(id);
  const working = fact.unit === "business_days";
  if (typeof fact.value === "number") return { min: fact.value, max: fact.value, working };
  const v = fact.value as Readonly<Record<string, unknown>>;
  const min = typeof v.min === "number" ? v.min : undefined;
  const max = typeof v.max === "number" ? v.max : undefined;
  return { min: min ?? max, max, working };
}

const inCalendar = (date: string) => date >= `${CALENDAR_FIRST_YEAR}-01-01` && date <= `${CALENDAR_LAST_YEAR - 1}-12-31`;
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The day a milestone gives for a step, if the person entered one that ticks it. */
function milestoneOf(id: string, m: Milestones): string | undefined {
  const rule = STEP_RULES[id];
  if (id === "arrival_within_30_days") {
    // Arriving after a positive decision: an entry on or after that day (an earlier entry was the e-visa's).
    return m.positive_decision && m.entry && m.entry >= m.positive_decision ? m.entry : undefined;
  }
  if (id === "visa_decision") return m.b121_expiry ? m.b121_expiry : undefined;
  return rule?.milestone ? m[rule.milestone] : undefined;
}

/**
 * The plan of a route as of `today`, from the milestones entered. A step with a milestone is ticked with its
 * date, and the steps before it are ticked too; the next steps start from it. A step with no milestone starts
 * when the previous one is expected to end (today at the soonest) and ends after its stage time.
 */
export function planRoute(route: RouteId, milestones: Milestones, today: string): RoutePlan {
  const path = pathSteps(route);
  const dates = path.map((s) => (s.id === "visa_decision" ? undefined : milestoneOf(s.id, milestones)));
  const b121Issued = route.startsWith("b12_1") && milestones.b121_expiry !== undefined;
  const lastDone = b121Issued ? path.length - 1 : dates.reduce((last, d, i) => (d !== undefined ? i : last), -1);
  let computedCalendar = false;
  let lo = today;
  let hi = today;
  const steps = path.map((step, i): PlanStep => {
    const rule = STEP_RULES[step.id] ?? {};
    const times = [...(step.time ? [step.time] : []), ...(rule.times ?? [])];
    const fees = [...(rule.fees ?? [])];
    const facts = [...times, ...(step.where ? [step.where] : []), ...fees];
    const base = {
      id: step.id,
      kind: (rule.deadline ? "deadline" : "estimate") as PlanStepKind,
      ...(step.where ? { where: step.where } : {}),
      ...(rule.milestone ? { milestone: rule.milestone } : {}),
      times,
      fees,
      facts,
    };
    const day = dates[i];
    if (i <= lastDone) {
      if (day !== undefined) {
        lo = day;
        hi = day;
        return { ...base, start: day, from: day, to: day, done: day };
      }
      // Done, as a later milestone shows, on a day not entered: dated by the next day known, and said undated.
      const known = dates.slice(i + 1).find((d) => d !== undefined) ?? today;
      return { ...base, start: known, from: known, to: known, done: true, undated: true };
    }
    const start = lo;
    let from = lo;
    let to = hi;
    let counting: PlanStep["counting"];
    for (const id of times) {
      const span = spanOf(id);
      const add = (d: string, n: number | undefined) => {
        if (n === undefined) return undefined;
        if (!span.working) return addCalendarDays(d, rule.deadline ? Math.max(n - 1, 0) : n);
        if (!inCalendar(d)) return undefined;
        const out = addWorkingDays(d, n);
        for (let y = Number(d.slice(0, 4)); y <= Number(out.slice(0, 4)); y++) if (calendarStatus(y) !== "published") computedCalendar = true;
        return out;
      };
      const a = add(lo, span.min);
      const b = add(hi, span.max);
      if (a === undefined && b === undefined) continue;
      counting ??= span.working ? "working" : "calendar";
      from = times.indexOf(id) === 0 ? (a ?? b!) : earlier(from, a ?? b!);
      to = times.indexOf(id) === 0 ? (b ?? a!) : later(to, b ?? a!);
    }
    if (from > to) to = from;
    // Only a step the person can tick in /remind is said to be late: one with no milestone may be done unseen.
    const overdue = rule.milestone !== undefined && to < today;
    // What follows starts once this is expected to be done. A step the person would tick in /remind and has not
    // is not done yet, so what follows it starts today at the soonest; a step with no milestone may be done unseen.
    lo = rule.deadline ? start : from;
    hi = to;
    if (rule.milestone) {
      lo = later(lo, today);
      hi = later(hi, today);
    }
    return { ...base, start, from, to, ...(counting ? { counting } : {}), ...(overdue ? { overdue: true as const } : {}) };
  });
  return { route, stepsFact: stepsFactOf(route), steps, computedCalendar };
}
