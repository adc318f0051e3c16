import type { SourceDocId, SourceRef } from "./types.js";

/** The documents of shared/sources, with their file names and a short title of our own. */
export const SOURCE_DOCS: Readonly<Record<SourceDocId, { readonly file: string; readonly title: string }>> = {
  S000: { file: "000_65cf204f83881039.txt", title: "B9-1 Digital Nomad Visa for IT specialists (law-firm article)" },
  S001: { file: "001_21c5c8b8e9c5809f.txt", title: "Digital Nomad Residency summary with a table of Asian programs" },
  S002: { file: "002_d3c7e713f32e15ff.txt", title: "Digital Nomad Residency (law-firm article citing the joint order)" },
  S003: { file: "003_4ccb42c3b0a27049.txt", title: "Neo Nomad Visa B12-1 (law-firm article)" },
  S004: { file: "004_8d906bb71396de31.txt", title: "German article on B9-1, B12-1, B9 and five EU nomad programs" },
};

export type ResolvedSource =
  | { readonly kind: "document"; readonly ref: SourceDocId; readonly file: string; readonly title: string }
  | { readonly kind: "url"; readonly ref: string; readonly url: string };

/** Turns a source reference into something a message can cite: a document's title, or a URL. */
export function resolveSource(ref: SourceRef): ResolvedSource {
  if (ref.startsWith("https://")) return { kind: "url", ref, url: ref };
  const doc = SOURCE_DOCS[ref as SourceDocId];
  return { kind: "document", ref: ref as SourceDocId, file: doc.file, title: doc.title };
}
