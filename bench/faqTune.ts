/**
 * `npx tsx bench/faqTune.ts`: the grid search that chose THRESHOLDS (src/bot/faq/search/index.ts), run on the
 * tuning halves only: the second labelled set's even positions and the first set's even-numbered questions.
 * It prints the best settings by direct+right + recognised/4 - 3 x wrong-direct, pooled over the four
 * languages; the figures are then read on the held-out half with `npm run bench:faq`.
 */
import { createI18n } from "../src/bot/i18n.js";
import { FaqSearch, RANKING, THRESHOLDS, type Ranking } from "../src/bot/faq/search/index.js";
import { loadSearchData } from "../src/bot/faq/search/searchData.js";
import { evaluateFaq, loadLabelledQuestions, loadSecondSet } from "./faqEval.js";

/** `-- --data DIR`: search data from another folder (a snapshot, so that runs compare while the data changes). */
const dataDir = process.argv.includes("--data") ? process.argv[process.argv.indexOf("--data") + 1] : undefined;
const search = new FaqSearch(createI18n(), loadSearchData(dataDir), "2026-12-01");
// The second set's tuning half, and the first set's even-numbered half (its own tuning half in issue 4).
const tuning = [...loadSecondSet("tuning"), ...loadLabelledQuestions().filter((_, i) => i % 2 === 0).map((q) => ({ ...q, topic: q.topic ?? "out_of_scope" }))];
/** How much worse a wrong direct answer is than a right one is good (`-- --wrong N`, default 3). */
const WRONG_WEIGHT = Number(process.argv[process.argv.indexOf("--wrong") + 1]) || 3;
// `explained` and `leadRatio` only tell a confident answer from a likely one ("Also about" under it): both are
// direct answers, so the score cannot choose them; they stay at what the first grid search chose.
const grid = {
  exampleBoost: [0, 0.5, 1],
  unknownWeight: [1.5, 2, 3],
  generalWeight: [0.25, 0.5, 1],
  noneExplained: [0.3, 0.35, 0.4, 0.45, 0.5],
  explained: [THRESHOLDS.explained],
  leadRatio: [THRESHOLDS.leadRatio],
  likelyExplained: [0.3, 0.4, 0.45, 0.5, 0.6],
  likelyLead: [1.1, 1.2, 1.25, 1.3, 1.4, 1.5],
  leadPower: [0, 0.5, 1],
};
const rows: Array<{ score: number; set: string; line: string }> = [];
const current = { ...THRESHOLDS, exampleBoost: RANKING.exampleBoost };
const mutable = THRESHOLDS as Record<string, number>;
// The ranking depends only on exampleBoost, unknownWeight and generalWeight: it is computed once for each triple.
const rank = search.rank.bind(search);
for (const exampleBoost of grid.exampleBoost) for (const unknownWeight of grid.unknownWeight) for (const generalWeight of grid.generalWeight) {
  Object.assign(RANKING, { exampleBoost });
  Object.assign(mutable, { unknownWeight, generalWeight });
  const memo = new Map<string, Ranking>();
  search.rank = (q: string) => memo.get(q) ?? memo.set(q, rank(q)).get(q)!;
  for (const noneExplained of grid.noneExplained) for (const explained of grid.explained) for (const leadRatio of grid.leadRatio) for (const likelyExplained of grid.likelyExplained) for (const likelyLead of grid.likelyLead) for (const leadPower of grid.leadPower) {
    if (likelyLead > leadRatio || likelyExplained > explained || noneExplained > likelyExplained) continue;
    Object.assign(mutable, { noneExplained, explained, leadRatio, likelyExplained, likelyLead, leadPower });
    const f = evaluateFaq(search, tuning);
    const mean = (k: "directRight" | "offTopicRecognised" | "wrongDirect") => f.reduce((s, x) => s + x[k], 0) / f.length;
    const score = mean("directRight") + mean("offTopicRecognised") * 0.25 - WRONG_WEIGHT * mean("wrongDirect");
    rows.push({ score, set: JSON.stringify({ exampleBoost, unknownWeight, generalWeight, noneExplained, explained, leadRatio, likelyExplained, likelyLead, leadPower }), line: f.map((x) => `${x.lang} ${(x.directRight * 100).toFixed(0)}/${(x.wrongDirect * 100).toFixed(1)}/${(x.offTopicRecognised * 100).toFixed(0)}`).join("  ") });
  }
}
rows.sort((a, b) => b.score - a.score);
for (const r of rows.slice(0, 10)) console.log(r.score.toFixed(3), r.set, r.line);
const { exampleBoost, unknownWeight, generalWeight, noneExplained, explained, leadRatio, likelyExplained, likelyLead, leadPower } = current;
const now = JSON.stringify({ exampleBoost, unknownWeight, generalWeight, noneExplained, explained, leadRatio, likelyExplained, likelyLead, leadPower });
const mine = rows.find((r) => r.set === now);
console.log(`\nThe settings in the code (${mine ? `rank ${rows.indexOf(mine) + 1} of ${rows.length}` : "not on the grid"}):`, mine ? `${mine.score.toFixed(3)} ${mine.line}` : now);
