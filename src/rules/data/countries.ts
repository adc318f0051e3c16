import { factList } from "./load.js";

/** The country groups the eligibility policy reads, as sets of ISO alpha-2 codes. */
export interface CountryGroups {
  /** Reported proxy of the 109 e-visa countries (99 codes). */
  readonly evisaReported: ReadonlySet<string>;
  /** The 34 known names of the 48 no-invitation countries (Appendix 6). */
  readonly noInvitationKnown: ReadonlySet<string>;
  /** EAEU members other than Kazakhstan. */
  readonly eaeuForeign: ReadonlySet<string>;
  readonly visaFree30: ReadonlySet<string>;
  readonly visaFree90: ReadonlySet<string>;
  readonly visaFree14: ReadonlySet<string>;
}

let groups: CountryGroups | undefined;

/** Country groups built from the country facts on first use. */
export function countryGroups(): CountryGroups {
  groups ??= {
    evisaReported: new Set(factList("countries.evisa_reported")),
    noInvitationKnown: new Set(factList("countries.no_invitation_known")),
    eaeuForeign: new Set(factList("countries.eaeu").filter((c) => c !== "KZ")),
    visaFree30: new Set(factList("countries.visa_free_30")),
    visaFree90: new Set(factList("countries.visa_free_90")),
    visaFree14: new Set(factList("countries.visa_free_14")),
  };
  return groups;
}

export type CountryGroupId = "evisa_reported" | "no_invitation_known" | "eaeu" | "visa_free_30" | "visa_free_90" | "visa_free_14";

/** Which reported lists a country is on (empty when none); the FAQ uses it to answer "what about my country?". */
export function countryGroupsOf(code: string): CountryGroupId[] {
  const g = countryGroups();
  const c = code.trim().toUpperCase();
  const out: CountryGroupId[] = [];
  if (g.evisaReported.has(c)) out.push("evisa_reported");
  if (g.noInvitationKnown.has(c)) out.push("no_invitation_known");
  if (g.eaeuForeign.has(c) || c === "KZ") out.push("eaeu");
  if (g.visaFree30.has(c)) out.push("visa_free_30");
  if (g.visaFree90.has(c)) out.push("visa_free_90");
  if (g.visaFree14.has(c)) out.push("visa_free_14");
  return out;
}
