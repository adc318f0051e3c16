/**
 * `npx tsx bench/searchSame.ts [--out file.json] [--passes 3]`: every example question of the search data
 * (src/bot/faq/searchData/*.json, all four languages) plus generated variants (a letter dropped, two letters
 * swapped, Russian typed in Latin letters, two questions glued, a long message) asked of `FaqSearch`. It writes
 * each question's full decision (reply kind, topics in order, every candidate's score, explained share and
 * example share rounded to 1e-9) so a speed change can be shown to change no answer, and prints the CPU time
 * per question (process.cpuUsage over all questions; the median of the timed passes after a warm-up pass).
 *
 * `npx tsx bench/searchSame.ts --compare a.json b.json` lists the questions whose decisions differ.
 * The labelled question sets (test/data) are not used: this measures sameness and cost, not accuracy.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { createI18n } from "../src/bot/i18n.js";
import { FaqSearch } from "../src/bot/faq/search/index.js";
import { loadSearchData } from "../src/bot/faq/search/searchData.js";
import { SUPPORTED_LOCALES } from "../src/store/index.js";
import { mulberry32 } from "../src/runtime/seededRandom.js";

interface Decision {
  q: string;
  result: unknown;
  candidates: Array<[string, number, number, number]>;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}



const TO_LATIN: Readonly<Record<string, string>> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "sch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

const toLatin = (text: string) => [...text.toLowerCase()].map((c) => TO_LATIN[c] ?? c).join("");

/** The example questions of every language, then the variants generated from them. */
function questions(): string[] {
  const data = loadSearchData();
  const examples: Record<string, string[]> = {};
  const all: string[] = [];
  for (const lng of SUPPORTED_LOCALES) {
    examples[lng] = Object.values(data[lng]).flatMap((t) => t.examples);
    all.push(...examples[lng]!);
  }
  const rnd = mulberry32(14);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const withWord = (q: string, edit: (word: string) => string) => {
    const words = q.split(" ");
    const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
    if (long.length === 0) return q;
    const [w, i] = pick(long);
    words[i] = edit(w);
    return words.join(" ");
  };
  const variants: string[] = [];
  for (let n = 0; n < 150; n++) {
    variants.push(
      withWord(pick(all), (w) => {
        const at = 1 + Math.floor(rnd() * (w.length - 1));
        return w.slice(0, at) + w.slice(at + 1);
      }),
    );
    variants.push(
      withWord(pick(all), (w) => {
        const at = Math.floor(rnd() * (w.length - 1));
        return w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
      }),
    );
    variants.push(toLatin(pick(examples.ru!)));
  }
  for (let n = 0; n < 50; n++) variants.push(toLatin(pick(examples.kk!)));
  for (let n = 0; n < 100; n++) variants.push(`${pick(all)} ${pick(all)}`);
  // Messages over the searched length (QUERY_BOUNDS), and small talk around questions.
  for (let n = 0; n < 20; n++) variants.push(Array.from({ length: 8 }, () => pick(all)).join(" "));
  for (const opener of ["hi", "Привет!", "Сәлем", "Hallo,", "thanks", "спасибо"]) {
    variants.push(opener, `${opener} ${pick(all)}`);
  }
  variants.push("who are you", "ты бот?", "", "   ", "?!", "b9", "B12-1", "e-visa", "bitcoin", "бешбармак");
  return [...all, ...variants];
}

function decisions(search: FaqSearch, qs: readonly string[]): Decision[] {
  return qs.map((q) => {
    const prepared = search.prepare(q);
    const result = search.answer(prepared);
    const candidates = (prepared.ranking?.candidates ?? []).map(
      (c) => [c.id, round(c.score), round(c.explained), round(c.share ?? -1)] as [string, number, number, number],
    );
    return { q, result, candidates };
  });
}

function compare(a: Decision[], b: Decision[]): number {
  if (a.length !== b.length) console.log(`different question counts: ${a.length} vs ${b.length}`);
  let differ = 0;
  let resultsDiffer = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    const sameResult = JSON.stringify(x.result) === JSON.stringify(y.result);
    if (sameResult && JSON.stringify(x.candidates) === JSON.stringify(y.candidates) && x.q === y.q) continue;
    differ++;
    if (!sameResult) resultsDiffer++;
    if (differ <= 20) {
      console.log(`- ${JSON.stringify(x.q)}${x.q === y.q ? "" : ` vs ${JSON.stringify(y.q)}`}`);
      if (!sameResult) console.log(`  reply: ${JSON.stringify(x.result)}\n     vs: ${JSON.stringify(y.result)}`);
      else console.log(`  candidates: ${JSON.stringify(x.candidates.slice(0, 4))}\n          vs: ${JSON.stringify(y.candidates.slice(0, 4))}`);
    }
  }
  console.log(`${differ} of ${a.length} questions differ (${resultsDiffer} in the reply itself)`);
  return differ;
}

const compared = process.argv.indexOf("--compare");
if (compared >= 0) {
  const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Decision[];
  const differ = compare(read(process.argv[compared + 1]!), read(process.argv[compared + 2]!));
  process.exit(differ === 0 ? 0 : 1);
}

const i18n = createI18n();
const built = performance.now();
const search = new FaqSearch(i18n, loadSearchData(), "2026-12-01");
const buildMs = performance.now() - built;
const qs = questions();
const out = arg("--out");
if (out) writeFileSync(out, JSON.stringify(decisions(search, qs)));
const passes = Number(arg("--passes") ?? 3);
for (const q of qs) search.search(q);
const perQuestion: number[] = [];
for (let pass = 0; pass < passes; pass++) {
  const start = process.cpuUsage();
  for (const q of qs) search.search(q);
  const used = process.cpuUsage(start);
  perQuestion.push((used.user + used.system) / qs.length);
}
const median = [...perQuestion].sort((a, b) => a - b)[Math.floor(perQuestion.length / 2)]!;
console.log(
  `${qs.length} questions, build ${buildMs.toFixed(0)} ms; CPU per question: median ${median.toFixed(1)} µs ` +
    `(passes ${perQuestion.map((x) => x.toFixed(1)).join(", ")}); load ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${cpus().length} cores` +
    (out ? `; decisions in ${out}` : ""),
);
