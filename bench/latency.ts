/**
 * One update at a time: a free-text question, each /check step (does a step cost more the longer the
 * conversation?), and the FAQ match alone.
 */
import { readFileSync } from "node:fs";
import { play } from "./lib/driver.js";
import { realBot } from "./lib/realBot.js";
import { ms, quantile, quick, report, summary } from "./lib/stats.js";
import { checkScript, LANGS, mixedWorkload } from "./lib/workload.js";

const ROUNDS = quick ? 3 : 5;
const rb = await realBot();
const work = mixedWorkload(rb.services.i18n);
const faqScripts = work.distinct.filter((s) => s.kind === "faq");
const checks = LANGS.flatMap((l) => [checkScript(rb.services.i18n, l, false), checkScript(rb.services.i18n, l, true)]);
/**
 * Whole /checks a round, one person each, so each step's p99 in a round is over this many samples (the figure is
 * the median of the rounds' p99s). With 24 (until 2026-12-04) a round's p99 was its slowest sample, which a single
 * young-generation GC pause (3-8 ms on the AMD EPYC host, about one update in a hundred) decided wherever it fell:
 * once a step cost 0.5 ms, question 10 "took" 5.5 ms against 0.8 for question 1 in one full run, with both steps'
 * medians at 0.5 ms. With 120 a round's p99 is the step's, and a pause moves one round's figure, not the median.
 */
const CHECKS_PER_ROUND = quick ? 60 : 120;
const FAQ_PER_ROUND = quick ? 60 : faqScripts.length;

// The update that answers question k of a /check (step 0 is /check, 1 the typo, 2 the pick from "did you mean").
// `typo` is the country typed with a typo (the typo-tolerant search, answered with "did you mean").
const ANSWER_STEP = { typo: 1, q1: 2, q10: 11, q11: 12 } as const;

let nextId = 3_000_000;
const rounds: Array<Record<string, number>> = [];
for (let round = 0; round <= ROUNDS; round++) {
  const faq = await play(rb.bot as never, rb.api, faqScripts.slice(0, FAQ_PER_ROUND).map((script) => ({ id: nextId++, script })), 1, () => undefined);
  const check = await play(rb.bot as never, rb.api, Array.from({ length: CHECKS_PER_ROUND }, (_, i) => ({ id: nextId++, script: checks[i % checks.length]! })), 1, () => undefined);
  const faqMs = faq.latencies.map((l) => l.ms);
  const at = (step: number) => check.latencies.filter((l) => l.step === step).map((l) => l.ms);
  const r = {
    faq_update_p50_ms: quantile(faqMs, 0.5),
    faq_update_p99_ms: quantile(faqMs, 0.99),
    check_q1_p50_ms: quantile(at(ANSWER_STEP.q1), 0.5),
    check_q1_p99_ms: quantile(at(ANSWER_STEP.q1), 0.99),
    check_typo_p99_ms: quantile(at(ANSWER_STEP.typo), 0.99),
    check_q10_p50_ms: quantile(at(ANSWER_STEP.q10), 0.5),
    check_q10_p99_ms: quantile(at(ANSWER_STEP.q10), 0.99),
    check_q11_p99_ms: quantile(at(ANSWER_STEP.q11), 0.99),
    check_step_all_p50_ms: quantile(check.latencies.map((l) => l.ms), 0.5),
  };
  process.stderr.write(`round ${round}${round === 0 ? " (warm-up)" : ""}: ${Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")}\n`);
  if (round > 0) rounds.push(r);
}

// The match alone, every question of both labelled sets.
const questions = ["faq-questions.json", "faq-questions-2.json"].flatMap(
  (f) => JSON.parse(readFileSync(new URL(`../test/data/${f}`, import.meta.url), "utf8")) as Array<{ q?: string; question?: string }>,
).map((x) => x.q ?? x.question ?? "");
const search = rb.services.faq();
const matchRounds: number[] = [];
const matchP50: number[] = [];
for (let round = 0; round <= ROUNDS; round++) {
  const times = questions.map((q) => {
    const t0 = process.hrtime.bigint();
    search.search(q);
    return ms(t0);
  });
  if (round > 0) matchRounds.push(quantile(times, 0.99)), matchP50.push(quantile(times, 0.5));
}
rb.close();

const key = (k: string) => summary(rounds.map((r) => r[k]!));
report({
  faq_update_p50_ms: key("faq_update_p50_ms"),
  faq_update_p99_ms: key("faq_update_p99_ms"),
  check_step_p99_ms: { q1: key("check_q1_p99_ms"), q10: key("check_q10_p99_ms"), q11_with_outcome: key("check_q11_p99_ms"), country_typed_with_typo: key("check_typo_p99_ms") },
  check_q1_p50_ms: key("check_q1_p50_ms"),
  check_q10_p50_ms: key("check_q10_p50_ms"),
  check_step_p50_ms: key("check_step_all_p50_ms"),
  faq_match_p50_ms: summary(matchP50),
  faq_match_p99_ms: summary(matchRounds),
});
