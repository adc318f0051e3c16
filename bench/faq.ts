/**
 * `npm run bench:faq`: top-1 accuracy of the free-text FAQ search per language on the labelled
 * questions in test/data/faq-questions.json, with the weak-match ("did you mean") and the wrong
 * confident-answer rates, and the time to build the index and to answer one question.
 * `--misses` lists every question whose best topic was not the labelled one.
 */
import { createI18n } from "../src/bot/i18n.js";
import { FaqSearch } from "../src/bot/faq/search/index.js";
import { loadSearchData } from "../src/bot/faq/search/searchData.js";
import { evaluateFaq, loadLabelledQuestions } from "./faqEval.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const i18n = createI18n();
const built = performance.now();
const search = new FaqSearch(i18n, loadSearchData(), "2026-12-01");
const buildMs = performance.now() - built;
const questions = loadLabelledQuestions();
const started = performance.now();
const figures = evaluateFaq(search, questions);
const perQuestionMs = (performance.now() - started) / questions.length;

console.log(`FAQ search on ${questions.length} labelled questions (index built in ${buildMs.toFixed(0)} ms; ${perQuestionMs.toFixed(2)} ms per question)\n`);
console.log("lang  on-topic  off-topic  top-1   direct+right  weak    wrong-direct  off-topic held");
for (const f of figures) {
  console.log(
    `${f.lang.padEnd(5)} ${String(f.onTopic).padStart(8)}  ${String(f.offTopic).padStart(9)}  ${pct(f.top1).padStart(6)}  ${pct(f.confidentCorrect).padStart(12)}  ${pct(f.weak).padStart(6)}  ${pct(f.wrongConfident).padStart(12)}  ${pct(f.offTopicHeld).padStart(14)}`,
  );
}
if (process.argv.includes("--misses")) {
  for (const f of figures) for (const m of f.misses) console.log(`${f.lang} [${m.confidence}] want=${m.want} got=${m.got}  ${m.q}`);
}
