/**
 * The pre-submission consistency checklist: what applications are refused for, checked against the plan's
 * submission date where the person's dates allow (passport validity, the age of the police certificate).
 * Pure: codes, dates and fact ids only; the bot words them.
 */
import { addCalendarDays } from "../calendar/index.js";
import type { FactId } from "../data/facts/index.js";
import { factNumber, factRecord } from "../data/load.js";
import type { Milestones } from "../deadlines/milestones.js";
import { passportVisaLimit } from "../deadlines/visaEnd.js";
import { addMonths } from "../eligibility/dates.js";
import type { RoutePlan } from "./schedule.js";

export type CheckItemId = "names_dates" | "passport_validity" | "police_certificate" | "form_language";
/**
 * "ok", "short" (a visa shorter than it could be) and "problem": worked out from the person's dates; "unknown":
 * a date is missing; "advice": holds for everyone.
 */
export type CheckItemStatus = "ok" | "short" | "problem" | "unknown" | "advice";

export interface CheckItem {
  id: CheckItemId;
  status: CheckItemStatus;
  /** A day the item's text names: the last day to apply with the passport, the earliest issue day of the certificate. */
  date?: string;
  /** The submission day the item was checked against. */
  submission?: string;
  facts: FactId[];
}

/** The step at which the documents are handed in, by route. */
const SUBMISSION_STEP: Readonly<Record<RoutePlan["route"], string>> = {
  "b9_1.residence": "e_application",
  "b9_1.evisa": "astana_hub_application",
  "b12_1.invitation": "apply_at_consulate",
  "b12_1.no_invitation": "apply_at_consulate",
};

/** The planned (or entered) submission day of a plan: the latest it is expected on. */
export function submissionDate(plan: RoutePlan): string | undefined {
  const step = plan.steps.find((s) => s.id === SUBMISSION_STEP[plan.route]);
  return step ? (typeof step.done === "string" ? step.done : step.to) : undefined;
}

function passportItem(plan: RoutePlan, m: Milestones, submission: string): CheckItem {
  if (plan.route === "b9_1.residence") {
    const facts: FactId[] = ["b9_1.passport_validity_residence"];
    if (!m.passport_expiry) return { id: "passport_validity", status: "unknown", submission, facts };
    // MORE than N calendar days from the application: the last day to apply is N + 1 days before expiry.
    const lastDay = addCalendarDays(m.passport_expiry, -(Number(factRecord("b9_1.passport_validity_residence").amount) + 1));
    return { id: "passport_validity", status: submission <= lastDay ? "ok" : "problem", date: lastDay, submission, facts };
  }
  // A visa: the passport must stay valid some months after the visa ends, and the visa runs up to a year.
  const validity: FactId = plan.route === "b9_1.evisa" ? "b9_1.evisa_validity" : "b12_1.validity";
  const facts: FactId[] = ["visa.passport.validity_after_visa", validity];
  if (!m.passport_expiry) return { id: "passport_validity", status: "unknown", submission, facts };
  const latestVisaEnd = passportVisaLimit(m.passport_expiry);
  const fullVisaEnd = addMonths(submission, 12 * Number(factRecord(validity).max));
  const status = latestVisaEnd >= fullVisaEnd ? "ok" : latestVisaEnd > submission ? "short" : "problem";
  return { id: "passport_validity", status, date: latestVisaEnd, submission, facts };
}

/**
 * The checklist of a plan: names and dates the same everywhere; the passport valid long enough at the planned
 * submission (when its expiry was entered in /remind); the police certificate not older than the days it is
 * reported to be accepted for at submission; and, for B9-1, the languages the letter may be written in.
 */
export function consistencyChecklist(plan: RoutePlan, milestones: Milestones): CheckItem[] {
  const submission = submissionDate(plan);
  const b91 = plan.route.startsWith("b9_1");
  const items: CheckItem[] = [{ id: "names_dates", status: "advice", facts: b91 ? ["b9_1.rejections_seen.reasons"] : [] }];
  if (submission) {
    items.push(passportItem(plan, milestones, submission));
    const days = factNumber("kz.police_clearance_validity");
    items.push({ id: "police_certificate", status: "advice", date: addCalendarDays(submission, -days), submission, facts: ["kz.police_clearance_validity"] });
  }
  if (b91) items.push({ id: "form_language", status: "advice", facts: ["b9_1.cover_letter_languages", "b9_1.rejections_seen.reasons"] });
  return items;
}
