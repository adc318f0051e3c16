import type { Milestones } from "../deadlines/milestones.js";
import { VERDICTS } from "../eligibility/codes.js";
import type { RouteId } from "../eligibility/routes.js";
import type { OutcomeRecord } from "../outcome/record.js";

/**
 * The routes an outcome leaves open, in the order /plan offers them: B9-1's residence path and, beside it,
 * its e-visa path (S000); B12-1's route with or without an invitation. Empty when neither program fits.
 */
export function planChoices(record: OutcomeRecord): RouteId[] {
  const out: RouteId[] = [];
  for (const p of record.programs) {
    if (p.route === "none") continue;
    if (p.program === "B9-1") out.push("b9_1.residence", "b9_1.evisa");
    else out.push(p.route);
  }
  return [...new Set(out)];
}

/**
 * The route /plan shows first: the one the person's milestones show they are on (an e-visa issued, a B12-1 visa
 * held), otherwise the program with the better verdict (B9-1 on a tie). Undefined when neither program fits.
 */
export function planRouteOf(record: OutcomeRecord, milestones: Milestones): RouteId | undefined {
  const choices = planChoices(record);
  if (choices.length === 0) return undefined;
  const b121 = choices.find((r) => r.startsWith("b12_1"));
  if (milestones.b121_expiry && b121) return b121;
  if ((milestones.evisa_issued || (milestones.entry && !milestones.positive_decision)) && choices.includes("b9_1.evisa")) return "b9_1.evisa";
  if (milestones.hub_applied || milestones.residence_applied || milestones.positive_decision) return choices[0];
  const rank = (route: RouteId) => {
    const p = record.programs.find((x) => (route.startsWith("b9_1") ? x.program === "B9-1" : x.program === "B12-1"));
    return p ? VERDICTS.indexOf(p.verdict) : VERDICTS.length;
  };
  return [...choices].sort((a, b) => rank(a) - rank(b))[0];
}
