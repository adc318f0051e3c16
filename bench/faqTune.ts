/**
 * `npx tsx bench/faqTune.ts`: the grid search that chose THRESHOLDS and RANKING (src/bot/faq/search/index.ts), run on
 * tuning questions only, never the held-out half:
 * - the second labelled set's even positions, the first set's even-numbered questions and the development sets of
 *   bench/data (the tuning pool), and
 * - the search examples themselves, each asked of an index built without it (5 folds: example i of a topic is left
 *   out of fold i mod 5, with the other examples of its fold), so that the settings do not fit ~600 questions alone.
 * The score of a setting is the tuning pool's direct+right + recognised/4 - 3 x wrong-direct plus the examples'
 * direct+right - 3 x wrong-direct (they are all on-topic), each the mean of the four languages. It prints the best
 * settings and where the code's settings rank; the figures are then read on the held-out half with `npm run bench:faq`.
 * `-- --data DIR/` reads the search data from another folder; `-- --no-examples` scores on the tuning pool alone;
 * `-- --progress` prints each ranking setting as it starts. The full grid takes about ten minutes on a quiet machine.
 */
import { createI18n } from "../src/bot/i18n.js";
import { FaqSearch, RANKING, THRESHOLDS, type PreparedQuestion } from "../src/bot/faq/search/index.js";
import { loadSearchData, type SearchData } from "../src/bot/faq/search/searchData.js";
import { SUPPORTED_LOCALES, type Locale } from "../src/store/index.js";
import { evaluateFaq, loadDevSets, loadLabelledQuestions, loadSecondSet, type LabelledQuestion, type LanguageFigures } from "./faqEval.js";

/** `-- --data DIR/`: search data from another folder (a snapshot, so that runs compare while the data changes). */
const dataDir = process.argv.includes("--data") ? process.argv[process.argv.indexOf("--data") + 1] : undefined;
const withExamples = !process.argv.includes("--no-examples");
/** How much worse a wrong direct answer is than a right one is good (`-- --wrong N`, default 3). */
const WRONG_WEIGHT = process.argv.includes("--wrong") ? Number(process.argv[process.argv.indexOf("--wrong") + 1]) : 3;
const FOLDS = 5;

const i18n = createI18n();
const data = loadSearchData(dataDir);
const search = new FaqSearch(i18n, data, "2026-12-01");
// The second set's tuning half, and the first set's even-numbered half (its own tuning half in issue 4).
// The development sets of 2026-12-02 (bench/data/faq-dev-*.json), written apart from the search data, tune too.
const tuning = [
  ...loadSecondSet("tuning"),
  ...loadLabelledQuestions().filter((_, i) => i % 2 === 0).map((q) => ({ ...q, topic: q.topic ?? "out_of_scope" })),
  ...loadDevSets().flatMap((d) => d.questions),
];

/** The search examples in folds: each fold's index lacks the fold's examples, which are its questions. */
function exampleFolds(all: Record<Locale, SearchData>): Array<{ search: FaqSearch; questions: LabelledQuestion[] }> {
  const folds = [];
  for (let k = 0; k < FOLDS; k++) {
    const without = {} as Record<Locale, SearchData>;
    const questions: LabelledQuestion[] = [];
    for (const lang of SUPPORTED_LOCALES) {
      without[lang] = {};
      for (const [topic, { examples, keywords }] of Object.entries(all[lang])) {
        examples.forEach((q, i) => i % FOLDS === k && questions.push({ lang, q, topic }));
        without[lang][topic] = { keywords, examples: examples.filter((_, i) => i % FOLDS !== k) };
      }
    }
    folds.push({ search: new FaqSearch(i18n, without, "2026-12-01"), questions });
  }
  return folds;
}
const folds = withExamples ? exampleFolds(data) : [];

/** The figures of all folds together, per language (each fold's shares weighed by its questions). */
function pooled(figures: LanguageFigures[][]): Array<Pick<LanguageFigures, "lang" | "directRight" | "wrongDirect">> {
  return SUPPORTED_LOCALES.map((lang) => {
    const mine = figures.map((f) => f.find((x) => x.lang === lang)!);
    const n = mine.reduce((s, f) => s + f.onTopic, 0);
    return { lang, directRight: mine.reduce((s, f) => s + f.directRight * f.onTopic, 0) / n, wrongDirect: mine.reduce((s, f) => s + f.wrongDirect * f.onTopic, 0) / n };
  });
}
const mean = <T,>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0) / xs.length;

// Everything but the decision is computed once per ranking setting; a decision setting then only re-decides.
function memoize(s: FaqSearch): void {
  const prepare = FaqSearch.prototype.prepare.bind(s);
  const memo = new Map<string, PreparedQuestion>();
  s.prepare = (q: string) => memo.get(q) ?? memo.set(q, prepare(q)).get(q)!;
}

