import { z } from "zod";
import { RAW_FACTS, type FactId } from "./facts/index.js";
import { isIsoAlpha2 } from "./iso3166.js";
import { FactSchema } from "./schema.js";
import { isSourceDoc, SOURCE_DOCS } from "./sources.js";
import type { Fact, FactScalar, FactValue } from "./types.js";

let cache: ReadonlyMap<string, Fact> | undefined;

/** A fact citing only documents takes its dating from them: no `published`, `checked` the day they were read. */
function docDatingProblem(f: Fact): string | undefined {
  if (!f.source.every(isSourceDoc)) return undefined;
  const docs = f.source.map((ref) => SOURCE_DOCS[ref as keyof typeof SOURCE_DOCS]);
  const read = docs.map((d) => d.read).sort().at(-1);
  if (f.published !== undefined && docs.every((d) => d.published === undefined)) {
    return `${f.id}: cites only undated documents, so it has no published date`;
  }
  if (f.checked !== read) return `${f.id}: cites only documents, so checked is the day they were read (${read})`;
  return undefined;
}

/** Checks what one fact's schema cannot: unique ids, country lists made of ISO codes, document dating. */
function crossCheck(facts: readonly Fact[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of facts) {
    if (seen.has(f.id)) problems.push(`${f.id}: duplicate id`);
    seen.add(f.id);
    const dating = docDatingProblem(f);
    if (dating) problems.push(dating);
    if (f.id.startsWith("countries.") && Array.isArray(f.value)) {
      const bad = (f.value as readonly string[]).filter((c) => !isIsoAlpha2(c));
      if (bad.length > 0) problems.push(`${f.id}: not ISO 3166-1 alpha-2: ${bad.join(", ")}`);
    }
  }
  return problems;
}

/**
 * Validates every fact on first use and caches the result. Nothing runs at import time, so importing the
 * rules costs nothing; a broken data file fails loudly, naming the fact and the field to fix.
 */
export function loadFacts(): ReadonlyMap<string, Fact> {
  if (cache) return cache;
  const facts: Fact[] = [];
  const problems: string[] = [];
  RAW_FACTS.forEach((raw, i) => {
    const parsed = FactSchema.safeParse(raw);
    if (parsed.success) facts.push(parsed.data as Fact);
    else problems.push(`${(raw as { id?: string }).id ?? `#${i}`}: ${z.prettifyError(parsed.error).replace(/\n+/g, " ")}`);
  });
  problems.push(...crossCheck(facts));
  if (problems.length > 0) throw new Error(`Invalid rules data (src/rules/data/facts):\n${problems.join("\n")}`);
  cache = new Map(facts.map((f) => [f.id, f]));
  return cache;
}

/** Every fact id, in data order. */
export function factIds(): FactId[] {
  return [...loadFacts().keys()] as FactId[];
}

/** One fact by its id; the id is checked at compile time. */
export function getFact(id: FactId): Fact {
  const fact = loadFacts().get(id);
  if (!fact) throw new Error(`Unknown fact id "${id}"`);
  return fact;
}

/** One fact by an id that comes from outside (a locale key, a FAQ topic); undefined when absent. */
export function findFact(id: string): Fact | undefined {
  return loadFacts().get(id);
}

function typeError(id: string, wanted: string, value: FactValue): Error {
  return new Error(`Fact "${id}" should hold ${wanted} but holds ${JSON.stringify(value)}`);
}

/** A fact whose value is a number. */
export function factNumber(id: FactId): number {
  const { value } = getFact(id);
  if (typeof value !== "number") throw typeError(id, "a number", value);
  return value;
}

/** A fact whose value is a list of strings (ids or country codes). */
export function factList(id: FactId): readonly string[] {
  const { value } = getFact(id);
  if (!Array.isArray(value)) throw typeError(id, "a list", value);
  return value as readonly string[];
}

/** A fact whose value is a small object such as `{ min, max }` or `{ amount, comparison }`. */
export function factRecord(id: FactId): Readonly<Record<string, FactScalar>> {
  const { value } = getFact(id);
  if (typeof value !== "object" || Array.isArray(value)) throw typeError(id, "an object", value);
  return value as Readonly<Record<string, FactScalar>>;
}
