/**
 * The typo-tolerant country search as it was before the index (src/rules/input/countryFuzzy.ts): every
 * typo-tolerant name compared by edit distance, with the editDistance of that time (arrays allocated per call).
 * Kept verbatim as the oracle of the property tests and as the "before" of bench/countries.ts.
 */
import { countryIndex } from "../../../src/rules/input/countryIndex.js";
import { typoAllowance } from "../../../src/rules/input/similarity.js";

const MAX_SUGGESTIONS = 3;

export function referenceEditDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const n = s.length;
  const m = t.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  let back = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const si = s[i - 1];
    for (let j = 1; j <= m; j++) {
      const tj = t[j - 1];
      const cost = si === tj ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && si === t[j - 2] && s[i - 2] === tj && si !== tj) d = Math.min(d, (back[j - 2] ?? 0) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [back, prev, cur] = [prev, cur, back];
  }
  const result = prev[m] ?? 0;
  return result > max ? max + 1 : result;
}

/** The old `fuzzy(query)` of country.ts: codes at the best distance, best first, at most 3. */
export function referenceFuzzy(query: string): string[] {
  const qLen = [...query].length;
  if (typoAllowance(qLen) === 0) return [];
  const best = new Map<string, { d: number; rel: number }>();
  for (const [key, entry] of countryIndex().names) {
    if (!entry.fuzzy) continue;
    const kLen = [...key].length;
    const allowance = typoAllowance(Math.min(qLen, kLen));
    if (allowance === 0) continue;
    const d = referenceEditDistance(query, key, allowance);
    if (d > allowance || (d >= 2 && query[0] !== key[0])) continue;
    const rel = d / Math.max(qLen, kLen);
    for (const code of entry.codes) {
      const prev = best.get(code);
      if (!prev || d < prev.d || (d === prev.d && rel < prev.rel)) best.set(code, { d, rel });
    }
  }
  const min = Math.min(...[...best.values()].map((s) => s.d));
  return [...best]
    .filter(([, s]) => s.d === min)
    .sort(([, a], [, b]) => a.rel - b.rel)
    .map(([code]) => code)
    .slice(0, MAX_SUGGESTIONS);
}
