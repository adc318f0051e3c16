import { IT_SPECIALTIES, type ItSpecialty } from "../eligibility/codes.js";
import { JOB_TERMS } from "./jobTitles.js";
import { foldCase, foldKazakh, MAX_INPUT_LENGTH } from "./normalize.js";

/** What a typed job title means for the specialty question. */
export type SpecialtyMatch =
  | { kind: "exact"; code: ItSpecialty }
  /** Two or three codes fit: ask "did you mean" (IT_SPECIALTIES order). */
  | { kind: "suggest"; codes: ItSpecialty[] }
  /** Only jobs outside IT were named: say so plainly. */
  | { kind: "outside" }
  | { kind: "none" };

const fold = (s: string) => foldKazakh(foldCase(s));

/** Lower-case words, with "c#", "c++" and "1c" kept whole and every other sign a space. */
function words(text: string): string[] {
  return fold(text)
    .replace(/c\+\+/g, " cpp ")
    .replace(/c#/g, " csharp ")
    .replace(/\.net\b/g, " dotnet ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
}

interface IndexedTerm {
  readonly stems: readonly string[];
  readonly codes: readonly ItSpecialty[];
  readonly weight: number;
}

let index: IndexedTerm[] | undefined;

function terms(): IndexedTerm[] {
  index ??= JOB_TERMS.map((t) => {
    const stems = t.stems.flatMap((s) => words(s.replace("c#", "csharp")));
    return { stems, codes: t.codes, weight: stems.join("").length };
  });
  return index;
}

function stemMatches(stem: string, word: string): boolean {
  if (stem.length < 4) return word === stem;
  if (word.startsWith(stem)) return true;
  return stem.length >= 6 && word.includes(stem);
}

interface Hit {
  readonly from: number;
  readonly to: number;
  readonly term: IndexedTerm;
}

/**
 * Reads a typed answer to "what is your main field of work?": job titles, stacks and abbreviations in
 * en/ru/kk/de ("backend developer", "тестировщик", "Ich bin Grafikdesignerin", "UI/UX", "data scientist").
 * The longest matching terms win; one code is an answer, two or three a "did you mean", jobs outside IT
 * only are "outside". Words that name no job on their own are ignored ("I work as a … at a bank").
 */
export function matchSpecialty(text: string): SpecialtyMatch {
  if (text.length > MAX_INPUT_LENGTH) return { kind: "none" };
  const ws = words(text);
  const hits: Hit[] = [];
  for (const term of terms()) {
    const n = term.stems.length;
    for (let i = 0; i + n <= ws.length; i++) {
      if (term.stems.every((stem, k) => stemMatches(stem, ws[i + k]!))) hits.push({ from: i, to: i + n, term });
    }
  }
  // A hit inside a heavier hit's words says less: "data analyst" covers "analyst", "pentester" covers "tester".
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.from <= h.from && o.to >= h.to && o.term.weight > h.term.weight));
  const codes = new Set(kept.flatMap((h) => h.term.codes));
  if (codes.size === 0) return { kind: "none" };
  if (codes.size === 1 && codes.has("none")) return { kind: "outside" };
  const ordered = IT_SPECIALTIES.filter((c) => codes.has(c));
  if (ordered.length === 1) return { kind: "exact", code: ordered[0]! };
  // More than three fields at once is no answer: ask for the main one.
  return ordered.length <= 3 ? { kind: "suggest", codes: ordered } : { kind: "none" };
}
