/**
 * Shapes of the facts the bot may state. A fact is one sourced, dated value; the FAQ and the
 * eligibility outcome both read facts by id, so a number lives in exactly one place.
 */

/** The five documents in shared/sources, by their shorthand in shared/FACTS.md. */
export const SOURCE_DOC_IDS = ["S000", "S001", "S002", "S003", "S004"] as const;
export type SourceDocId = (typeof SOURCE_DOC_IDS)[number];

/** A source document id, or a public https URL. */
export type SourceRef = SourceDocId | `https://${string}`;

/** "confirmed": a primary or solid source says so. "reported": second-hand or incomplete; carry `confirmAt`. */
export const CONFIDENCES = ["confirmed", "reported"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const UNITS = [
  "USD",
  "EUR",
  "KZT",
  "MRP",
  "business_days",
  "calendar_days",
  "days",
  "months",
  "years",
  "percent",
  "cm",
  "mm",
  "pages",
  "countries",
  "applications",
] as const;
export type Unit = (typeof UNITS)[number];

export type FactScalar = number | string | boolean;
/** A number, a string (often an id), a list of ids, or a small flat object such as `{ min, max }`. */
export type FactValue = FactScalar | readonly string[] | Readonly<Record<string, FactScalar>>;

/**
 * What kind of value a fact holds; the kind sets how soon it must be checked again (REVIEW_MONTHS in review.ts):
 * "fee" for fees and rates, "rule" for program rules, "news" for pilot and news facts.
 */
export const REVIEW_KINDS = ["fee", "rule", "news"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** A value another source gives for the same fact (section 5 conflicts of FACTS.md). */
export interface FactAlternative {
  readonly value: FactValue;
  readonly unit?: Unit;
  readonly source: SourceRef | readonly SourceRef[];
  readonly note?: string;
  /** A misprint in those sources (FACTS.md section 5: "an obvious slip"): named as one, never offered as another value. */
  readonly slip?: true;
}

/** A fact as written in the data files. */
export interface FactInput {
  /** Stable dotted id, e.g. "b9_1.fee.evisa"; locale keys and the FAQ use it. */
  readonly id: string;
  readonly value: FactValue;
  readonly unit?: Unit;
  /** One or more sources; every one of them supports the value. */
  readonly source: SourceRef | readonly SourceRef[];
  /**
   * When the source published the value, if known: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known.
   * Absent for the five documents, which carry no date (their dating is in SOURCE_DOCS). Shown to users only
   * when the fact has a single web source (with several, it is not known to date each page).
   */
  readonly published?: string;
  /** YYYY-MM-DD: when the value was last confirmed (read in the source, or checked against it). */
  readonly checked: string;
  /** The kind of value, which sets its review interval. */
  readonly review: ReviewKind;
  readonly confidence: Confidence;
  /** Where to confirm a reported fact: an official URL. Required when confidence is "reported". */
  readonly confirmAt?: string;
  /** Other values that other sources give; the bot names both, never picks silently. */
  readonly alternatives?: readonly FactAlternative[];
  /** Developer note (not shown to users): how to read the value. */
  readonly note?: string;
}

/** A validated fact: `source` is always a non-empty list. */
export interface Fact extends Omit<FactInput, "source" | "alternatives"> {
  readonly source: readonly SourceRef[];
  readonly alternatives?: readonly (Omit<FactAlternative, "source"> & { readonly source: readonly SourceRef[] })[];
}
