/**
 * Throughput and latency with 100 updates in flight: a bare grammY bot, then the real bot over 10,000
 * people (50% questions, 30% /check steps, 10% commands, 10% presses). Every reply is compared with the
 * reply the same script got when played alone; a round with a wrong reply scores zero.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadavg } from "node:os";
import { play, type Reply, type Script } from "./lib/driver.js";
import { bareBot, realBot } from "./lib/realBot.js";
import { quantile, quick, report, summary } from "./lib/stats.js";
import { mixedWorkload } from "./lib/workload.js";

const IN_FLIGHT = 100;
const USERS = 10_000;
const roundsArg = process.argv.indexOf("--rounds"); // `--rounds <n>`: more measured rounds (for A/B runs)
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : quick ? 3 : 5;
const IO_ROUNDS = quick ? 2 : 3;
const PEOPLE_PER_ROUND = quick ? 300 : 800; // about 4.2 updates a person

async function baseline(): Promise<number[]> {
  const { bot, api } = await bareBot();
  const script: Script = { name: "bare", lang: "en", kind: "command", steps: ["/start", "hello", "what is b9-1", "thanks"].map((text) => ({ text })) };
  const out: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const people = Array.from({ length: 5_000 }, (_, i) => ({ id: 1 + round * 5_000 + i, script }));
    const r = await play(bot as never, api, people, IN_FLIGHT, (_s, _i, reply) => (reply.texts[0] === "ok" ? undefined : "bare bot: no ok"));
    if (r.wrong.length) throw new Error(r.wrong[0]);
    if (round > 0) out.push(r.updates / r.seconds); // round 0 warms up
  }
  return out;
}

const same = (a: Reply, b: Reply) => a.texts.length === b.texts.length && a.texts.every((x, i) => x === b.texts[i]) && a.answered === b.answered;

async function mixed() {
  const rb = await realBot();
  const work = mixedWorkload(rb.services.i18n);
  // People who used the bot before: their language is stored (reminders are written in it).
  for (let id = 1; id <= USERS; id++) await rb.services.stores.users.update(1_000_000 + id, { seenLocale: work.scriptOf(id).lang as never });

  // The reference: each distinct script played alone by a new person, checked where the content is known.
  const reference = new Map<string, Reply[]>();
  const t0 = Date.now();
  const ref = await play(rb.bot as never, rb.api, work.distinct.map((script, i) => ({ id: 2_000_000 + i, script })), 1, (s, step, reply) => {
    const list = reference.get(s.name) ?? [];
    list[step] = reply;
    reference.set(s.name, list);
    if (reply.texts.length === 0) return `${s.name} step ${step}: no reply`;
    if (s.steps[step]!.press !== undefined && !reply.answered) return `${s.name} step ${step}: press not answered`;
    const t = rb.services.i18n.getFixedT(s.lang);
    if (s.kind === "check" && step === s.steps.length - 1 && !reply.texts.some((x) => x.includes(t("check:program.B12-1")))) return `${s.name}: no outcome`;
    return undefined;
  });
  if (ref.wrong.length) throw new Error(`reference run: ${ref.wrong.slice(0, 5).join("; ")}`);
  process.stderr.write(`reference run: ${ref.updates} updates in ${Date.now() - t0} ms\n`);

  let cursor = 1;
  const profiler = await startProfile();
  const main = await roundsOf(rb, work, reference, () => cursor++, ROUNDS, "");
  await profiler?.stop();
  // The same again with the fake answering on the next event-loop turn, as a real Bot API's reply does.
  rb.api.deferred = true;
  const io = process.argv.includes("--no-io") ? [] : await roundsOf(rb, work, reference, () => cursor++, IO_ROUNDS, "answers on the next event-loop turn, ");
  rb.close();
  return { main, io };
}

/**
 * `--profile <file>`: a V8 CPU profile of the measured rounds alone (the warm-up round included, not the
 * start, the reference run or the rounds answering on the next turn), unlike `node --cpu-prof`.
 */
async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const at = process.argv.indexOf("--profile");
  const file = at > 0 ? process.argv[at + 1] : undefined;
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      process.stderr.write(`profile of the rounds: ${file}\n`);
    },
  };
}

type Round = { ups: number; p50: number; p99: number; wrong: number; cpuUs: number; mix: Record<string, number> };

async function roundsOf(rb: Awaited<ReturnType<typeof realBot>>, work: ReturnType<typeof mixedWorkload>, reference: Map<string, Reply[]>, next: () => number, count: number, label: string): Promise<Round[]> {
  const rounds: Round[] = [];
  for (let round = 0; round <= count; round++) {
    const people = Array.from({ length: PEOPLE_PER_ROUND }, () => {
      const n = next();
      return { id: 1_000_000 + ((n - 1) % USERS) + 1, script: work.scriptOf(n) };
    });
    // A person met again (after 10,000) starts afresh: /check and /start begin anew anyway.
    const cpu0 = process.cpuUsage();
    const r = await play(rb.bot as never, rb.api, people, IN_FLIGHT, (s, step, reply) =>
      same(reply, reference.get(s.name)![step]!) ? undefined : `${s.name} step ${step}: ${JSON.stringify(reply.texts).slice(0, 200)}`,
    );
    const cpu = process.cpuUsage(cpu0);
    const ms = r.latencies.map((l) => l.ms);
    const mix: Record<string, number> = {};
    for (const l of r.latencies) {
      const what = l.press && l.kind !== "check" ? "press" : l.kind === "check" && l.step === 0 ? "command" : l.kind;
      mix[what] = (mix[what] ?? 0) + 1;
    }
    const result = { ups: r.wrong.length ? 0 : r.updates / r.seconds, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), wrong: r.wrong.length, cpuUs: (cpu.user + cpu.system) / r.updates, mix };
    process.stderr.write(`${label}round ${round}${round === 0 ? " (warm-up)" : ""}: ${r.updates} updates, ${result.ups.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, CPU ${result.cpuUs.toFixed(0)} us/update, load ${loadavg()[0]!.toFixed(2)}, wrong ${r.wrong.length}${r.wrong.length ? ` (${r.wrong[0]})` : ""}\n`);
    if (round > 0) rounds.push(result);
  }
  return rounds;
}

// `--no-baseline` and `--no-io` leave those parts out (to profile or time the mixed rounds alone).
const base = process.argv.includes("--no-baseline") ? [] : await baseline();
const { main: real, io } = await mixed();
report({
  baseline_updates_per_s: summary(base),
  mixed_updates_per_s: summary(real.map((r) => r.ups)),
  mixed_p50_ms: summary(real.map((r) => r.p50)),
  mixed_p99_ms: summary(real.map((r) => r.p99)),
  // CPU time of the process per update (user + system): steadier than the rate on a shared machine.
  mixed_cpu_us_per_update: summary(real.map((r) => r.cpuUs)),
  mixed_wrong_replies: real.reduce((a, r) => a + r.wrong, 0) + io.reduce((a, r) => a + r.wrong, 0),
  mixed_update_mix: real[0]?.mix,
  mixed_io_updates_per_s: summary(io.map((r) => r.ups)),
  mixed_io_p50_ms: summary(io.map((r) => r.p50)),
  mixed_io_p99_ms: summary(io.map((r) => r.p99)),
});
