import { addCalendarDays as addDays, addWorkingDays, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, calendarStatus } from "../calendar/index.js";
import type { FactId } from "../data/facts/index.js";
import { factNumber, factRecord } from "../data/load.js";
import { daysBetween } from "../eligibility/dates.js";
import { MilestonesSchema, type MilestoneId, type Milestones } from "./milestones.js";
import { taxLine } from "./taxLine.js";
import { passportVisaLimit, visaEnd, type VisaEndLimit } from "./visaEnd.js";

/**
 * "deadline": a legal limit with a cost when missed (reminders go out for these);
 * "estimate": when a stage is expected to finish, from the published processing times;
 * "threshold": a line the person crosses (tax residency).
 */
export type DeadlineKind = "deadline" | "estimate" | "threshold";

export interface Deadline {
  id: string;
  kind: DeadlineKind;
  /** YYYY-MM-DD: the last day (deadline), the expected day or the latest expected day (estimate). */
  date: string;
  /** For a range estimate: the earliest expected day. */
  from?: string;
  /** The milestones it is computed from. */
  basedOn: MilestoneId[] | ["days_in_kz"];
  /** The facts the rule comes from, cited with the result. */
  facts: FactId[];
  /** True when a working-day count ran through a year whose calendar is computed, not published. */
  computedCalendar?: boolean;
  /**
   * The date is the latest the item can fall on, worked out from the rules: the real one is printed on a
   * document the person holds (the visa) and can be earlier. `limitedBy` names the rule that decided it.
   */
  latestPossible?: true;
  limitedBy?: VisaEndLimit;
  /** A threshold already reached on or before today. */
  reached?: true;
  /** "passed" once the date is before today. */
  status: "upcoming" | "today" | "passed";
}


function status(date: string, today: string): Deadline["status"] {
  return date < today ? "passed" : date === today ? "today" : "upcoming";
}

const yearsComputed = (from: string, to: string) => {
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (calendarStatus(y) !== "published") return true;
  return false;
};

/**
 * Every deadline and estimate the sources name, computed from the milestones a person gave.
 * Pure: `today` (YYYY-MM-DD, Asia/Almaty) only decides each item's status and the tax line.
 */
export function computeDeadlines(input: Milestones, today: string): Deadline[] {
  const m = MilestonesSchema.parse(input) as Milestones;
  const out: Deadline[] = [];
  const push = (d: Omit<Deadline, "status">) => out.push({ ...d, status: status(d.date, today) });
  const working = (id: string, kind: DeadlineKind, base: MilestoneId, n: number, facts: FactId[], from?: number) => {
    // Before the calendar's first year a working-day deadline has long passed; past its last, no calendar exists.
    if (m[base]! < `${CALENDAR_FIRST_YEAR}-01-01` || m[base]! > `${CALENDAR_LAST_YEAR - 1}-12-31`) return;
    const date = addWorkingDays(m[base]!, n);
    push({
      id,
      kind,
      date,
      ...(from === undefined ? {} : { from: addWorkingDays(m[base]!, from) }),
      basedOn: [base],
      facts,
      ...(yearsComputed(m[base]!, date) ? { computedCalendar: true } : {}),
    });
  };

  if (m.hub_applied) {
    const check = Number(factRecord("b9_1.time.document_check").max);
    const interview = Number(factRecord("b9_1.time.online_interview").max);
    const petition = factRecord("b9_1.time.astana_hub_petition");
    working("hub_document_check", "estimate", "hub_applied", check, ["b9_1.time.document_check"]);
    working("hub_interview", "estimate", "hub_applied", check + interview, ["b9_1.time.document_check", "b9_1.time.online_interview"]);
    if (!m.petition_issued) {
      working("hub_petition", "estimate", "hub_applied", check + interview + Number(petition.max), ["b9_1.time.astana_hub_petition"], check + interview + Number(petition.min));
    }
  }
  if (m.residence_applied && !m.positive_decision) {
    push({ id: "residence_decision", kind: "estimate", date: addDays(m.residence_applied, factNumber("b9_1.time.decision")), basedOn: ["residence_applied"], facts: ["b9_1.time.decision"] });
  }
  if (m.positive_decision) {
    // Valid for N calendar days; whether the decision day is day 1 is not stated, so take the earlier end.
    const lastDay = addDays(m.positive_decision, factNumber("b9_1.time.arrival_window") - 1);
    push({ id: "arrival_window", kind: "deadline", date: lastDay, basedOn: ["positive_decision"], facts: ["b9_1.time.arrival_window", "b9_1.reapply_ban"] });
  }
  if (m.entry) working("registration", "deadline", "entry", factNumber("b9_1.host_notification"), ["b9_1.host_notification"]);

  const visa = visaEnd(m);
  if (visa) {
    const latest = visa.limitedBy !== undefined;
    push({
      id: "residence_before_visa_end",
      kind: "deadline",
      date: visa.date,
      basedOn: !latest ? ["visa_expiry"] : m.passport_expiry ? ["evisa_issued", "passport_expiry"] : ["evisa_issued"],
      facts: latest && m.passport_expiry ? ["b9_1.visa_extension", "b9_1.evisa_validity", "visa.passport.validity_after_visa"] : ["b9_1.visa_extension", "b9_1.evisa_validity"],
      ...(latest ? { latestPossible: true as const, limitedBy: visa.limitedBy } : {}),
    });
  }
  if (m.b121_expiry) push({ id: "b121_renewal", kind: "deadline", date: m.b121_expiry, basedOn: ["b121_expiry"], facts: ["b12_1.extension", "b12_1.validity"] });
  if (m.c2_expiry) push({ id: "c2_renewal", kind: "deadline", date: m.c2_expiry, basedOn: ["c2_expiry"], facts: ["b9_1.family.c2_after_permit"] });

  if (m.passport_expiry) {
    // A residence application needs MORE than 180 days of validity: the last day to apply with this passport.
    const days = Number(factRecord("b9_1.passport_validity_residence").amount);
    push({ id: "passport_residence", kind: "deadline", date: addDays(m.passport_expiry, -(days + 1)), basedOn: ["passport_expiry"], facts: ["b9_1.passport_validity_residence"] });
    // A visa must end at least 3 months before the passport does: the latest a visa can run to.
    push({ id: "passport_visa_limit", kind: "deadline", date: passportVisaLimit(m.passport_expiry), basedOn: ["passport_expiry"], facts: ["visa.passport.validity_after_visa"] });
  }

  if (m.days_in_kz !== undefined) {
    // 183 or more days in any 12 consecutive months, today and the days of arrival and departure counting.
    const line = taxLine(m.days_in_kz, today);
    push({
      id: "tax_residency",
      kind: "threshold",
      date: line.date,
      basedOn: ["days_in_kz"],
      facts: ["tax.resident_days", "tax.days_count_arrival_departure", "tax.resident_rate", "tax.progressive_threshold", "tax.resident_rate_higher", "tax.vital_interests"],
      ...(line.reached ? { reached: true as const } : {}),
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** Whole days from today to a deadline (negative once passed). */
export function daysLeft(deadline: Pick<Deadline, "date">, today: string): number {
  return daysBetween(today, deadline.date);
}
