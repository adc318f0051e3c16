/**
 * The cost of country matching (src/rules/input, issue 12's, measured here and not changed): matchCountry on
 * names, typos and words that are no country, and editDistance alone. `npx tsx bench/countries.ts`.
 */
import { readFileSync } from "node:fs";
import { matchCountry } from "../src/rules/index.js";
import { editDistance } from "../src/rules/input/similarity.js";
import { countryIndex } from "../src/rules/input/countryIndex.js";
import { quantile, report, summary } from "./lib/stats.js";

const words = (JSON.parse(readFileSync(new URL("../test/data/faq-questions-2.json", import.meta.url), "utf8")) as Array<{ q: string }>)
  .flatMap((x) => x.q.toLowerCase().split(/[^\p{L}\p{N}-]+/u))
  .filter((w) => w.length >= 5);
const sets = {
  names: ["Germany", "Германия", "Deutschland", "France", "India", "Kazakhstan", "Бразилия", "Türkei"],
  typos: ["Germny", "Германя", "Deutschlnd", "Frnace", "Indai", "Kazakstan", "Brazl", "Turky"],
  not_countries: [...new Set(words)].slice(0, 400),
};
const out: Record<string, unknown> = { names_in_index: countryIndex().names.size };
for (const [name, list] of Object.entries(sets)) {
  const rounds: number[] = [];
  for (let r = 0; r < 6; r++) {
    const times = list.map((w) => {
      const t0 = process.hrtime.bigint();
      matchCountry(w);
      return Number(process.hrtime.bigint() - t0) / 1e3;
    });
    if (r > 0) rounds.push(quantile(times, 0.5));
  }
  out[`matchCountry_${name}_p50_us`] = summary(rounds);
}
const keys = [...countryIndex().names.keys()];
const t0 = process.hrtime.bigint();
let n = 0;
for (let r = 0; r < 20; r++) for (const k of keys) (editDistance("германияя", k, 2), n++);
out.editDistance_ns_per_call = Math.round(Number(process.hrtime.bigint() - t0) / n);
report(out);
