/**
 * `npm run bench:faq`: the free-text FAQ search per language on both labelled sets: the second set's
 * held-out half (the figures; its other half tuned the thresholds), its tuning half, and the first set
 * (test/data/faq-questions.json), with the time to build the index and to match one question (median, p99).
 * `--misses` lists every question not answered directly and right; `--tuning` shows the misses of the tuning half.
 */
import { createI18n } from "../src/bot/i18n.js";
import { FaqSearch } from "../src/bot/faq/search/index.js";
import { loadSearchData } from "../src/bot/faq/search/searchData.js";
import { evaluateFaq, loadLabelledQuestions, loadSecondSet, type LabelledQuestion, type LanguageFigures } from "./faqEval.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const i18n = createI18n();
const built = performance.now();
const search = new FaqSearch(i18n, loadSearchData(), "2026-12-01");
const buildMs = performance.now() - built;

function table(title: string, questions: LabelledQuestion[], figures: LanguageFigures[]): void {
  console.log(`\n${title} (${questions.length} questions)\n`);
  console.log("| lang | on-topic | off-topic | direct+right | right in buttons | wrong direct | off-topic recognised | top-1 |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const f of figures) {
    console.log(`| ${f.lang} | ${f.onTopic} | ${f.offTopic} | ${pct(f.directRight)} | ${pct(f.rightInButtons)} | ${pct(f.wrongDirect)} | ${pct(f.offTopicRecognised)} | ${pct(f.top1)} |`);
  }
}

const sets: Array<[string, LabelledQuestion[]]> = [
  ["Second set, held-out half (odd positions): the figures", loadSecondSet("held_out")],
  ["Second set, tuning half (even positions)", loadSecondSet("tuning")],
  ["First set (test/data/faq-questions.json)", loadLabelledQuestions()],
];
const results = sets.map(([title, qs]) => [title, qs, evaluateFaq(search, qs)] as const);
for (const [title, qs, figures] of results) table(title, qs, figures);

// Time to match one question, over every question of both sets, after one warm-up pass.
const all = sets.flatMap(([, qs]) => qs.map((q) => q.q));
for (const q of all) search.search(q);
const times = all.map((q) => {
  const t = performance.now();
  search.search(q);
  return performance.now() - t;
}).sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
console.log(`\nIndex built in ${buildMs.toFixed(0)} ms; one question: median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${times.at(-1)!.toFixed(2)} ms (${times.length} questions)`);

const which = process.argv.includes("--tuning") ? [results[1]!] : process.argv.includes("--misses") ? [results[0]!, results[2]!] : [];
for (const [title, , figures] of which) {
  console.log(`\nMisses: ${title}`);
  for (const f of figures) for (const m of f.misses) console.log(`${f.lang} [${m.confidence}] want=${m.want} got=${m.got}  ${m.q}`);
}
