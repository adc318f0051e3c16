/**
 * `npx tsx bench/faqTune.ts`: the grid search that chose THRESHOLDS (src/bot/faq/search/index.ts), run on the
 * tuning halves only: the second labelled set's even positions and the first set's even-numbered questions.
 * It prints the best settings by direct+right + recognised/4 - 3 x wrong-direct, pooled over the four
 * languages; the figures are then read on the held-out half with `npm run bench:faq`.
 */
import { createI18n } from "../src/bot/i18n.js";
import { FaqSearch, THRESHOLDS, type Ranking } from "../src/bot/faq/search/index.js";
import { loadSearchData } from "../src/bot/faq/search/searchData.js";
import { evaluateFaq, loadLabelledQuestions, loadSecondSet } from "./faqEval.js";

/** `-- --data DIR`: search data from another folder (a snapshot, so that runs compare while the data changes). */
const dataDir = process.argv.includes("--data") ? process.argv[process.argv.indexOf("--data") + 1] : undefined;
const search = new FaqSearch(createI18n(), loadSearchData(dataDir), "2026-12-01");
// The second set's tuning half, and the first set's even-numbered half (its own tuning half in issue 4).
const tuning = [...loadSecondSet("tuning"), ...loadLabelledQuestions().filter((_, i) => i % 2 === 0).map((q) => ({ ...q, topic: q.topic ?? "out_of_scope" }))];
/** How much worse a wrong direct answer is than a right one is good (`-- --wrong N`, default 3). */
const WRONG_WEIGHT = Number(process.argv[process.argv.indexOf("--wrong") + 1]) || 3;
const grid = {
  unknownWeight: [1.5, 2, 3],
  noneExplained: [0.2, 0.3, 0.4, 0.5],
  explained: [0.5, 0.65, 0.8],
  leadRatio: [1.3, 1.6, 2, 2.5],
  likelyExplained: [0.3, 0.45, 0.6],
  likelyLead: [1.1, 1.25, 1.5, 1.8],
};
const rows: Array<{ score: number; set: string; line: string }> = [];
const mutable = THRESHOLDS as Record<string, number>;
// The ranking depends only on unknownWeight: it is computed once for each pair.
const rank = search.rank.bind(search);
for (const unknownWeight of grid.unknownWeight) {
  Object.assign(mutable, { unknownWeight });
  const memo = new Map<string, Ranking>();
  search.rank = (q: string) => memo.get(q) ?? memo.set(q, rank(q)).get(q)!;
  for (const noneExplained of grid.noneExplained) for (const explained of grid.explained) for (const leadRatio of grid.leadRatio) for (const likelyExplained of grid.likelyExplained) for (const likelyLead of grid.likelyLead) {
    if (likelyLead > leadRatio || likelyExplained > explained || noneExplained > likelyExplained) continue;
    Object.assign(mutable, { noneExplained, explained, leadRatio, likelyExplained, likelyLead });
    const f = evaluateFaq(search, tuning);
    const mean = (k: "directRight" | "offTopicRecognised" | "wrongDirect") => f.reduce((s, x) => s + x[k], 0) / f.length;
    const score = mean("directRight") + mean("offTopicRecognised") * 0.25 - WRONG_WEIGHT * mean("wrongDirect");
    rows.push({ score, set: JSON.stringify({ unknownWeight, noneExplained, explained, leadRatio, likelyExplained, likelyLead }), line: f.map((x) => `${x.lang} ${(x.directRight * 100).toFixed(0)}/${(x.wrongDirect * 100).toFixed(1)}/${(x.offTopicRecognised * 100).toFixed(0)}`).join("  ") });
  }
}
rows.sort((a, b) => b.score - a.score);
for (const r of rows.slice(0, 10)) console.log(r.score.toFixed(3), r.set, r.line);
