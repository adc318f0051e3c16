/**
 * The document checklist of each route, and what the facts say each document needs. Pure: the bot renders the
 * item ids and aspect values through locale keys. Only what a fact states is here; an aspect no fact gives is
 * absent, and the bot says the sources do not say.
 */
import type { FactId } from "../data/facts/index.js";
import { factList } from "../data/load.js";
import type { RouteId } from "../eligibility/routes.js";

export const DOC_ROUTES = ["b9_1.residence", "b9_1.evisa", "b12_1.invitation", "b12_1.no_invitation"] as const satisfies readonly RouteId[];
export type DocRoute = (typeof DOC_ROUTES)[number];

export function isDocRoute(value: unknown): value is DocRoute {
  return typeof value === "string" && (DOC_ROUTES as readonly string[]).includes(value);
}

/** The list facts each route's checklist is made of, in order (duplicates are kept once, at their first place). */
const ROUTE_LISTS: Record<DocRoute, readonly FactId[]> = {
  // S002's residence path, applied for from abroad: the residence-permit documents.
  "b9_1.residence": ["b9_1.documents.residence_permit"],
  // S000's visa path: the multiple-entry visa documents, then the residence-permit documents it ends with.
  "b9_1.evisa": ["b9_1.documents.multiple_entry", "b9_1.documents.residence_permit"],
  "b12_1.invitation": ["b12_1.documents"],
  "b12_1.no_invitation": ["b12_1.documents"],
};

/** Items a route leaves out of its list fact: without an invitation, "invitation if needed" is not needed. */
const ROUTE_SKIPS: Partial<Record<DocRoute, readonly string[]>> = {
  "b12_1.no_invitation": ["invitation_if_needed"],
};

/** The program of a route. */
export function programOfRoute(route: DocRoute): "B9-1" | "B12-1" {
  return route.startsWith("b9_1") ? "B9-1" : "B12-1";
}

/** The facts that list a route's documents (cite them with the checklist). */
export function checklistFacts(route: DocRoute): readonly FactId[] {
  return ROUTE_LISTS[route];
}

/** A route's documents, in order, each once. */
export function checklistItems(route: DocRoute): string[] {
  const skip = new Set(ROUTE_SKIPS[route] ?? []);
  return [...new Set(ROUTE_LISTS[route].flatMap((id) => factList(id)))].filter((id) => !skip.has(id));
}

/**
 * What a document may need, in the order the bot shows them: apostille or legalization, translation, how long
 * it stays valid, from which country, size (the photo), language, fee, condition.
 */
export const DOC_ASPECTS = ["legalization", "translation", "validity", "issuer", "size", "language", "fee", "condition"] as const;
export type DocAspect = (typeof DOC_ASPECTS)[number];
/** The aspects the bot always answers, saying "the sources do not say" when no fact gives them. */
export const CORE_ASPECTS: readonly DocAspect[] = ["legalization", "translation", "validity", "issuer"];

/** One thing a fact says about a document. `key` picks the value's wording; `fact` is cited. */
export interface DocDetail {
  readonly aspect: DocAspect;
  readonly fact: FactId;
  /**
   * How to read the fact: "value" (its value is an id, or a list of ids, to label), "amount" (a number or range
   * with a unit, formatted as facts are), `{ field }` (one id field of an object value), or `{ say }` (a fixed
   * wording the cited fact supports, e.g. that a certified translation is its own item on the list).
   */
  readonly read: "value" | "amount" | { readonly field: string } | { readonly say: string };
  /** The wording the value is said in ("valid {{value}} after the visa ends"), when the bare value would be unclear. */
  readonly phrase?: string;
}

const d = (aspect: DocAspect, fact: FactId, read: DocDetail["read"] = "value", phrase?: string): DocDetail => ({ aspect, fact, read, ...(phrase ? { phrase } : {}) });

/** What the facts say per document and program. Keyed "<program>:<item>", then "*:<item>" for both programs. */
const DETAILS: Readonly<Record<string, readonly DocDetail[]>> = {
  "B9-1:passport_copy": [
    d("translation", "b9_1.documents.residence_permit", { say: "separate_item" }),
    d("validity", "b9_1.passport_validity_residence", "amount", "from_application"),
  ],
  "B9-1:passport_translation": [d("translation", "b9_1.documents.residence_permit", { say: "certified" })],
  "B9-1:cover_letter": [d("language", "b9_1.cover_letter_languages")],
  "B9-1:diplomas_certificates": [d("legalization", "b9_1.doc_detail.diplomas_legalization"), d("condition", "b9_1.diplomas")],
  "B9-1:police_clearance": [
    d("legalization", "b9_1.police_clearance", { field: "legalization" }),
    d("validity", "kz.police_clearance_validity", "amount", "after_issue"),
    d("issuer", "b9_1.police_clearance", { field: "issued_by" }),
    d("condition", "b9_1.police_clearance", { field: "dual_citizens" }),
  ],
  "*:photo": [d("size", "kz.photo_size", "amount")],
  "B9-1:iin_eds": [d("issuer", "b9_1.iin_eds")],
  "B9-1:employment_contract": [d("condition", "b9_1.employment_contract")],
  "B9-1:state_fee_receipt": [d("fee", "b9_1.fee.multiple_entry", "amount")],
  "*:original_passport": [
    d("validity", "visa.passport.validity_after_visa", "amount", "after_visa"),
    d("condition", "visa.passport.blank_pages", "amount", "blank_pages"),
    d("condition", "visa.passport.condition"),
  ],
  "B12-1:bank_statements_6_months": [d("validity", "b12_1.income_months", "amount", "covering")],
  "B12-1:tax_return": [d("issuer", "b12_1.doc_detail.tax_return_issuer")],
  "B12-1:police_clearance": [d("issuer", "b12_1.doc_detail.police_clearance_issuer"), d("validity", "kz.police_clearance_validity", "amount", "after_issue")],
  "B12-1:medical_insurance": [d("validity", "b12_1.doc_detail.insurance_period")],
  "B12-1:consular_fee_receipt": [d("fee", "b12_1.fee.consular", "amount")],
  "B12-1:invitation_if_needed": [d("issuer", "b12_1.invitation_issuer")],
};

/** What the facts say one document of a route needs, in DOC_ASPECTS order. */
export function documentDetails(route: DocRoute, item: string): DocDetail[] {
  const program = programOfRoute(route);
  const found = [...(DETAILS[`${program}:${item}`] ?? []), ...(DETAILS[`*:${item}`] ?? [])];
  return found.sort((a, b) => DOC_ASPECTS.indexOf(a.aspect) - DOC_ASPECTS.indexOf(b.aspect));
}
