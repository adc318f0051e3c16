/**
 * Throughput and latency with 100 updates in flight: a bare grammY bot, then the real bot over 10,000
 * people (50% questions, 30% /check steps, 10% commands, 10% presses). Every reply is compared with the
 * reply the same script got when played alone; a round with a wrong reply scores zero.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadavg } from "node:os";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { countTurns, current, play, startedAt, stream, tracing, type Reply, type RunResult, type Script } from "./lib/driver.js";
import { bareBot, realBot } from "./lib/realBot.js";
import { quantile, quick, report, summary } from "./lib/stats.js";
import { mixedWorkload } from "./lib/workload.js";

const IN_FLIGHT = 100;
const USERS = 10_000;
const roundsArg = process.argv.indexOf("--rounds"); // `--rounds <n>`: more measured rounds (for A/B runs)
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : quick ? 3 : 5;
const IO_ROUNDS = quick ? 2 : 3;
const PEOPLE_PER_ROUND = quick ? 300 : 800; // about 4.2 updates a person
const UPDATES_PER_ROUND = Math.round(PEOPLE_PER_ROUND * 4.2);
/**
 * People in the steady stream (driver.ts `stream`): those in flight and those queued for their next step. The
 * warm-up round is longer: the stream starts with everyone at their first step, and its mix settles once the
 * longest script (16 updates) has been played about that many times over.
 */
const STREAM_PEOPLE = 3 * IN_FLIGHT;
const WARMUP_UPDATES = 16 * STREAM_PEOPLE;
/**
 * `--cohorts`: the rounds of 2026-12-03 and before, kept to compare: each round a fresh set of people, all played
 * to the end of their scripts. Their second half was /check steps alone and ended in every /check result at once.
 */
const COHORTS = process.argv.includes("--cohorts");

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
  if (process.argv.includes("--split")) {
    // Each Bot API call of an outcome step (/check step 12), in ms since its update was handed over.
    tracing.on = true;
    const calls = new Map<number, string[]>();
    const origTimeout = globalThis.setTimeout;
    (globalThis as { setTimeout: unknown }).setTimeout = (fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
      const c = current.getStore();
      if (!c || c.kind !== "check" || c.step !== 12 || (ms ?? 0) > 100) return origTimeout(fn, ms, ...rest);
      const t0 = startedAt.get(c.id)!;
      const at = (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0);
      const where = (new Error().stack ?? "").split("\n")[2]?.trim().replace(/.*\/(node_modules|src)\//, "") ?? "";
      return origTimeout((...a: unknown[]) => {
        const list = calls.get(c.id) ?? [];
        list.push(`T${ms ?? 0}[${where.slice(-40)}]@${at}->${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)}`);
        calls.set(c.id, list);
        fn(...a);
      }, ms, ...rest);
    };
    rb.api.onCall = (method, body) => {
      const chat = Number(body.chat_id);
      const t0 = startedAt.get(chat);
      if (t0 === undefined) return;
      const list = calls.get(chat) ?? [];
      list.push(`${method.slice(0, 6)}@${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)}`);
      calls.set(chat, list);

    };
    rb.api.take = ((take) => (chatId: number) => {
      const list = calls.get(chatId) ?? [];
      if (list.length >= 8 && Math.random() < 0.05) process.stderr.write(`  calls of ${chatId}: ${list.join(" ")} end@${(Number(process.hrtime.bigint() - startedAt.get(chatId)!) / 1e6).toFixed(0)}\n`);
      calls.delete(chatId);
      return take(chatId);
    })(rb.api.take.bind(rb.api));
  }
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
  const newcomer = () => {
    const n = next();
    return { id: 1_000_000 + ((n - 1) % USERS) + 1, script: work.scriptOf(n) };
  };
  const checkReply = (s: Script, step: number, reply: Reply) =>
    same(reply, reference.get(s.name)![step]!) ? undefined : `${s.name} step ${step}: ${JSON.stringify(reply.texts).slice(0, 200)}`;
  const steady = COHORTS ? undefined : stream(rb.bot as never, rb.api, newcomer, STREAM_PEOPLE, IN_FLIGHT, checkReply);
  for (let round = 0; round <= count; round++) {
    const people = COHORTS ? Array.from({ length: PEOPLE_PER_ROUND }, newcomer) : [];
    // A person met again (after 10,000) starts afresh: /check and /start begin anew anyway.
    const split = process.argv.includes("--split") ? startSplit() : undefined;
    const cpu0 = process.cpuUsage();
    const r: RunResult = steady ? await steady.run(round === 0 ? WARMUP_UPDATES : UPDATES_PER_ROUND) : await play(rb.bot as never, rb.api, people, IN_FLIGHT, checkReply);
    const cpu = process.cpuUsage(cpu0);
    const ms = r.latencies.map((l) => l.ms);
    const mix: Record<string, number> = {};
    for (const l of r.latencies) {
      const what = l.press && l.kind !== "check" ? "press" : l.kind === "check" && l.step === 0 ? "command" : l.kind;
      mix[what] = (mix[what] ?? 0) + 1;
    }
    const result = { ups: r.wrong.length ? 0 : r.updates / r.seconds, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), wrong: r.wrong.length, cpuUs: (cpu.user + cpu.system) / r.updates, mix };
    process.stderr.write(`${label}round ${round}${round === 0 ? " (warm-up)" : ""}: ${r.updates} updates, ${result.ups.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, CPU ${result.cpuUs.toFixed(0)} us/update, load ${loadavg()[0]!.toFixed(2)}, wrong ${r.wrong.length}${r.wrong.length ? ` (${r.wrong[0]})` : ""}\n`);
    if (split) split.stop(r.latencies);
    if (round > 0) rounds.push(result);
  }
  // Nobody is left inside a conversation: a later stream may meet the same people again.
  await steady?.drain();
  return rounds;
}

