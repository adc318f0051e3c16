import { addCalendarDays as addDays, addWorkingDays, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, calendarStatus } from "../calendar/index.js";
import type { FactId } from "../data/facts/index.js";
import { factNumber, factRecord } from "../data/load.js";
import { addMonths, daysBetween } from "../eligibility/dates.js";
import { MilestonesSchema, type MilestoneId, type Milestones } from "./milestones.js";

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
    push({ id: "arrival_window", kind: "deadline", date: addDays(m.positive_decision, factNumber("b9_1.time.arrival_window")), basedOn: ["positive_decision"], facts: ["b9_1.time.arrival_window", "b9_1.reapply_ban"] });
  }
  if (m.entry) working("registration", "deadline", "entry", factNumber("b9_1.host_notification"), ["b9_1.host_notification"]);

  const visaEnd = m.visa_expiry ?? (m.evisa_issued ? addDays(addMonths(m.evisa_issued, 12 * Number(factRecord("b9_1.evisa_validity").max)), -1) : undefined);
  if (visaEnd) {
    push({ id: "residence_before_visa_end", kind: "deadline", date: visaEnd, basedOn: [m.visa_expiry ? "visa_expiry" : "evisa_issued"], facts: ["b9_1.visa_extension", "b9_1.evisa_validity"] });
  }
  if (m.b121_expiry) push({ id: "b121_renewal", kind: "deadline", date: m.b121_expiry, basedOn: ["b121_expiry"], facts: ["b12_1.extension", "b12_1.validity"] });
  if (m.c2_expiry) push({ id: "c2_renewal", kind: "deadline", date: m.c2_expiry, basedOn: ["c2_expiry"], facts: ["b9_1.family.c2_after_permit"] });

  if (m.passport_expiry) {
    // A residence application needs MORE than 180 days of validity: the last day to apply with this passport.
    const days = Number(factRecord("b9_1.passport_validity_residence").amount);
    push({ id: "passport_residence", kind: "deadline", date: addDays(m.passport_expiry, -(days + 1)), basedOn: ["passport_expiry"], facts: ["b9_1.passport_validity_residence"] });
    // A visa must end at least 3 months before the passport does: the latest a visa can run to.
    const months = Number(factRecord("visa.passport.validity_after_visa").amount);
    push({ id: "passport_visa_limit", kind: "deadline", date: addMonths(m.passport_expiry, -months), basedOn: ["passport_expiry"], facts: ["visa.passport.validity_after_visa"] });
  }

  if (m.days_in_kz !== undefined) {
    const line = Number(factRecord("tax.resident_days").amount);
    const year = today.slice(0, 4);
    // Counting today in days_in_kz and staying on: the day the count first exceeds the line, if still this year.
    const crossing = addDays(today, line + 1 - m.days_in_kz);
    if (m.days_in_kz > line) push({ id: "tax_residency", kind: "threshold", date: today, basedOn: ["days_in_kz"], facts: ["tax.resident_days", "tax.resident_rate"] });
    else if (crossing.startsWith(year)) push({ id: "tax_residency", kind: "threshold", date: crossing, basedOn: ["days_in_kz"], facts: ["tax.resident_days", "tax.resident_rate"] });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** Whole days from today to a deadline (negative once passed). */
export function daysLeft(deadline: Pick<Deadline, "date">, today: string): number {
  return daysBetween(today, deadline.date);
}
