/**
 * How many typos lie between a word and a term, counting a replaced letter as a typo only where a typist makes one:
 * a neighbouring key (QWERTY, QWERTZ, ЙЦУКЕН: "sratement" for "statement", "жылдв" for "жылда") or a letter of a
 * like sound that spelling confuses ("extention", "несудимасти", "цыфровой", "sprich" for "sprech-"). Any other letter
 * replaced makes another word, not a slip ("sprich" is no "sprach-", Sprache; "вызвать", to call, is no "вырвать",
 * to tear out): it counts as two typos, a letter left out and another typed in, as in plain Levenshtein distance
 * without substitutions, except in the word's ending (ENDING_SHARE). A letter left out, one too many and two swapped count as one, as in similarity.ts.
 * Works on folded words (fold.ts): Kazakh letters are their Russian keyboard letters, umlauts are written out.
 */

const ROWS = [
  ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
  ["qwertzuiop", "asdfghjkl", "yxcvbnm"],
  ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"],
];

/** Letters spelling confuses for their sound (vowels of like quality, voiced and voiceless pairs, c as k or s). */
const LIKE_SOUNDS = [
  "ei", "ea", "iy", "ou", "oa", "uy", "ck", "cs", "sz", "st", "td", "pb", "fv", "gk", "kq", "ph",
  "ао", "еи", "иы", "еэ", "юу", "яа", "яе", "зс", "дт", "бп", "вф", "гк", "жш", "цс", "шщ", "ьъ",
];

/**
 * The share of a word at its end where any letter replaced is one typo: the inflection is there, and another ending
 * is mostly another form of the same word that the stemmers leave unstripped ("пишут" and "пишет", "elektronnuyu" and
 * "elektronnaya"), not another word.
 */
const ENDING_SHARE = 1 / 3;

let near: ReadonlySet<string> | undefined;

/** Pairs of letters (both orders, as "ab") a slip of the finger or of spelling replaces one by the other. */
function nearLetters(): ReadonlySet<string> {
  if (near) return near;
  const pairs = new Set<string>();
  const add = (a: string, b: string) => {
    pairs.add(a + b);
    pairs.add(b + a);
  };
  for (const rows of ROWS) {
    rows.forEach((row, r) => {
      for (let i = 0; i < row.length; i++) {
        if (i + 1 < row.length) add(row[i]!, row[i + 1]!);
        // Staggered rows: a key touches the two keys below it.
        const below = rows[r + 1];
        if (below) for (const j of [i - 1, i]) if (j >= 0 && j < below.length) add(row[i]!, below[j]!);
      }
    });
  }
  for (const [a, b] of LIKE_SOUNDS) add(a!, b!);
  near = pairs;
  return pairs;
}

/**
 * The typo distance of `a` and `b` (optimal string alignment, a far letter replaced costing 2); above `max` it returns
 * `max + 1` as soon as that is known. Terms are short, so the rows are allocated per call.
 */
export function typoDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  const pairs = nearLetters();
  // Where each word's ending begins (its last third, at least two letters): see ENDING_SHARE.
  const endA = n - Math.max(2, Math.ceil(n * ENDING_SHARE));
  const endB = m - Math.max(2, Math.ceil(m * ENDING_SHARE));
  let back = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const bj = b[j - 1]!;
      const replaced = ai === bj ? 0 : pairs.has(ai + bj) || (i > endA && j > endB) ? 1 : 2;
      let d = prev[j - 1]! + replaced;
      d = Math.min(d, prev[j]! + 1, cur[j - 1]! + 1);
      if (i > 1 && j > 1 && ai !== bj && ai === b[j - 2] && a[i - 2] === bj) d = Math.min(d, back[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [back, prev, cur] = [prev, cur, back];
  }
  return Math.min(prev[m]!, max + 1);
}
