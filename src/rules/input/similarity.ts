/**
 * Edit distance for typo tolerance: Damerau-Levenshtein in its "optimal string alignment" form,
 * i.e. insertions, deletions, substitutions and transpositions of two adjacent characters each
 * cost 1 ("Germny" -> "germany" is 1, "Герамния" -> "германия" is 1), and no substring is edited
 * twice. Works on code points, so Cyrillic and Kazakh letters count as one character each.
 */

/**
 * Optimal-string-alignment distance between `a` and `b`.
 * With `max`, returns `max + 1` as soon as the distance is known to exceed `max` (cheaper).
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const n = s.length;
  const m = t.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;

  // Three rolling rows: two rows back (for transpositions), previous, current.
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
      let d = Math.min(
        (prev[j] ?? 0) + 1, // deletion
        (cur[j - 1] ?? 0) + 1, // insertion
        (prev[j - 1] ?? 0) + cost, // substitution
      );
      if (i > 1 && j > 1 && si === t[j - 2] && s[i - 2] === tj && si !== tj) {
        d = Math.min(d, (back[j - 2] ?? 0) + 1); // transposition
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [back, prev, cur] = [prev, cur, back];
  }
  const result = prev[m] ?? 0;
  return result > max ? max + 1 : result;
}

/**
 * How many typos a word of this length may contain and still be recognised:
 * up to 3 characters none, 4-5 one, 6-8 two, 9+ three.
 */
export function typoAllowance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 8) return 2;
  return 3;
}
