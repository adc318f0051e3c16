import {
  outcomeFacts,
  type Answers,
  type FactId,
  type Profile,
  type ProgramResult,
} from "../../rules/index.js";
import { otherRoutes, pathSteps, routeOf, stepsFactOf } from "../../rules/eligibility/routes.js";
import { OUTCOME_RECORD_VERSION, type OutcomeRecord, type ProgramOutcome } from "../../rules/outcome/index.js";
import { reasonFacts } from "./citations.js";

/** Facts the B9-1 plan names beside its residence path (renderProgramPlan's e-visa line). */
const B9_1_EVISA_LINE: FactId[] = ["b9_1.time.visa_path", "b9_1.steps.visa_path"];

/**
 * Every fact one program's result message and plan cite (renderProgramOutcome, renderProgramPlan): the facts of
 * its reasons, its route's steps with where and how long, fees and timings. Kept next to those renderers, which
 * cite the same lists.
 */
function citedFacts(result: ProgramResult, today: string): FactId[] {
  const ids: FactId[] = result.reasons.flatMap((code) => reasonFacts(result.program, code));
  const route = routeOf(result);
  const facts = outcomeFacts(result.program, result, { today });
  if (route && facts) {
    ids.push(stepsFactOf(route));
    for (const step of pathSteps(route)) ids.push(...[step.where, step.time].filter((x): x is FactId => x !== undefined));
    if (result.program === "B9-1") ids.push(...B9_1_EVISA_LINE);
    ids.push(...facts.fees, ...facts.timings);
  }
  return [...new Set(ids)];
}

/**
 * The record /check stores when it shows a result (stores.outcomes): verdicts, routes, reason codes and the
 * ids of the facts cited, the citizenship used and the income's currency. No answer as typed is kept.
 */
export function outcomeRecord(results: readonly ProgramResult[], profile: Profile, answers: Answers, today: string): OutcomeRecord {
  const programs: ProgramOutcome[] = results.map((r) => {
    const used = r.citizenship ?? profile.citizenships[0];
    return {
      program: r.program,
      verdict: r.verdict,
      route: routeOf(r) ?? "none",
      reasons: [...r.reasons],
      ...(r.missing?.length ? { missing: [...r.missing] } : {}),
      ...(used !== undefined ? { citizenship: used } : {}),
      fact_ids: citedFacts(r, today),
    };
  });
  const others = otherRoutes(profile.citizenships, results).flatMap((o) => [...o.facts, ...(o.where ? [o.where] : [])]);
  const income = answers.monthly_income;
  const currency = typeof income === "object" && income.currency !== "USD" ? income.currency : undefined;
  const citizenship = programs[0]?.citizenship;
  return {
    version: OUTCOME_RECORD_VERSION,
    checked_at: today,
    programs,
    ...(citizenship !== undefined ? { citizenship } : {}),
    ...(currency !== undefined ? { currency } : {}),
    fact_ids: [...new Set([...programs.flatMap((p) => p.fact_ids), ...others])],
  };
}
