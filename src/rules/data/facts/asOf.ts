/**
 * "As of" dates shared by many facts.
 * The five source documents carry no publication date; their facts are dated the day they were collected
 * for the facts digest (shared/FACTS.md). Section 6 of the digest was "checked 2026-11": a month-only date
 * is written as the first day of that month, so the date never claims more freshness than we have.
 */
export const DOCS_AS_OF = "2026-11-21";
export const CHECKED_AS_OF = "2026-11-01";
/** Section 7 of the digest: changes found on 2026-12-01. */
export const CHANGES_2026_12 = "2026-12-01";

/** Official places to confirm a reported fact (all named by the sources or the digest). */
export const CONFIRM = {
  visaMigrationPortal: "https://vmp.gov.kz",
  astanaHub: "https://astanahub.com",
  egov: "https://egov.kz",
  /** Visa rules (joint order 11-1-2/555 and 1100 of 2016), which hold Appendix 6. */
  visaRules: "https://adilet.zan.kz/rus/docs/V1600014531",
  /** The DNR pilot's joint order on the legal database. */
  pilotOrder: "https://adilet.zan.kz/rus/docs/G25IPM00001",
  eaeu: "https://eaeunion.org",
} as const;
