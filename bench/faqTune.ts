/**
 * `npx tsx bench/faqTune.ts`: the grid search that chose THRESHOLDS (src/bot/faq/search/index.ts), run on the
 * tuning halves only: the second labelled set's even positions and the first set's even-numbered questions. It prints the best settings by
 * direct+right + recognised - 3 x wrong-direct, pooled over the four languages; the figures are then read
 * on the held-out half with `npm run bench:faq`.
 */
import { createI18n } from "../src/bot/i18n.js";
import { FaqSearch, THRESHOLDS } from "../src/bot/faq/search/index.js";
import { loadSearchData } from "../src/bot/faq/search/searchData.js";
import { evaluateFaq, loadLabelledQuestions, loadSecondSet } from "./faqEval.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
// The second set's tuning half, and the first set's even-numbered half (its own tuning half in issue 4).
const tuning = [...loadSecondSet("tuning"), ...loadLabelledQuestions().filter((_, i) => i % 2 === 0).map((q) => ({ ...q, topic: q.topic ?? "out_of_scope" }))];
const grid = {
  leadRatio: [1.5, 1.8, 2.2],
  coverage: [0.4, 0.5, 0.6],
  likelyLead: [1.2, 1.35],
  likelyCoverage: [0.4, 0.5],
  minScore: [40, 80, 120],
  noneCoverage: [0.25, 0.34, 0.5],
};
const rows: Array<{ score: number; set: string; line: string }> = [];
const mutable = THRESHOLDS as Record<string, number>;
for (const leadRatio of grid.leadRatio) for (const coverage of grid.coverage) for (const likelyLead of grid.likelyLead) for (const likelyCoverage of grid.likelyCoverage) for (const minScore of grid.minScore) for (const noneCoverage of grid.noneCoverage) {
  if (likelyLead > leadRatio || likelyCoverage > coverage) continue;
  Object.assign(mutable, { leadRatio, coverage, likelyLead, likelyCoverage, minScore, noneCoverage });
  const f = evaluateFaq(search, tuning);
  const mean = (k: "directRight" | "offTopicRecognised" | "wrongDirect") => f.reduce((s, x) => s + x[k], 0) / f.length;
  const score = mean("directRight") + mean("offTopicRecognised") * 0.25 - 3 * mean("wrongDirect");
  rows.push({ score, set: JSON.stringify({ leadRatio, coverage, likelyLead, likelyCoverage, minScore, noneCoverage }), line: f.map((x) => `${x.lang} ${(x.directRight * 100).toFixed(0)}/${(x.wrongDirect * 100).toFixed(1)}/${(x.offTopicRecognised * 100).toFixed(0)}`).join("  ") });
}
rows.sort((a, b) => b.score - a.score);
for (const r of rows.slice(0, 10)) console.log(r.score.toFixed(3), r.set, r.line);
