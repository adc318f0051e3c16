import { addCalendarDays as addDays } from "../calendar/index.js";
import { factRecord } from "../data/load.js";
import { addMonths } from "../eligibility/dates.js";

/** Which rule set a "latest possible" visa end: the e-visa's length, or the passport's expiry. */
export type VisaEndLimit = "visa_length" | "passport";

export interface VisaEnd {
  date: string;
  /** Set when the date is worked out from the rules, not read off the visa: the real end can be earlier. */
  limitedBy?: VisaEndLimit;
}

/**
 * When the B9-1 visa ends. The visa's own expiry, when the person gave it, is the answer. Otherwise
 * the latest the visa can run to: a year from issue less a day, cut back to the last day a visa can
 * run to with this passport (it must end at least the validity_after_visa margin before the passport).
 * A tie names the visa length, since the passport then does not shorten it.
 */
export function visaEnd(m: { visa_expiry?: string; evisa_issued?: string; passport_expiry?: string }): VisaEnd | undefined {
  if (m.visa_expiry) return { date: m.visa_expiry };
  if (!m.evisa_issued) return undefined;
  const years = Number(factRecord("b9_1.evisa_validity").max);
  const byLength = addDays(addMonths(m.evisa_issued, 12 * years), -1);
  if (!m.passport_expiry) return { date: byLength, limitedBy: "visa_length" };
  const byPassport = passportVisaLimit(m.passport_expiry);
  return byPassport < byLength ? { date: byPassport, limitedBy: "passport" } : { date: byLength, limitedBy: "visa_length" };
}

/** The last day any visa can run to with a passport expiring on `passportExpiry`. */
export function passportVisaLimit(passportExpiry: string): string {
  return addMonths(passportExpiry, -Number(factRecord("visa.passport.validity_after_visa").amount));
}