/**
 * `--split`: per round, on stderr, p50/p99/max by update kind, which kinds make the slowest 1%, the GC pauses
 * (count, total, longest) and the event loop's delay (p99, max): where the p99 tail comes from.
 */
function startSplit() {
  const gc: number[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc.push(e.duration);
  });
  obs.observe({ entryTypes: ["gc"] });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  countTurns(true);
  return {
    stop(latencies: { kind: string; step: number; press: boolean; ms: number; turns: number }[]) {
      countTurns(false);
      loop.disable();
      obs.disconnect();
      const kindOf = (l: (typeof latencies)[number]) => (l.press && l.kind !== "check" ? "press" : l.kind === "check" && l.step === 0 ? "command" : l.kind === "check" ? (l.press ? "check-press" : "check-typed") : l.kind);
      const by = new Map<string, number[]>();
      for (const l of latencies) by.set(kindOf(l), [...(by.get(kindOf(l)) ?? []), l.ms]);
      const cut = quantile(latencies.map((l) => l.ms), 0.99);
      const tail: Record<string, number> = {};
      for (const l of latencies) if (l.ms >= cut) tail[kindOf(l)] = (tail[kindOf(l)] ?? 0) + 1;
      const kinds = [...by].map(([k, v]) => `${k} n=${v.length} p50 ${quantile(v, 0.5).toFixed(1)} p99 ${quantile(v, 0.99).toFixed(1)} max ${Math.max(...v).toFixed(1)}`);
      const steps = new Map<number, number[]>();
      const stepTurns = new Map<number, number[]>();
      for (const l of latencies) if (l.kind === "check") steps.set(l.step, [...(steps.get(l.step) ?? []), l.ms]);
      for (const l of latencies) if (l.kind === "check") stepTurns.set(l.step, [...(stepTurns.get(l.step) ?? []), l.turns]);
      const stepLine = [...steps].sort((a, b) => a[0] - b[0]).map(([s, v]) => `${s}:${quantile(v, 0.5).toFixed(0)}/${quantile(v, 0.99).toFixed(0)}ms,${quantile(stepTurns.get(s)!, 0.5)}/${Math.max(...stepTurns.get(s)!)}t`).join(" ");
      const kindTurns = [...by.keys()].map((k) => `${k} ${quantile(latencies.filter((l) => kindOf(l) === k).map((l) => l.turns), 0.5)}/${Math.max(...latencies.filter((l) => kindOf(l) === k).map((l) => l.turns))}`).join("; ");
      process.stderr.write(`  loop turns per update (median/max): ${kindTurns}\n`);
      process.stderr.write(`  by kind: ${kinds.join("; ")}\n  slowest 1% (>= ${cut.toFixed(1)} ms): ${JSON.stringify(tail)}\n  check by step (p50/p99 ms, median/max turns): ${stepLine}\n`);
      process.stderr.write(`  gc: ${gc.length} pauses, total ${gc.reduce((a, b) => a + b, 0).toFixed(0)} ms, longest ${Math.max(0, ...gc).toFixed(1)} ms, >5ms ${gc.filter((x) => x > 5).length}; loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} p99 ${(loop.percentile(99) / 1e6).toFixed(1)} max ${(loop.max / 1e6).toFixed(1)} ms\n`);
    },
  };
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
