import type { FactInput } from "../types.js";
import { CHECKED_2026_11, CHECKED_2026_12, CONFIRM, DOCS_READ, NOT_RECORDED } from "./dating.js";

/**
 * Where the steps of each route are done: the portals the sources and the digest name (FACTS.md sections 1,
 * 6 and 7). A portal's address is a fact like any other: /check shows it as a button, so it must be sourced.
 */
export const ROUTE_FACTS = [
  {
    id: "portal.astana_hub",
    value: "https://astanahub.com",
    source: "S000",
    checked: DOCS_READ,
    review: "rule",
    confidence: "confirmed",
    note: "S000: the application is filed on the Astana Hub portal; the multiple-entry form is downloaded from the personal account on astanahub.com.",
  },
  {
    id: "portal.egov",
    value: "https://egov.kz",
    source: ["S004", CONFIRM.egov],
    checked: CHECKED_2026_12,
    review: "rule",
    confidence: "confirmed",
    note: "S004: the residence application is filed on e-Gov; the digest (section 7) names egov.kz as the place to confirm the program's status." + NOT_RECORDED,
  },
  {
    id: "portal.vmp",
    value: "https://vmp.gov.kz",
    source: ["S000", CONFIRM.visaMigrationPortal],
    checked: CHECKED_2026_11,
    review: "rule",
    confidence: "confirmed",
    note: "S000: the e-visa is issued on the Visa-Migration Portal; the digest (section 6) gives its address, vmp.gov.kz." + NOT_RECORDED,
  },
  {
    id: "portal.embassies",
    value: "https://www.gov.kz/memleket/entities/mfa",
    source: "https://www.gov.kz/memleket/entities/mfa",
    checked: CHECKED_2026_12,
    review: "rule",
    confidence: "reported",
    confirmAt: CONFIRM.egov,
    note:
      "The Ministry of Foreign Affairs on gov.kz, which lists Kazakhstan's embassies and consulates. The digest names no " +
      "embassy finder: this is the ministry's page on the government portal, not checked from here; the list's exact page is not recorded.",
  },
] as const satisfies readonly FactInput[];
