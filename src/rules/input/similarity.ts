/**
 * Edit distance for typo tolerance: Damerau-Levenshtein in its "optimal string alignment" form,
 * i.e. insertions, deletions, substitutions and transpositions of two adjacent characters each
 * cost 1 ("Germny" -> "germany" is 1, "Герамния" -> "германия" is 1), and no substring is edited
 * twice. Works on code points, so Cyrillic and Kazakh letters count as one character each.
 *
 * Written here rather than taken from npm: the packages listed (damerau-levenshtein, leven,
 * fastest-levenshtein, js-levenshtein, ...) are either plain Levenshtein (no transpositions) or
 * count UTF-16 units, and none stops early at a bound or works on precomputed code points, which
 * is what the country index (countryFuzzy.ts) needs to stay cheap.
 */

/**
 * The three rolling rows (two rows back for transpositions, previous, current), reused by every
 * call and grown when a longer string comes, so a comparison allocates nothing. Safe because the
 * computation is synchronous.
 */
let back = new Int32Array(64);
let prev = new Int32Array(64);
let cur = new Int32Array(64);
/** Code points of the two strings of `editDistance`, reused the same way. */
let pointsA = new Int32Array(64);
let pointsB = new Int32Array(64);

function ensureRows(width: number): void {
  if (prev.length >= width) return;
  const size = Math.max(width, prev.length * 2);
  back = new Int32Array(size);
  prev = new Int32Array(size);
  cur = new Int32Array(size);
}

/**
 * Writes the code points of `text` into `into` (grown if needed) and returns the buffer and the
 * count. Exported for the country index, which converts each query once.
 */
export function codePoints(text: string, into: Int32Array<ArrayBuffer>): { points: Int32Array<ArrayBuffer>; length: number } {
  const points = into.length >= text.length ? into : new Int32Array(Math.max(text.length, into.length * 2));
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    points[n++] = cp;
  }
  return { points, length: n };
}

/**
 * Optimal-string-alignment distance between the first `n` code points of `s` and the first `m`
 * of `t`; above `max` it returns `max + 1` as soon as that is known (a row whose minimum exceeds
 * `max`).
 */
export function pointsDistance(s: Int32Array, n: number, t: Int32Array, m: number, max: number): number {
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  ensureRows(m + 1);
  let b = back;
  let p = prev;
  let c = cur;
  for (let j = 0; j <= m; j++) p[j] = j;
  for (let i = 1; i <= n; i++) {
    c[0] = i;
    let rowMin = i;
    const si = s[i - 1]!;
    const sPrev = i > 1 ? s[i - 2]! : -1;
    for (let j = 1; j <= m; j++) {
      const tj = t[j - 1]!;
      let d = p[j - 1]! + (si === tj ? 0 : 1); // substitution (or match)
      const del = p[j]! + 1;
      if (del < d) d = del;
      const ins = c[j - 1]! + 1;
      if (ins < d) d = ins;
      if (i > 1 && j > 1 && si !== tj && si === t[j - 2] && sPrev === tj) {
        const tr = b[j - 2]! + 1; // transposition
        if (tr < d) d = tr;
      }
      c[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = b;
    b = p;
    p = c;
    c = spare;
  }
  const result = p[m]!;
  return result > max ? max + 1 : result;
}

/**
 * Optimal-string-alignment distance between `a` and `b`.
 * With `max`, returns `max + 1` as soon as the distance is known to exceed `max` (cheaper).
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = codePoints(a, pointsA);
  pointsA = s.points;
  const t = codePoints(b, pointsB);
  pointsB = t.points;
  return pointsDistance(s.points, s.length, t.points, t.length, max);
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
