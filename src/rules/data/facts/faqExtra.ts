import type { FactInput } from "../types.js";
import { CHECKED_2026_12, DOCS_READ } from "./dating.js";

/** FACTS.md section 7: the DNR pilot's order, searched for an extension on 2026-12-01. */
const PILOT_ORDER = "https://adilet.zan.kz/rus/docs/G25IPM00001";
/** The 2026 MRP's pages (Kazinform 2025-11-30, zakon.kz 2025-08-30), cited like the mrp.2026 fact. */
const MRP_2026_INFORM = "https://www.inform.kz/ru/noviy-mrp-v-2026-godu-kak-izmenyatsya-shtrafi-i-posobiya-dlya-kazahstantsev-e410f7";
const MRP_2026_ZAKON = "https://www.zakon.kz/pravo/6489075-mrp-i-mzp-v-2026-godu-minfin-opublikoval-proekt.html";
/** zakon.kz, 2026-02-16: the joint order on the permanent-residence pilot (questionnaire on migration.enbek.kz). */
const PR_PROCEDURE_ZAKON =
  "https://www.zakon.kz/pravo/6508012-vydacha-razresheniya-inostrantsam-na-pmzh-i-poluchenie-statusa-kandasa-zapushchen-pilot.html";

/**
 * The official places the FAQ names for questions the sources do not answer (pets, age, partners,
 * citizenship…): only addresses the documents or the digest (shared/FACTS.md) name. No phone number or
 * e-mail address is given anywhere in them, so none is stated.
 */
export const FAQ_EXTRA_FACTS = [
  {
    id: "kz.mrp_definition",
    value: { name: "monthly_calculation_index", set_by: "republican_budget_law", period: "calendar_year" },
    source: [MRP_2026_INFORM, MRP_2026_ZAKON],
    checked: "2026-11-01",
    review: "rule",
    confidence: "confirmed",
    note: "What MRP (MCI) is: the monthly calculation index in tenge, set for each calendar year by the republican budget law, in which fees and fines are stated (FACTS.md section 6, the mrp.<year> facts).",
  },
  {
    id: "contacts.astana_hub",
    value: "astanahub.com",
    source: ["S000", "S001"],
    checked: DOCS_READ,
    review: "rule",
    confidence: "confirmed",
    note: "Astana Hub's portal: B9-1 applications, the online interview and the petition (S000 names astanahub.com for the personal account, S001 for the application).",
  },
  {
    id: "contacts.visa_migration_portal",
    value: "vmp.gov.kz",
    source: ["S000", "S001"],
    checked: DOCS_READ,
    review: "rule",
    confidence: "confirmed",
    note: "The Visa-Migration Portal, which issues the B9-1 e-visa (S000, S001).",
  },
  {
    id: "contacts.egov",
    value: "egov.kz",
    source: "S001",
    checked: DOCS_READ,
    review: "rule",
    confidence: "confirmed",
    note: "eGov.kz: the residence-permit application is filed there with the Astana Hub petition and an EDS (S001).",
  },
  {
    id: "contacts.pr_questionnaire",
    value: "migration.enbek.kz",
    source: PR_PROCEDURE_ZAKON,
    published: "2026-02-16",
    checked: CHECKED_2026_12,
    review: "news",
    confidence: "confirmed",
    note: "Where the 2026 permanent-residence pilot's questionnaire is filled in (FACTS.md section 7).",
  },
  {
    id: "contacts.legal_database",
    value: "adilet.zan.kz",
    source: PILOT_ORDER,
    checked: CHECKED_2026_12,
    review: "news",
    confidence: "confirmed",
    note: "The official legal database, which holds the DNR pilot's joint order (FACTS.md section 7).",
  },
] as const satisfies readonly FactInput[];
