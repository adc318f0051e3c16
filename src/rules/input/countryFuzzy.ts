import { countryIndex } from "./countryIndex.js";
import { codePoints, pointsDistance, typoAllowance } from "./similarity.js";

/**
 * The typo-tolerant part of matchCountry, without comparing the query with every name (about
 * 1,350 edit distances, 0.5-1 ms a word, most of a free-text question's time before).
 *
 * The rule it implements (unchanged): a name counts when its distance d to the query is within
 * typoAllowance(the shorter length), and when d >= 2 only if the first letters agree. So only two
 * kinds of name can count, and each is found without a scan:
 * - names with the query's first letter (`byFirst`, by UTF-16 unit as the rule compares them),
 *   of a length within 3 of the query's: compared with the bounded distance;
 * - names one edit away with any first letter: found through a deletion index (SymSpell's
 *   symmetric delete, distance 1). Two strings are within one insertion, deletion, substitution
 *   or adjacent transposition exactly when one equals the other, or one with a character removed,
 *   or both with one character removed are equal; `oneDelete` maps each name and each name with
 *   one character removed to the name, and the query looks itself and its own deletions up.
 * The candidates are then scored in the index's order, as the full scan did, so the ties come out
 * in the same order. Hand-written: no npm package implements this rule (see similarity.ts); the
 * SymSpell ports on npm are built for word-frequency dictionaries and plain Levenshtein.
 */

interface FuzzyName {
  /** Position in countryIndex().names: scoring follows it. */
  order: number;
  key: string;
  points: Int32Array;
  length: number;
  codes: readonly string[];
}

interface FuzzyIndex {
  byFirst: Map<string, FuzzyName[]>;
  oneDelete: Map<string, FuzzyName[]>;
}

const MAX_SUGGESTIONS = 3;
/** typoAllowance never exceeds this, so no longer or shorter name can count. */
const MAX_ALLOWANCE = 3;

let index: FuzzyIndex | undefined;

function push(map: Map<string, FuzzyName[]>, key: string, name: FuzzyName): void {
  const list = map.get(key);
  if (!list) map.set(key, [name]);
  else if (list.at(-1) !== name) list.push(name);
}

/** Every way to remove one code point from `text` (repeated results once). */
function deletions(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    out.add(text.slice(0, i) + text.slice(i + width));
    i += width - 1;
  }
  return out;
}

/** Built from the country index on first use (about 12,400 keys, tens of ms, once), not at import. */
function fuzzyIndex(): FuzzyIndex {
  if (index) return index;
  const byFirst = new Map<string, FuzzyName[]>();
  const oneDelete = new Map<string, FuzzyName[]>();
  let order = 0;
  for (const [key, entry] of countryIndex().names) {
    order++;
    if (!entry.fuzzy) continue;
    const { points, length } = codePoints(key, new Int32Array(key.length));
    // No query can get a typo allowance against a name of 3 letters or fewer.
    if (typoAllowance(length) === 0) continue;
    const name: FuzzyName = { order, key, points: points.slice(0, length), length, codes: entry.codes };
    push(byFirst, key[0] ?? "", name);
    push(oneDelete, key, name);
    for (const deleted of deletions(key)) push(oneDelete, deleted, name);
  }
  index = { byFirst, oneDelete };
  return index;
}

/** The query's code points, in a buffer reused by every call. */
let queryPoints = new Int32Array(64);
/** Marks of the candidates of the current call (by `order`), reused: a call sets and clears its own. */
let seen = new Uint8Array(0);

/**
 * Codes of the countries whose typo-tolerant names are closest to `query` (a lookup key), best
 * first, at most 3; ties at the best distance ordered by distance relative to the name's length
 * ("austrlia" -> Australia before Austria). Empty when nothing is close enough.
 */
export function fuzzyCountryCodes(query: string): string[] {
  const q = codePoints(query, queryPoints);
  queryPoints = q.points;
  const qLen = q.length;
  if (typoAllowance(qLen) === 0) return [];
  const { byFirst, oneDelete } = fuzzyIndex();
  const size = countryIndex().names.size;
  if (seen.length <= size) seen = new Uint8Array(size + 1);

  const candidates: FuzzyName[] = [];
  const consider = (name: FuzzyName) => {
    if (seen[name.order] === 1) return;
    seen[name.order] = 1;
    candidates.push(name);
  };
  for (const name of byFirst.get(query[0] ?? "") ?? []) {
    if (Math.abs(name.length - qLen) <= MAX_ALLOWANCE) consider(name);
  }
  for (const name of oneDelete.get(query) ?? []) consider(name);
  for (const deleted of deletions(query)) for (const name of oneDelete.get(deleted) ?? []) consider(name);
  for (const name of candidates) seen[name.order] = 0;
  candidates.sort((a, b) => a.order - b.order);

  const best = new Map<string, { d: number; rel: number }>();
  for (const name of candidates) {
    const allowance = typoAllowance(Math.min(qLen, name.length));
    if (allowance === 0) continue;
    const d = pointsDistance(q.points, qLen, name.points, name.length, allowance);
    // One slip may be anywhere; with two or more the first letter must be right
    // ("Astana" is not a 2-typo "España", nor "banana" "Panama").
    if (d > allowance || (d >= 2 && query[0] !== name.key[0])) continue;
    const rel = d / Math.max(qLen, name.length);
    for (const code of name.codes) {
      const prev = best.get(code);
      if (!prev || d < prev.d || (d === prev.d && rel < prev.rel)) best.set(code, { d, rel });
    }
  }
  let min = Number.POSITIVE_INFINITY;
  for (const s of best.values()) if (s.d < min) min = s.d;
  return [...best]
    .filter(([, s]) => s.d === min)
    .sort(([, a], [, b]) => a.rel - b.rel)
    .map(([code]) => code)
    .slice(0, MAX_SUGGESTIONS);
}
