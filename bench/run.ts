/**
 * `npm run bench [-- --quick]`: runs each benchmark in its own process, prints the figures against the
 * issue 14 goals, writes bench/results.json and the table between the markers in bench/README.md.
 */
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { readFileSync, writeFileSync } from "node:fs";
import { quick } from "./lib/stats.js";

const here = new URL(".", import.meta.url).pathname;
const BENCHES = ["mixed.ts", "latency.ts", "reminders.ts", "remindersPg.ts", "startup.ts", "rss.ts"];

type Figure = { median: number; min: number; max: number; rounds: number[] } | number | null | undefined;
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  quick,
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavg_at_start: loadavg().map((x) => Math.round(x * 100) / 100) },
};
for (const file of BENCHES) {
  const started = Date.now();
  process.stderr.write(`\n== ${file}\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", `${here}${file}`, ...(quick ? ["--quick"] : [])], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20 });
  const line = r.stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (!line) {
    process.stderr.write(`${file} gave no result (exit ${r.status})\n${r.stdout.slice(-2000)}\n`);
    results[`${file}_error`] = `exit ${r.status}`;
    continue;
  }
  Object.assign(results, JSON.parse(line.slice("BENCH_RESULT ".length)));
  process.stderr.write(`${file}: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
(results.machine as Record<string, unknown>).loadavg_at_end = loadavg().map((x) => Math.round(x * 100) / 100);

const med = (f: Figure) => (f && typeof f === "object" ? f.median : (f ?? NaN));
const fmt = (f: Figure, d = 1) => (f && typeof f === "object" ? `${f.median.toFixed(d)} (${f.min.toFixed(d)}-${f.max.toFixed(d)})` : f == null ? "n/a" : Number(f).toFixed(d));
const get = (k: string) => results[k] as Figure;
const step = (k: string) => (results.check_step_p99_ms as Record<string, Figure> | undefined)?.[k];
const ratio = med(get("mixed_updates_per_s")) / med(get("baseline_updates_per_s"));
const rows: Array<[string, string, string]> = [
  ["baseline_updates_per_s (bare grammY)", fmt(get("baseline_updates_per_s"), 0), "-"],
  ["mixed_updates_per_s", fmt(get("mixed_updates_per_s"), 0), ">= 3,000 and >= 5% of baseline"],
  ["ratio to the baseline", `${(ratio * 100).toFixed(2)}%`, ">= 5%"],
  ["mixed_p50_ms", fmt(get("mixed_p50_ms")), "-"],
  ["mixed_p99_ms", fmt(get("mixed_p99_ms")), "<= 25"],
  ["wrong replies (mixed)", String(results.mixed_wrong_replies ?? "n/a"), "0"],
  ["mixed, Bot API answering on the next event-loop turn: updates/s, p50 / p99 ms", `${fmt(get("mixed_io_updates_per_s"), 0)}, ${fmt(get("mixed_io_p50_ms"))} / ${fmt(get("mixed_io_p99_ms"))}`, "-"],
  ["check_step_p99_ms, question 1", fmt(step("q1")), "-"],
  ["check_step_p99_ms, question 10", fmt(step("q10")), "within 1.5x of question 1"],
  ["check_step_p99_ms, question 11 (with the outcome)", fmt(step("q11_with_outcome")), "-"],
  ["FAQ question, one update, p50 / p99 ms", `${fmt(get("faq_update_p50_ms"))} / ${fmt(get("faq_update_p99_ms"))}`, "-"],
  ["faq_match_p99_ms (p50)", `${fmt(get("faq_match_p99_ms"), 2)} (${fmt(get("faq_match_p50_ms"), 2)})`, "<= 2"],
  ["reminders_per_s_sqlite (rendering, no rate limit)", fmt(get("reminders_per_s_sqlite"), 0), ">= 2,000"],
  ["reminders/s with a no-op send", fmt(get("reminders_per_s_noop_send"), 0), "-"],
  ["reminders_per_s_postgres (rendering, no rate limit; loopback server, fsync off)", fmt(get("reminders_per_s_postgres"), 0), ">= 1,000"],
  ["reminder_burst_rate_per_s (429s)", `${fmt(get("reminder_burst_rate_per_s"))} (${String(results.reminder_burst_429 ?? "n/a")})`, ">= 29, no 429"],
  ["interactive_p99_ms_during_burst", fmt(get("interactive_p99_ms_during_burst")), "<= 100"],
  ["startup_ms under tsx (npm start)", fmt(get("startup_ms_tsx"), 0), "-"],
  ["startup_ms compiled (node dist/main.js)", fmt(get("startup_ms"), 0), "<= 1,000"],
  [`rss_mb_100k_users (${String(results.rss_people ?? "?")} people, ${String(results.rss_reminders ?? "?")} reminders)`, fmt(get("rss_mb_100k_users"), 0), "<= 250"],
];
const m = results.machine as { cpus: number; model?: string; node: string; loadavg_at_start: number[]; loadavg_at_end: number[] };
const table = [
  `Run of ${String(results.date).slice(0, 16).replace("T", " ")} UTC${quick ? " (--quick)" : ""}, ${m.cpus} cores (${m.model ?? "?"}), Node ${m.node}, load average ${m.loadavg_at_start[0]} at start and ${m.loadavg_at_end[0]} at end. Median of the rounds, (min-max) across rounds.`,
  "",
  "| figure | measured | goal |",
  "|---|---|---|",
  ...rows.map((r) => `| ${r.join(" | ")} |`),
].join("\n");
process.stdout.write(`\n${table}\n`);
writeFileSync(`${here}results.json`, `${JSON.stringify(results, null, 2)}\n`);
const readme = readFileSync(`${here}README.md`, "utf8");
const START = "<!-- bench:figures -->";
const END = "<!-- /bench:figures -->";
if (readme.includes(START)) {
  writeFileSync(`${here}README.md`, readme.replace(new RegExp(`${START}[\\s\\S]*${END}`), `${START}\n${table}\n${END}`));
}
