import type { FactInput } from "../types.js";
import { DOCS_READ } from "./dating.js";

/**
 * What single documents of the checklists need, where the sources say it but the list facts only carry it in a
 * developer note (FACTS.md sections 1 and 2). /documents shows these when an item is opened.
 */
export const DOCUMENT_DETAIL_FACTS = [
  {
    id: "b9_1.doc_detail.diplomas_legalization",
    value: "apostille_or_legalization",
    source: ["S000", "S002"],
    checked: DOCS_READ,
    review: "rule",
    confidence: "confirmed",
    note: "Copies of diplomas and professional certificates with apostille or legalization (S000, S002); whether diplomas are required at all: b9_1.diplomas.",
  },
  {
    id: "b12_1.doc_detail.tax_return_issuer",
    value: "citizenship_country",
    source: "S003",
    checked: DOCS_READ,
    review: "rule",
    confidence: "confirmed",
    note: "S003: \"Tax return issued by the competent authority of the country of citizenship.\"",
  },
  {
    id: "b12_1.doc_detail.police_clearance_issuer",
    value: "citizenship_or_permanent_residence_country",
    source: "S003",
    checked: DOCS_READ,
    review: "rule",
    confidence: "confirmed",
    note: "S003: \"Certificate of no criminal record from the country of citizenship or permanent residence.\"",
  },
  {
    id: "b12_1.doc_detail.insurance_period",
    value: "whole_visa_period",
    source: "S003",
    checked: DOCS_READ,
    review: "rule",
    confidence: "confirmed",
    note: "S003: \"Medical insurance covering the period of validity of the visa.\"",
  },
] as const satisfies readonly FactInput[];
