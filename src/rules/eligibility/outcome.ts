import type { FactId } from "../data/facts/index.js";
import { factList, findFact } from "../data/load.js";
import { mrpFactId } from "../data/mrp.js";
import type { Program } from "./codes.js";
import { resolveToday, type AssessOptions } from "./assess.js";
import type { ProgramResult } from "./policy.js";
import { yearOf } from "./dates.js";

/** What an outcome message shows besides the verdict: every number in it comes from one of these facts. */
export interface OutcomeFacts {
  /** The fact holding the program's ordered step ids (cite its source). */
  stepsFact: FactId;
  /** The first three step ids of that list: what the user does next. */
  nextSteps: string[];
  /** Fee facts, plus the MRP of the current year when a confirmed one exists (otherwise show MRP only). */
  fees: FactId[];
  /** Timing facts for the path the verdict implies. */
  timings: FactId[];
}

const B9_1_TIMINGS: FactId[] = [
  "b9_1.time.document_check",
  "b9_1.time.online_interview",
  "b9_1.time.astana_hub_petition",
  "b9_1.time.astana_hub_review",
  "b9_1.time.decision",
  "b9_1.time.arrival_window",
  "b9_1.time.residence_path",
  "b9_1.time.visa_path",
];

function mrpFees(today: string): FactId[] {
  const id = mrpFactId(yearOf(today));
  return id !== undefined && findFact(id) ? [id as FactId] : [];
}

function outcome(stepsFact: FactId, fees: FactId[], timings: FactId[]): OutcomeFacts {
  return { stepsFact, nextSteps: factList(stepsFact).slice(0, 3), fees, timings };
}

/**
 * The fact ids an outcome message should show for one program's result: next three steps, fees and timings.
 * Undefined for not_eligible (there is no next step to show). B9-1 follows the residence path of S002;
 * B12-1 takes the invitation path unless the citizenship is on the known no-invitation list.
 */
export function outcomeFacts(
  program: Program,
  result: Pick<ProgramResult, "verdict" | "reasons">,
  opts?: AssessOptions,
): OutcomeFacts | undefined {
  if (result.verdict === "not_eligible") return undefined;
  const mrp = mrpFees(resolveToday(opts));
  if (program === "B9-1") {
    // The steps listed are the residence path's (S002): its fee is the state duty, not the e-visa's USD 80.
    return outcome("b9_1.steps.residence_path", ["b9_1.fee.residence_state_duty"], B9_1_TIMINGS);
  }
  const invitation = result.verdict === "eligible_with_invitation" || result.reasons.includes("invitation_required");
  return invitation
    ? outcome(
        "b12_1.steps.with_invitation",
        ["b12_1.fee.consular", ...mrp],
        ["b12_1.time.invitation", "b12_1.time.invitation_security_review", "b12_1.time.no_invitation"],
      )
    : outcome("b12_1.steps.no_invitation", ["b12_1.fee.consular", ...mrp], ["b12_1.time.no_invitation"]);
}
