/**
 * `checked` dates shared by many facts, and where to confirm reported ones.
 * The five documents carry no publication date: their facts are checked on the day the documents were read
 * (DOCS_READ) and take their dating from SOURCE_DOCS, never an "as of" date. Section 6 of the digest
 * (shared/FACTS.md) was "checked 2026-11": a month-only date is written as the first day of that month, so it
 * never claims more freshness than we have.
 */
export { DOCS_READ } from "../sources.js";
/** Section 6 of the digest: public sources checked in November 2026. */
export const CHECKED_2026_11 = "2026-11-01";
/** Section 7 of the digest: changes found, or rows confirmed again, on 2026-12-01. */
export const CHECKED_2026_12 = "2026-12-01";

/** Added to the note of a fact whose source is a site's home page: say so rather than make up a page. */
export const NOT_RECORDED = " The exact page is not recorded (site only).";

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
