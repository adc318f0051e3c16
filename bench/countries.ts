/**
 * The cost of country matching: the typo-tolerant search through the index (src/rules/input/countryFuzzy.ts)
 * against the full scan it replaced (test/rules/input/countryScanReference.ts), on names, typos and words that are
 * no country, rounds interleaved so both see the same machine; matchCountry as a whole; editDistance alone; and
 * what the index costs to build on first use. `npx tsx bench/countries.ts` (`--quick`: fewer rounds).
 */
import { readFileSync } from "node:fs";
import { matchCountry } from "../src/rules/index.js";
import { editDistance } from "../src/rules/input/similarity.js";
import { countryIndex, nameKey } from "../src/rules/input/countryIndex.js";
import { fuzzyCountryCodes } from "../src/rules/input/countryFuzzy.js";
import { referenceEditDistance, referenceFuzzy } from "../test/rules/input/countryScanReference.js";
import { quantile, quick, report, summary } from "./lib/stats.js";

const words = (JSON.parse(readFileSync(new URL("../test/data/faq-questions-2.json", import.meta.url), "utf8")) as Array<{ q: string }>)
  .flatMap((x) => x.q.toLowerCase().split(/[^\p{L}\p{N}-]+/u))
  .filter((w) => w.length >= 5);
const sets = {
  names: ["Germany", "Германия", "Deutschland", "France", "India", "Kazakhstan", "Бразилия", "Türkei"],
  typos: ["Germny", "Германя", "Deutschlnd", "Frnace", "Indai", "Kazakstan", "Brazl", "Turky"],
  not_countries: [...new Set(words)].slice(0, 400),
};

const t0 = process.hrtime.bigint();
countryIndex();
const t1 = process.hrtime.bigint();
fuzzyCountryCodes("germny");
const t2 = process.hrtime.bigint();
const out: Record<string, unknown> = {
  names_in_index: countryIndex().names.size,
  country_index_build_ms: Math.round(Number(t1 - t0) / 1e4) / 100,
  fuzzy_index_build_ms: Math.round(Number(t2 - t1) / 1e4) / 100,
};

/** Per-word p50 in microseconds of `fn` over `list`. */
function p50(list: readonly string[], fn: (w: string) => unknown): number {
  const times = list.map((w) => {
    const s = process.hrtime.bigint();
    fn(w);
    return Number(process.hrtime.bigint() - s) / 1e3;
  });
  return quantile(times, 0.5);
}

const rounds = quick ? 4 : 8;
for (const [name, list] of Object.entries(sets)) {
  const keys = list.map(nameKey);
  const before: number[] = [];
  const after: number[] = [];
  const whole: number[] = [];
  for (let r = 0; r <= rounds; r++) {
    const b = p50(keys, referenceFuzzy);
    const a = p50(keys, fuzzyCountryCodes);
    const w = p50(list, matchCountry);
    if (r === 0) continue; // warm-up
    before.push(b);
    after.push(a);
    whole.push(w);
  }
  out[`fuzzy_${name}_p50_us_before_scan`] = summary(before);
  out[`fuzzy_${name}_p50_us_after_index`] = summary(after);
  out[`matchCountry_${name}_p50_us`] = summary(whole);
}

// A free-text question through matchCountry word by word and pair by pair (what the FAQ search did before it
// looked names up in a map, and what a typo-tolerant country finder in questions would do): per question, the
// old scan against the index, on the first 200 questions of the second labelled set.
const questions = (JSON.parse(readFileSync(new URL("../test/data/faq-questions-2.json", import.meta.url), "utf8")) as Array<{ q: string }>)
  .slice(0, quick ? 60 : 200)
  .map((x) => {
    const w = nameKey(x.q).split(" ").filter(Boolean);
    return [...w, ...w.slice(1).map((b, i) => `${w[i]} ${b}`)];
  });
const perQuestion = (fn: (w: string) => unknown) =>
  questions.map((parts) => {
    const s = process.hrtime.bigint();
    for (const part of parts) fn(part);
    return Number(process.hrtime.bigint() - s) / 1e6;
  });
const qBefore: Array<[number, number]> = [];
const qAfter: Array<[number, number]> = [];
for (let r = 0; r <= (quick ? 2 : 4); r++) {
  const b = perQuestion(referenceFuzzy);
  const a = perQuestion(fuzzyCountryCodes);
  if (r > 0) (qBefore.push([quantile(b, 0.5), quantile(b, 0.99)]), qAfter.push([quantile(a, 0.5), quantile(a, 0.99)]));
}
out.question_words_and_pairs = questions.reduce((n, q) => n + q.length, 0) / questions.length;
out.fuzzy_per_question_p50_ms_before_scan = summary(qBefore.map((x) => x[0]));
out.fuzzy_per_question_p99_ms_before_scan = summary(qBefore.map((x) => x[1]));
out.fuzzy_per_question_p50_ms_after_index = summary(qAfter.map((x) => x[0]));
out.fuzzy_per_question_p99_ms_after_index = summary(qAfter.map((x) => x[1]));

const keys = [...countryIndex().names.keys()];
for (const [label, fn] of [["before", referenceEditDistance], ["after", editDistance]] as const) {
  const s = process.hrtime.bigint();
  let n = 0;
  for (let r = 0; r < 20; r++) for (const k of keys) (fn("германияя", k, 2), n++);
  out[`editDistance_ns_per_call_${label}`] = Math.round(Number(process.hrtime.bigint() - s) / n);
}
report(out);
