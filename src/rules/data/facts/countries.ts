import type { FactInput } from "../types.js";
import { CHECKED_2026_11, CONFIRM, NOT_RECORDED } from "./dating.js";

const PASSPORT_INDEX = "https://github.com/ilyankou/passport-index-dataset";

/**
 * Country lists (FACTS.md section 6, "partial country data"). ISO 3166-1 alpha-2 codes.
 * Every list is "reported": the official lists could not be retrieved. The counts in the program facts
 * (109 e-visa countries, 48 no-invitation countries) are the confirmed numbers.
 */
export const COUNTRY_FACTS = [
  {
    id: "countries.evisa_reported",
    value: [
      "DZ", "AO", "AG", "BS", "BD", "BB", "BZ", "BJ", "BT", "BO", "BA", "BW", "BN", "BF", "BI", "KH", "CM", "CF", "TD",
      "KM", "CG", "CR", "CI", "CU", "DJ", "DM", "DO", "EG", "SV", "ER", "SZ", "ET", "FJ", "GA", "GM", "GH", "GD", "GT",
      "GN", "GW", "GY", "HT", "HN", "JM", "KE", "KI", "LA", "LB", "LS", "LR", "MG", "MW", "ML", "MH", "MR", "MU", "FM",
      "ME", "MA", "MZ", "MM", "NA", "NR", "NP", "NI", "NE", "NG", "KP", "MK", "PW", "PA", "PG", "PY", "PE", "RW", "KN",
      "LC", "WS", "SM", "ST", "SN", "SL", "ZA", "LK", "VC", "SR", "TZ", "TG", "TO", "TT", "TN", "TM", "TV", "UG", "UY",
      "VU", "VE", "ZM", "ZW",
    ],
    unit: "countries",
    source: PASSPORT_INDEX,
    published: "2025-01",
    checked: CHECKED_2026_11,
    review: "rule",
    confidence: "reported",
    confirmAt: CONFIRM.visaMigrationPortal,
    note:
      "A proxy (Passport Index, January 2025): 99 codes, not the official 109 (b9_1.evisa_country_count). The official " +
      "list probably also includes some visa-free countries; a country on no list is 'not confirmed', never 'not eligible'.",
  },
  {
    id: "countries.no_invitation_known",
    value: [
      "AU", "AT", "BE", "BR", "BG", "CA", "CY", "DK", "DE", "GR", "HU", "IS", "IE", "IL", "IT", "JP", "JO", "LV", "LI",
      "LT", "LU", "MY", "MT", "MC", "NL", "NZ", "NO", "OM", "QA", "KR", "ES", "AE", "GB", "US",
    ],
    unit: "countries",
    source: "https://tourism-insider.com",
    published: "2025-02",
    checked: CHECKED_2026_11,
    review: "rule",
    confidence: "reported",
    confirmAt: CONFIRM.visaRules,
    note:
      "tourism-insider.com, February 2025 (the exact page is not recorded). " +
      "34 of the 48 names of Appendix 6 of the visa rules (a general 'visa without invitation' list: A3, B1, B3, B10, " +
      "B12, B12-1). The other 14 are unknown, so any other country might be one of them.",
  },
  {
    id: "countries.eaeu",
    value: ["AM", "BY", "KG", "RU", "KZ"],
    unit: "countries",
    source: CONFIRM.eaeu,
    checked: CHECKED_2026_11,
    review: "rule",
    confidence: "reported",
    confirmAt: CONFIRM.eaeu,
    note: "Eurasian Economic Union members, Kazakhstan included. Their citizens need no visa." + NOT_RECORDED,
  },
  {
    id: "countries.visa_free_30",
    value: [
      "AR", "AU", "AT", "AZ", "BH", "BE", "BR", "BG", "CA", "CL", "CN", "CO", "HR", "CY", "CZ", "DK", "EC", "EE", "FI",
      "FR", "DE", "GR", "HU", "IS", "ID", "IE", "IL", "IT", "JP", "KW", "LV", "LI", "LT", "LU", "MY", "MV", "MT", "MX",
      "MC", "NL", "NZ", "NO", "OM", "PH", "PL", "PT", "QA", "RO", "SA", "RS", "SC", "SG", "SK", "SI", "KR", "ES", "SE",
      "CH", "TJ", "TH", "AE", "GB", "US", "UZ", "VA", "VN",
    ],
    unit: "countries",
    source: PASSPORT_INDEX,
    published: "2025-01",
    checked: CHECKED_2026_11,
    review: "rule",
    confidence: "reported",
    confirmAt: CONFIRM.visaMigrationPortal,
    note:
      "Visa-free for 30 days per entry. Turkey is not on it: the Passport Index list of January 2025 had it, but it has " +
      "90 days since 2025-08 (kz.visa_free.turkey).",
  },
  {
    id: "countries.visa_free_90",
    value: ["AL", "AD", "AM", "BY", "GE", "KG", "MD", "MN", "RU", "UA"],
    unit: "countries",
    source: PASSPORT_INDEX,
    published: "2025-01",
    checked: CHECKED_2026_11,
    review: "rule",
    confidence: "reported",
    confirmAt: CONFIRM.visaMigrationPortal,
  },
  {
    id: "countries.visa_free_14",
    value: ["HK", "IN", "IR", "MO"],
    unit: "countries",
    source: PASSPORT_INDEX,
    published: "2025-01",
    checked: CHECKED_2026_11,
    review: "rule",
    confidence: "reported",
    confirmAt: CONFIRM.visaMigrationPortal,
  },
] as const satisfies readonly FactInput[];
