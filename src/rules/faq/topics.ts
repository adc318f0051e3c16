import type { FactId } from "../data/facts/index.js";

/** Menu groups of the FAQ, in display order. */
export const FAQ_GROUPS = ["programs", "eligibility", "money_time", "documents", "process", "in_kazakhstan", "family_work"] as const;
export type FaqGroup = (typeof FAQ_GROUPS)[number];

export interface FaqTopic {
  readonly id: string;
  readonly group: FaqGroup;
  /** The facts the answer states; they are cited under it with their sources and dates. */
  readonly facts: readonly FactId[];
  /** Two or three topics offered as buttons under the answer. */
  readonly related: readonly string[];
  /** The program the topic is about, when it is about one only. */
  readonly program?: "B9-1" | "B12-1";
  /**
   * "dnr_pilot": the answer is about B9-1 or the Digital Nomad Residency permit, so it opens with a one-line
   * note on the pilot's status on the day it is shown (pilotStatus: running, extended or unconfirmed).
   */
  readonly status?: "dnr_pilot";
}

/**
 * The knowledge base's topics. Answers live in locales/<lng>/faq.json under `topic.<id>` and take
 * every number from the facts through `{{f.<fact id>}}`; this list says which facts they cite.
 */
export const FAQ_TOPICS: readonly FaqTopic[] = [
  { id: "b91_who", group: "programs", facts: ["b9_1.specialties", "b9_1.specialties_official_list", "b9_1.income_requirement", "b9_1.verification"], program: "B9-1", status: "dnr_pilot", related: ["b91_citizenship", "astana_hub", "compare"] },
  { id: "b121_who", group: "programs", facts: ["b12_1.who", "b12_1.income_monthly", "b12_1.income_months", "b12_1.validity"], program: "B12-1", related: ["income", "b121_citizenship", "compare"] },
  { id: "compare", group: "programs", facts: ["b9_1.income_requirement", "b9_1.permit_length", "b9_1.fee.evisa", "b12_1.income_monthly", "b12_1.validity", "b12_1.fee.consular", "b12_1.work_allowed", "b12_1.family.same_visa", "b9_1.family.accompanying_visa"], status: "dnr_pilot", related: ["b91_who", "b121_who"] },
  { id: "changes_2026", group: "programs", facts: ["b9_1.pilot_period", "b9_1.pilot_extension", "tax.progressive_since", "tax.resident_rate", "tax.resident_rate_higher", "tax.progressive_threshold", "kz.pr_procedure.terms", "kz.pr_procedure.applies_to_dnr", "kz.registration.visa_free_90"], status: "dnr_pilot", related: ["legal_basis", "tax", "registration"] },
  { id: "b9_visa", group: "programs", facts: ["b9.validity", "b9.fields", "b9.dependants"], related: ["b91_who", "compare"] },
  { id: "legal_basis", group: "programs", facts: ["b9_1.legal_basis", "b9_1.pilot_period", "b9_1.pilot_cities", "b9_1.pilot_extension", "b9_1.launch", "b9_1.first_permit", "kz.pr_procedure.terms", "kz.pr_procedure.steps", "kz.pr_procedure.applies_to_dnr"], program: "B9-1", status: "dnr_pilot", related: ["b91_who", "permit_length"] },
  { id: "visa_free", group: "programs", facts: ["kz.visa_free.regime_30", "kz.visa_free.turkey", "kz.visa_free.regime_14", "countries.visa_free_90", "kz.registration.visa_free_90"], related: ["compare", "registration"] },
  { id: "b91_citizenship", group: "eligibility", facts: ["b9_1.evisa_country_count", "countries.evisa_reported"], program: "B9-1", status: "dnr_pilot", related: ["b91_who", "b121_citizenship"] },
  { id: "b121_citizenship", group: "eligibility", facts: ["b12_1.no_invitation_country_count", "countries.no_invitation_known", "b12_1.invitation_issuer"], program: "B12-1", related: ["invitation", "eaeu", "b91_citizenship"] },
  { id: "eaeu", group: "eligibility", facts: ["countries.eaeu", "b12_1.eaeu_not_applicable", "kz.eaeu_stay", "kz.eaeu_trp", "kz.eaeu_trp_validity", "kz.eaeu_notification"], related: ["b121_citizenship", "visa_free"] },
  { id: "language", group: "eligibility", facts: ["b9_1.cover_letter_languages", "kz.pr_procedure.terms", "kz.pr_procedure.applies_to_dnr"], status: "dnr_pilot", related: ["cover_letter", "permit_length", "b121_who"] },
  { id: "income", group: "eligibility", facts: ["b9_1.income_requirement", "b12_1.income_monthly", "b12_1.income_months"], status: "dnr_pilot", related: ["b121_who", "docs_b121"] },
  { id: "fee_evisa", group: "money_time", facts: ["b9_1.fee.evisa"], program: "B9-1", status: "dnr_pilot", related: ["fee_multiple_entry", "fee_b121", "processing_times"] },
  { id: "fee_multiple_entry", group: "money_time", facts: ["b9_1.fee.multiple_entry", "mrp.2025", "mrp.2026"], program: "B9-1", status: "dnr_pilot", related: ["docs_multiple_entry", "fee_evisa"] },
  { id: "fee_b121", group: "money_time", facts: ["b12_1.fee.consular", "mrp.2025", "mrp.2026"], program: "B12-1", related: ["docs_b121", "fee_evisa"] },
  { id: "processing_times", group: "money_time", facts: ["b9_1.time.document_check", "b9_1.time.online_interview", "b9_1.time.astana_hub_petition", "b9_1.time.decision", "b9_1.time.visa_path", "b9_1.time.residence_path", "b12_1.time.no_invitation", "b12_1.time.invitation", "b12_1.time.invitation_security_review"], status: "dnr_pilot", related: ["steps_b91", "steps_b121", "arrival_window"] },
  { id: "tax", group: "money_time", facts: ["tax.progressive_since", "tax.resident_rate", "tax.resident_rate_higher", "tax.progressive_threshold", "tax.resident_days", "tax.days_count_arrival_departure", "tax.vital_interests", "tax.non_resident_scope"], related: ["work_rights", "permit_length"] },
  { id: "docs_residence", group: "documents", facts: ["b9_1.documents.residence_permit", "b9_1.passport_validity_residence", "kz.pr_procedure.terms", "kz.pr_procedure.steps", "kz.pr_procedure.applies_to_dnr"], program: "B9-1", status: "dnr_pilot", related: ["photo", "police_certificate", "cover_letter"] },
  { id: "docs_multiple_entry", group: "documents", facts: ["b9_1.documents.multiple_entry", "b9_1.fee.multiple_entry"], program: "B9-1", status: "dnr_pilot", related: ["fee_multiple_entry", "docs_residence"] },
  { id: "docs_b121", group: "documents", facts: ["b12_1.documents", "b12_1.income_months"], program: "B12-1", related: ["insurance", "police_certificate", "fee_b121"] },
  { id: "photo", group: "documents", facts: ["kz.photo_size"], status: "dnr_pilot", related: ["docs_residence", "passport"] },
  { id: "passport", group: "documents", facts: ["b9_1.passport_validity_residence", "visa.passport.validity_after_visa", "visa.passport.blank_pages", "visa.passport.condition"], status: "dnr_pilot", related: ["permit_length", "docs_residence"] },
  { id: "police_certificate", group: "documents", facts: ["b9_1.police_clearance", "kz.police_clearance_validity", "b12_1.no_criminal_record"], status: "dnr_pilot", related: ["docs_residence", "docs_b121"] },
  { id: "cover_letter", group: "documents", facts: ["b9_1.cover_letter_languages"], program: "B9-1", status: "dnr_pilot", related: ["docs_residence", "astana_hub"] },
  { id: "insurance", group: "documents", facts: ["b12_1.documents"], program: "B12-1", related: ["docs_b121", "fee_b121"] },
  { id: "steps_b91", group: "process", facts: ["b9_1.steps.residence_path", "b9_1.time.decision", "b9_1.time.arrival_window", "kz.pr_procedure.terms", "kz.pr_procedure.steps", "kz.pr_procedure.applies_to_dnr"], program: "B9-1", status: "dnr_pilot", related: ["astana_hub", "processing_times", "iin_eds"] },
  { id: "steps_b121", group: "process", facts: ["b12_1.steps.with_invitation", "b12_1.time.no_invitation"], program: "B12-1", related: ["docs_b121", "where_apply", "invitation"] },
  { id: "astana_hub", group: "process", facts: ["b9_1.verification", "b9_1.time.document_check", "b9_1.time.online_interview", "b9_1.time.astana_hub_petition"], program: "B9-1", status: "dnr_pilot", related: ["steps_b91", "cover_letter"] },
  { id: "iin_eds", group: "process", facts: ["b9_1.iin_eds"], program: "B9-1", status: "dnr_pilot", related: ["steps_b91", "docs_residence"] },
  { id: "invitation", group: "process", facts: ["b12_1.invitation_issuer", "b12_1.time.invitation", "b12_1.time.invitation_security_review", "b9_1.time.visa.invitation_letter"], status: "dnr_pilot", related: ["b121_citizenship", "steps_b121"] },
  { id: "where_apply", group: "process", facts: ["b12_1.where", "b9_1.stages"], status: "dnr_pilot", related: ["steps_b121", "steps_b91"] },
  { id: "entry_airports", group: "in_kazakhstan", facts: ["b9_1.evisa_airports_only"], program: "B9-1", status: "dnr_pilot", related: ["registration", "steps_b91"] },
  { id: "registration", group: "in_kazakhstan", facts: ["b9_1.host_notification", "kz.fingerprinting_since", "kz.registration.visa_free_90"], related: ["entry_airports", "arrival_window"] },
  { id: "arrival_window", group: "in_kazakhstan", facts: ["b9_1.time.arrival_window", "b9_1.reapply_ban"], program: "B9-1", status: "dnr_pilot", related: ["steps_b91", "registration"] },
  { id: "permit_length", group: "in_kazakhstan", facts: ["b9_1.permit_length", "b9_1.permit_limited_by_passport", "kz.pr_procedure.terms", "kz.pr_procedure.steps", "kz.pr_procedure.applies_to_dnr"], program: "B9-1", status: "dnr_pilot", related: ["passport", "b91_extension"] },
  { id: "b91_extension", group: "in_kazakhstan", facts: ["b9_1.visa_extension", "b9_1.evisa_validity", "b9_1.multiple_entry_validity"], program: "B9-1", status: "dnr_pilot", related: ["permit_length", "steps_b91"] },
  { id: "b121_extension", group: "in_kazakhstan", facts: ["b12_1.extension", "b12_1.renewals", "b12_1.validity"], program: "B12-1", related: ["docs_b121", "b121_who"] },
  { id: "b91_family", group: "family_work", facts: ["b9_1.family.accompanying_visa", "b9_1.family.c2_after_permit", "b9_1.family.dnr_permit"], program: "B9-1", status: "dnr_pilot", related: ["b121_family", "work_rights"] },
  { id: "b121_family", group: "family_work", facts: ["b12_1.family.same_visa", "b12_1.family.documents", "b12_1.family.legalization", "b12_1.work_allowed"], program: "B12-1", related: ["b91_family", "docs_b121"] },
  { id: "work_rights", group: "family_work", facts: ["b12_1.work_allowed", "b9_1.work.c3_permit"], related: ["tax", "b91_family"] },
  { id: "age_limits", group: "eligibility", facts: ["b12_1.family.documents", "kz.pr_procedure.points_factors", "kz.pr_procedure.applies_to_dnr", "contacts.astana_hub"], related: ["b91_who", "b121_who", "official_contacts"] },
  { id: "savings", group: "money_time", facts: ["b9_1.income_requirement", "b12_1.income_monthly", "b12_1.income_months"], related: ["income", "docs_b121"] },
  { id: "what_is_mrp", group: "money_time", facts: ["kz.mrp_definition", "mrp.2025", "mrp.2026", "b12_1.fee.consular", "b9_1.fee.multiple_entry"], related: ["fee_b121", "fee_multiple_entry", "tax"] },
  { id: "apply_from_inside", group: "process", facts: ["b9_1.verification", "contacts.visa_migration_portal", "b9_1.time.arrival_window", "b12_1.where", "contacts.astana_hub"], related: ["where_apply", "visa_free", "official_contacts"] },
  { id: "b121_third_country", group: "process", facts: ["b12_1.where", "b12_1.invitation_issuer"], program: "B12-1", related: ["where_apply", "invitation", "steps_b121"] },
  { id: "official_contacts", group: "process", facts: ["contacts.astana_hub", "contacts.visa_migration_portal", "contacts.egov", "contacts.legal_database", "b12_1.where"], related: ["where_apply", "astana_hub"] },
  { id: "permit_without_visit", group: "in_kazakhstan", facts: ["b9_1.time.arrival_window", "b9_1.reapply_ban", "b9_1.iin_eds"], program: "B9-1", status: "dnr_pilot", related: ["arrival_window", "steps_b91", "iin_eds"] },
  { id: "pr_procedure", group: "in_kazakhstan", facts: ["kz.pr_procedure.terms", "kz.pr_procedure.steps", "kz.pr_procedure.applies_to_dnr"], status: "dnr_pilot", related: ["language", "permit_length", "citizenship_after_permit"] },
  { id: "citizenship_after_permit", group: "in_kazakhstan", facts: ["b9_1.permit_length", "b12_1.validity", "contacts.egov", "contacts.legal_database"], related: ["permit_length", "official_contacts"] },
  { id: "unmarried_partner", group: "family_work", facts: ["b12_1.family.documents", "b9_1.family.accompanying_visa", "b9_1.family.c2_after_permit", "contacts.astana_hub"], related: ["b91_family", "b121_family"] },
  { id: "pets", group: "family_work", facts: ["contacts.egov"], related: ["official_contacts", "b121_family"] },
];

/**
 * Topics that say the same thing for each program in turn: a question that names neither program gets
 * both answers when both topics come out close (see the FAQ search), never only the one that scored best.
 */
export const PROGRAM_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["b91_who", "b121_who"],
  ["b91_citizenship", "b121_citizenship"],
  ["fee_evisa", "fee_b121"],
  ["docs_residence", "docs_b121"],
  ["steps_b91", "steps_b121"],
  ["b91_extension", "b121_extension"],
  ["b91_family", "b121_family"],
];

/** The other program's topic of a pair, or undefined. */
export function counterpartOf(id: string): string | undefined {
  for (const [a, b] of PROGRAM_PAIRS) if (a === id) return b; else if (b === id) return a;
  return undefined;
}

/** One topic by id, or undefined. */
export function findTopic(id: string): FaqTopic | undefined {
  return FAQ_TOPICS.find((t) => t.id === id);
}
