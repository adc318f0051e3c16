import type { SourceDocId, SourceRef } from "./types.js";

/** The day the five documents were read for the facts digest (shared/FACTS.md). */
export const DOCS_READ = "2026-11-21";

/** What is known of a document's date. None of the five carries a publication date; their contents date them. */
export interface SourceDocMeta {
  readonly file: string;
  /** A short title of our own. */
  readonly title: string;
  /** When the document was published, if it says (YYYY-MM-DD, YYYY-MM or YYYY); absent for all five. */
  readonly published?: string;
  /** The year its contents point to when it carries no date (S003 gives 2025 fees; S001 reports September 2025). */
  readonly datedByContent: number;
  /** YYYY-MM-DD: when we read it. */
  readonly read: string;
}

function undated(file: string, title: string): SourceDocMeta {
  return { file, title, datedByContent: 2025, read: DOCS_READ };
}

/** The documents of shared/sources, with their file names, a short title and their dating (FACTS.md section 7). */
export const SOURCE_DOCS: Readonly<Record<SourceDocId, SourceDocMeta>> = {
  S000: undated("000_65cf204f83881039.txt", "B9-1 Digital Nomad Visa for IT specialists (law-firm article)"),
  S001: undated("001_21c5c8b8e9c5809f.txt", "Digital Nomad Residency summary with a table of Asian programs"),
  S002: undated("002_d3c7e713f32e15ff.txt", "Digital Nomad Residency (law-firm article citing the joint order)"),
  S003: undated("003_4ccb42c3b0a27049.txt", "Neo Nomad Visa B12-1 (law-firm article)"),
  S004: undated("004_8d906bb71396de31.txt", "German article on B9-1, B12-1, B9 and five EU nomad programs"),
};

export type ResolvedSource =
  | ({ readonly kind: "document"; readonly ref: SourceDocId } & SourceDocMeta)
  | { readonly kind: "url"; readonly ref: string; readonly url: string };

/** Turns a source reference into something a message can cite: a document with its dating, or a URL. */
export function resolveSource(ref: SourceRef): ResolvedSource {
  if (ref.startsWith("https://")) return { kind: "url", ref, url: ref };
  const doc = SOURCE_DOCS[ref as SourceDocId];
  return { kind: "document", ref: ref as SourceDocId, ...doc };
}

/** True when a source reference is one of the five documents. */
export function isSourceDoc(ref: SourceRef): ref is SourceDocId {
  return !ref.startsWith("https://");
}
