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

const keys = [...countryIndex().names.keys()];
for (const [label, fn] of [["before", referenceEditDistance], ["after", editDistance]] as const) {
  const s = process.hrtime.bigint();
  let n = 0;
  for (let r = 0; r < 20; r++) for (const k of keys) (fn("германияя", k, 2), n++);
  out[`editDistance_ns_per_call_${label}`] = Math.round(Number(process.hrtime.bigint() - s) / n);
}
report(out);
