/**
 * What a person does next, as data: the whole path of their route, each step with where it is done (a portal
 * fact) and how long it takes (a timing fact), and the other routes the facts offer when a program does not
 * fit. Pure; the bot renders step ids and route ids through locale keys.
 */
import type { FactId } from "../data/facts/index.js";
import { countryGroups } from "../data/countries.js";
import { factList } from "../data/load.js";
import { type Program, STATELESS } from "./codes.js";
import type { ProgramResult } from "./policy.js";

export type PortalFactId = "portal.astana_hub" | "portal.egov" | "portal.vmp" | "portal.embassies";

export interface PathStep {
  readonly id: string;
  /** Where the step is done, when it is done online or at a named place. */
  readonly where?: PortalFactId;
  /** How long it takes, when a source says. */
  readonly time?: FactId;
}

export type RouteId = "b9_1.residence" | "b9_1.evisa" | "b12_1.invitation" | "b12_1.no_invitation";

const STEPS_FACT: Record<RouteId, FactId> = {
  "b9_1.residence": "b9_1.steps.residence_path",
  "b9_1.evisa": "b9_1.steps.visa_path",
  "b12_1.invitation": "b12_1.steps.with_invitation",
  "b12_1.no_invitation": "b12_1.steps.no_invitation",
};

/** The sources (S000-S004) say where each step happens and how long it takes; this table joins them to the steps. */
const STEP_DETAILS: Readonly<Record<string, Omit<PathStep, "id">>> = {
  iin_eds: { where: "portal.embassies" },
  astana_hub_application: { where: "portal.astana_hub" },
  document_check: { where: "portal.astana_hub", time: "b9_1.time.document_check" },
  online_interview: { where: "portal.astana_hub", time: "b9_1.time.online_interview" },
  astana_hub_petition: { where: "portal.astana_hub", time: "b9_1.time.astana_hub_petition" },
  e_application: { where: "portal.egov" },
  decision: { where: "portal.egov", time: "b9_1.time.decision" },
  arrival_within_30_days: { time: "b9_1.time.arrival_window" },
  document_check_interview: { where: "portal.astana_hub", time: "b9_1.time.visa.document_check_interview" },
  it_confirmation: { where: "portal.astana_hub", time: "b9_1.time.visa.it_confirmation" },
  invitation_letter: { where: "portal.astana_hub", time: "b9_1.time.visa.invitation_letter" },
  evisa_entry: { where: "portal.vmp" },
  arrival_notification: { time: "b9_1.host_notification" },
  invitation_from_travel_company: { time: "b12_1.time.invitation" },
  apply_at_consulate: { where: "portal.embassies" },
  visa_decision: { time: "b12_1.time.no_invitation" },
};

/**
 * The route a result leads to. B9-1: the residence path of S002 (the whole way to the permit, started from
 * abroad); the e-visa path of S000 is named beside it. B12-1: with an invitation unless the citizenship is on
 * the known no-invitation list. Undefined for not_eligible.
 */
export function routeOf(result: Pick<ProgramResult, "program" | "verdict" | "reasons">): RouteId | undefined {
  if (result.verdict === "not_eligible") return undefined;
  if (result.program === "B9-1") return "b9_1.residence";
  const invitation = result.verdict === "eligible_with_invitation" || result.reasons.includes("invitation_required");
  return invitation ? "b12_1.invitation" : "b12_1.no_invitation";
}

/** The fact listing a route's steps (cite it with the path). */
export function stepsFactOf(route: RouteId): FactId {
  return STEPS_FACT[route];
}

/** Every step of a route, in order, with where and how long. */
export function pathSteps(route: RouteId): PathStep[] {
  return factList(STEPS_FACT[route]).map((id) => ({ id, ...STEP_DETAILS[id] }));
}

/** The portals a route's steps use, in order of first use: one URL button each. */
export function routePortals(route: RouteId): PortalFactId[] {
  return [...new Set(pathSteps(route).flatMap((s) => (s.where ? [s.where] : [])))];
}

/** The documents fact of a route: the checklist the outcome offers. */
export function documentsFactOf(program: Program): FactId {
  return program === "B9-1" ? "b9_1.documents.residence_permit" : "b12_1.documents";
}

export type OtherRouteId = "eaeu_stay" | "visa_free_30" | "visa_free_90" | "visa_free_14" | "visa_free_turkey" | "b9_in_demand" | "c3_work_permit";

export interface OtherRoute {
  readonly id: OtherRouteId;
  /** The facts the route's text states (cite them). */
  readonly facts: readonly FactId[];
  readonly where?: PortalFactId;
  /** The citizenship it applies to, when it depends on one. */
  readonly citizenship?: string;
}

const OTHER_FACTS: Record<OtherRouteId, readonly FactId[]> = {
  eaeu_stay: ["countries.eaeu", "kz.eaeu_stay", "kz.eaeu_trp", "kz.eaeu_trp_validity", "kz.eaeu_notification"],
  visa_free_30: ["countries.visa_free_30", "kz.visa_free.regime_30"],
  visa_free_90: ["countries.visa_free_90", "kz.registration.visa_free_90"],
  visa_free_14: ["countries.visa_free_14", "kz.visa_free.regime_14"],
  visa_free_turkey: ["kz.visa_free.turkey"],
  b9_in_demand: ["b9.validity", "b9.fields"],
  c3_work_permit: ["b9_1.work.c3_permit"],
};

/**
 * Other ways to Kazakhstan, from the facts only, when a program does not fit (not_eligible) or is in doubt
 * for the person's citizenship (EAEU, stateless): the EAEU citizens' own rules, the visa-free stay of each
 * citizenship, the B9 in-demand-professions visa and a work permit through an employer (C3). Kazakh citizens
 * need none. Empty when both programs may fit.
 */
export function otherRoutes(citizenships: readonly string[], results: readonly ProgramResult[]): OtherRoute[] {
  if (citizenships.includes("KZ")) return [];
  const doubtful = results.some(
    (r) => r.verdict === "not_eligible" || r.reasons.includes("eaeu_citizen_no_visa_needed") || r.reasons.includes("stateless_person"),
  );
  if (!doubtful) return [];
  const g = countryGroups();
  const out: OtherRoute[] = [];
  const add = (id: OtherRouteId, extra: Omit<OtherRoute, "id" | "facts"> = {}) => out.push({ id, facts: OTHER_FACTS[id], ...extra });
  for (const c of citizenships) {
    if (c === STATELESS) continue;
    if (g.eaeuForeign.has(c)) add("eaeu_stay", { where: "portal.egov", citizenship: c });
    else if (c === "TR") add("visa_free_turkey", { where: "portal.vmp", citizenship: c });
    else if (g.visaFree90.has(c)) add("visa_free_90", { where: "portal.vmp", citizenship: c });
    else if (g.visaFree30.has(c)) add("visa_free_30", { where: "portal.vmp", citizenship: c });
    else if (g.visaFree14.has(c)) add("visa_free_14", { where: "portal.vmp", citizenship: c });
  }
  add("b9_in_demand", { where: "portal.egov" });
  add("c3_work_permit", { where: "portal.egov" });
  return out;
}
