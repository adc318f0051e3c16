import type { FactId, Program, ReasonCode } from "../../rules/index.js";

/**
 * The facts behind each reason, cited next to it. A reason that states no fact (an expired
 * passport, Kazakh citizenship, the choice between two citizenships) cites nothing.
 */
export const REASON_FACTS: Record<ReasonCode, { "B9-1": FactId[]; "B12-1": FactId[] }> = {
  kazakh_citizen: { "B9-1": [], "B12-1": [] },
  criminal_record: { "B9-1": ["b9_1.police_clearance"], "B12-1": ["b12_1.no_criminal_record"] },
  passport_expired: { "B9-1": [], "B12-1": [] },
  passport_validity: { "B9-1": ["b9_1.passport_validity_residence"], "B12-1": ["visa.passport.validity_after_visa"] },
  not_it_specialty: { "B9-1": ["b9_1.specialties"], "B12-1": ["b9_1.specialties"] },
  no_remote_foreign_income: { "B9-1": ["b12_1.who"], "B12-1": ["b12_1.who"] },
  income_below_threshold: { "B9-1": ["b12_1.income_monthly"], "B12-1": ["b12_1.income_monthly"] },
  income_months_short: { "B9-1": ["b12_1.income_months"], "B12-1": ["b12_1.income_months"] },
  eaeu_citizen_no_visa_needed: {
    "B9-1": ["countries.eaeu"],
    "B12-1": ["countries.eaeu", "b12_1.eaeu_not_applicable", "kz.eaeu_stay", "kz.eaeu_trp", "kz.eaeu_trp_validity", "kz.eaeu_notification"],
  },
  pilot_status_unconfirmed: { "B9-1": ["b9_1.pilot_period", "b9_1.pilot_extension"], "B12-1": [] },
  stateless_person: { "B9-1": ["b9_1.evisa_country_count"], "B12-1": ["b12_1.no_invitation_country_count", "b12_1.invitation_issuer"] },
  income_at_threshold: { "B9-1": [], "B12-1": ["b12_1.income_monthly"] },
  income_depends_on_rate: { "B9-1": [], "B12-1": ["b12_1.income_monthly", "b12_1.income_months"] },
  passport_validity_at_application: {
    "B9-1": ["b9_1.passport_validity_residence", "b9_1.time.document_check", "b9_1.time.online_interview", "b9_1.time.astana_hub_petition"],
    "B12-1": [],
  },
  residence_procedure_2026: { "B9-1": ["kz.pr_procedure.terms", "kz.pr_procedure.applies_to_dnr"], "B12-1": [] },
  citizenship_not_confirmed_evisa: { "B9-1": ["b9_1.evisa_country_count", "countries.evisa_reported"], "B12-1": [] },
  it_specialty_unlisted: { "B9-1": ["b9_1.specialties", "b9_1.specialties_official_list"], "B12-1": [] },
  passport_validity_short: { "B9-1": ["visa.passport.validity_after_visa"], "B12-1": ["visa.passport.validity_after_visa", "b12_1.validity"] },
  citizenship_on_reported_evisa_list: { "B9-1": ["countries.evisa_reported"], "B12-1": [] },
  citizenship_on_reported_no_invitation_list: { "B9-1": [], "B12-1": ["countries.no_invitation_known", "b12_1.no_invitation_country_count"] },
  invitation_required: { "B9-1": [], "B12-1": ["b12_1.invitation_issuer"] },
  no_invitation_list_incomplete: { "B9-1": [], "B12-1": ["countries.no_invitation_known", "b12_1.no_invitation_country_count"] },
  diploma_requirement_conflict: { "B9-1": ["b9_1.diplomas"], "B12-1": [] },
  passport_limits_visa_length: { "B9-1": ["visa.passport.validity_after_visa", "b9_1.evisa_validity"], "B12-1": [] },
  permit_limited_by_passport: { "B9-1": ["b9_1.permit_length", "b9_1.permit_limited_by_passport"], "B12-1": [] },
  best_of_citizenships: { "B9-1": [], "B12-1": [] },
};

export function reasonFacts(program: Program, code: ReasonCode): FactId[] {
  return REASON_FACTS[code][program];
}