const grid = {
  // 1 and 2 were tried on 2026-12-02 07:50 (over the first 6 and over 20): not better on any of the three sets.
  exampleBoost: [0.5],
  // 0.5 and 1 (and namedUnknownWeight 0.5) were tried on 2026-12-02 16:00 with the development sets in the pool:
  // within 0.005 of the code's settings, no better.
  unknownWeight: [1.5, 2, 3],
  namedUnknownWeight: [1, 1.5, 2],
  // `-- --quick`: the code's generalWeight only (a third of the time).
  generalWeight: process.argv.includes("--quick") ? [THRESHOLDS.generalWeight] : [0.25, 0.5, 1],
  programWeight: [0, 0.5, 1],
  noneExplained: [0.35, 0.4, 0.45, 0.5],
  likelyExplained: [0.4, 0.45, 0.5, 0.6],
  likelyLead: [1.1, 1.2, 1.3, 1.4, 1.5],
  leadPower: [0, 0.5, 1],
};
// `explained` and `leadRatio` only tell a confident answer from a likely one ("Also about" under it): both are
// direct answers, so the score cannot choose them; they stay as the first grid search chose them.
const rows: Array<{ score: number; set: string; line: string }> = [];
/** The settings in the code, before the grid changes them. */
const CODE = { ...THRESHOLDS, exampleBoost: RANKING.exampleBoost };
const mutable = THRESHOLDS as Record<string, number>;
const { explained, leadRatio } = THRESHOLDS;
const started = performance.now();
for (const exampleBoost of grid.exampleBoost) for (const unknownWeight of grid.unknownWeight) for (const namedUnknownWeight of grid.namedUnknownWeight) for (const generalWeight of grid.generalWeight) for (const programWeight of grid.programWeight) {
  if (namedUnknownWeight > unknownWeight) continue;
  Object.assign(RANKING, { exampleBoost });
  Object.assign(mutable, { unknownWeight, namedUnknownWeight, generalWeight, programWeight });
  for (const s of [search, ...folds.map((f) => f.search)]) memoize(s);
  if (process.argv.includes("--progress")) console.error(`${((performance.now() - started) / 1000).toFixed(0)} s`, JSON.stringify({ exampleBoost, unknownWeight, namedUnknownWeight, generalWeight, programWeight }));
  for (const noneExplained of grid.noneExplained) for (const likelyExplained of grid.likelyExplained) for (const likelyLead of grid.likelyLead) for (const leadPower of grid.leadPower) {
    if (noneExplained > likelyExplained || likelyExplained > explained || likelyLead > leadRatio) continue;
    Object.assign(mutable, { noneExplained, likelyExplained, likelyLead, leadPower });
    const f = evaluateFaq(search, tuning);
    const pool = mean(f, (x) => x.directRight) + 0.25 * mean(f, (x) => x.offTopicRecognised) - WRONG_WEIGHT * mean(f, (x) => x.wrongDirect);
    const ex = folds.length ? pooled(folds.map((fold) => evaluateFaq(fold.search, fold.questions))) : [];
    const exScore = ex.length ? mean(ex, (x) => x.directRight) - WRONG_WEIGHT * mean(ex, (x) => x.wrongDirect) : 0;
    const pct = (x: number) => (x * 100).toFixed(1);
    rows.push({
      score: pool + exScore,
      set: JSON.stringify({ exampleBoost, unknownWeight, namedUnknownWeight, generalWeight, programWeight, noneExplained, explained, leadRatio, likelyExplained, likelyLead, leadPower }),
      line: `pool ${pool.toFixed(3)} ${f.map((x) => `${x.lang} ${pct(x.directRight)}/${pct(x.wrongDirect)}/${pct(x.offTopicRecognised)}`).join(" ")}` + (ex.length ? ` | examples ${exScore.toFixed(3)} ${ex.map((x) => `${x.lang} ${pct(x.directRight)}/${pct(x.wrongDirect)}`).join(" ")}` : ""),
    });
  }
}
rows.sort((a, b) => b.score - a.score);
console.log(`${rows.length} settings in ${((performance.now() - started) / 1000).toFixed(0)} s; ${tuning.length} tuning questions, ${folds.reduce((s, f) => s + f.questions.length, 0)} examples asked left out`);
for (const r of rows.slice(0, 10)) console.log(r.score.toFixed(4), r.set, "\n      ", r.line);
const { exampleBoost, unknownWeight, namedUnknownWeight, generalWeight, programWeight, noneExplained, likelyExplained, likelyLead, leadPower } = CODE;
const now = JSON.stringify({ exampleBoost, unknownWeight, namedUnknownWeight, generalWeight, programWeight, noneExplained, explained, leadRatio, likelyExplained, likelyLead, leadPower });
const mine = rows.find((r) => r.set === now);
console.log(`\nThe settings in the code (${mine ? `rank ${rows.indexOf(mine) + 1} of ${rows.length}` : "not on the grid"}):`, mine ? `${mine.score.toFixed(4)} ${now}\n       ${mine.line}` : now);
