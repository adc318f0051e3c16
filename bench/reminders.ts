/**
 * Reminders: 100,000 due reminders claimed, rendered, sent and committed with the rate limit lifted
 * (SQLite); then a burst at Telegram's real limit against a Bot API that answers 429 past 30 a second,
 * while 20 people chat. `--burst` runs the burst alone, `--no-burst` everything but the burst; `--send-ms N` makes the burst's Bot API answer after
 * N ms, as Telegram over the network does (0 by default: at once).
 */
import { Api } from "grammy";
import { ReminderDispatcher } from "../src/reminders/dispatcher.js";
import { InteractiveGate } from "../src/reminders/interactiveGate.js";
import { reminderSender } from "../src/reminders/sendReminder.js";
import { play, type Script } from "./lib/driver.js";
import { FastApi } from "./lib/fastApi.js";
import { realBot } from "./lib/realBot.js";
import { quantile, quick, report, summary } from "./lib/stats.js";

const TOTAL = quick ? 10_000 : 100_000;
const PER_USER = 4;
/** The rate limit lifted: what is measured is the claim, the rendering, the send and the commit. */
const NO_LIMITS = { globalGapMs: 0, perChatGapMs: 0, perSecond: Infinity };
const BURST_S = quick ? 15 : 60;
const burstOnly = process.argv.includes("--burst");
const noBurst = process.argv.includes("--no-burst");
const sendMsArg = process.argv.indexOf("--send-ms");
const SEND_MS = sendMsArg > 0 ? Number(process.argv[sendMsArg + 1]) : 0;

const fixed = Date.parse("2026-11-21T09:00:00Z"); // 14:00 in Almaty: no quiet hours
const clock = { now: () => fixed };
const rb = await realBot(clock);
const { stores, i18n, logger } = rb.services;

async function seed(firstUser: number, reminders: number): Promise<void> {
  for (let u = 0; u < reminders / PER_USER; u++) {
    const rows = Array.from({ length: PER_USER }, (_, i) => ({
      deadlineId: "registration",
      offsetId: `d${i}`,
      dueAt: fixed - (i + 1) * 60_000,
      deadlineEnd: Date.parse("2026-12-20T18:59:59Z"),
      payload: { deadlineId: "registration", date: "2026-12-20" },
    }));
    await stores.reminders.replacePlan(firstUser + u, rows);
  }
}

/** Ticks back to back until nothing is due or `maxSeconds` have passed (a slow build would take hours). */
async function drain(send: (row: never, opts: never) => Promise<void>, maxSeconds = quick ? 10 : 40): Promise<{ sent: number; seconds: number; cpuUs: number }> {
  const d = new ReminderDispatcher({ reminders: stores.reminders, users: stores.users, send, clock, sleep: async () => undefined, idle: async () => undefined, logger, limits: NO_LIMITS });
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let sent = 0;
  for (;;) {
    const out = await d.tick();
    if (out.length === 0 || Number(process.hrtime.bigint() - t0) / 1e9 > maxSeconds) break;
    sent += out.filter((o) => o === "sent").length;
  }
  const cpu = process.cpuUsage(cpu0);
  // CPU time per reminder moves less than the rate when other processes share the cores.
  return { sent, seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuUs: (cpu.user + cpu.system) / Math.max(1, sent) };
}

const drains: Record<string, unknown> = {};
if (!burstOnly) {
  const api = new FastApi();
  const sender = reminderSender(new Api("123:BENCH", { fetch: api.fetch as never } as never), i18n, clock);
  const t0 = Date.now();
  await seed(5_000_000, TOTAL);
  process.stderr.write(`seeded ${TOTAL} reminders in ${Date.now() - t0} ms\n`);
  const full = await drain(sender as never);
  process.stderr.write(`sent ${full.sent} in ${full.seconds.toFixed(1)} s: ${(full.sent / full.seconds).toFixed(0)}/s, ${full.cpuUs.toFixed(0)} us of CPU each\n`);
  await seed(6_000_000, TOTAL / 10);
  const noop = await drain((async () => undefined) as never);
  process.stderr.write(`no-op send: ${(noop.sent / noop.seconds).toFixed(0)}/s, ${noop.cpuUs.toFixed(0)} us of CPU each\n`);
  Object.assign(drains, {
    reminders_per_s_sqlite: summary([full.sent / full.seconds]),
    reminders_count: full.sent,
    reminders_per_s_noop_send: summary([noop.sent / noop.seconds]),
    reminder_cpu_us: Math.round(full.cpuUs),
    reminder_cpu_us_noop_send: Math.round(noop.cpuUs),
  });
}

const burst: Record<string, unknown> = noBurst ? {} : await runBurst();
rb.close();

/** The burst: real time, real timers, a Bot API enforcing 30 sends in any second. */
async function runBurst(): Promise<Record<string, unknown>> {
  // The burst: real time, real timers, a Bot API enforcing 30 sends in any second.
  const live = await realBot();
  const stamps: number[] = [];
  /** When each accepted send reached the Bot API: the gaps between them show what a stall cost. */
  const sendTimes: number[] = [];
  let got429 = 0;
  const limited = new FastApi();
  const limitedFetch = async (input: unknown, init?: { body?: unknown }) => {
    const now = Date.now();
    while (stamps.length && stamps[0]! <= now - 1000) stamps.shift();
    if (stamps.length >= 30) {
      got429++;
      return { json: async () => ({ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }) };
    }
    stamps.push(now);
    sendTimes.push(now);
    if (SEND_MS > 0) await new Promise((r) => setTimeout(r, SEND_MS)); // the answer's way back over the network
    return limited.fetch(input, init);
  };
  await (async () => {
    for (let u = 0; u < 2_500; u++) {
      const rows = Array.from({ length: PER_USER }, (_, i) => ({
        deadlineId: "registration",
        offsetId: `d${i}`,
        dueAt: live.services.clock.now() - (i + 1) * 60_000, // one person's reminders are not all due at once
        deadlineEnd: Date.parse("2026-12-20T18:59:59Z"),
        payload: { deadlineId: "registration", date: "2026-12-20" },
      }));
      await live.services.stores.reminders.replacePlan(7_000_000 + u, rows);
    }
  })();
  const gate = new InteractiveGate();
  let burstSent = 0;
  const burstSend = reminderSender(new Api("123:BENCH", { fetch: limitedFetch as never } as never), live.services.i18n, live.services.clock);
  const dispatcher = new ReminderDispatcher({
    reminders: live.services.stores.reminders,
    users: live.services.stores.users,
    send: async (row, opts) => {
      await burstSend(row, opts);
      burstSent++;
    },
    clock: live.services.clock,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    idle: () => gate.idle(),
    logger,
  });
  const chatter: Script = { name: "chat", lang: "en", kind: "faq", steps: ["how much is the b9-1 visa fee", "/help", "what income do i need for b12-1"].map((text) => ({ text })) };
  // The bot is already running when a burst comes: its FAQ index is built (1-2 s of one synchronous task).
  await play(live.bot as never, live.api, [{ id: 7_999_999, script: chatter }], 1, () => undefined);
  dispatcher.start();
  const progress = setInterval(() => process.stderr.write(`burst: ${burstSent} sent, ${got429} answered 429\n`), 5_000);
  const latencies: number[] = [];
  const until = Date.now() + BURST_S * 1000;
  let id = 8_000_000;
  const startedAt = Date.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (Date.now() < until) {
        const r = await play(live.bot as never, live.api, [{ id: id++, script: chatter }], 1, () => undefined);
        latencies.push(...r.latencies.map((l) => l.ms));
        await new Promise((res) => setTimeout(res, 200)); // a person reads before typing again
      }
    }),
  );
  const elapsed = (Date.now() - startedAt) / 1000;
  // Sends while stop() lets the current batch finish are after the window: not counted.
  const inWindow = burstSent;
  const windowSends = sendTimes.length;
  clearInterval(progress);
  await dispatcher.stop();
  live.close();

  const gaps = sendTimes.slice(1, windowSends).map((t, i) => t - sendTimes[i]!);
  process.stderr.write(
    `burst: ${inWindow} sent in ${elapsed.toFixed(1)} s (${(inWindow / elapsed).toFixed(2)}/s), ${got429} answered 429, gaps p50 ${quantile(gaps, 0.5)} ms, p99 ${quantile(gaps, 0.99)} ms, max ${Math.max(...gaps)} ms, chat p99 ${quantile(latencies, 0.99).toFixed(1)} ms\n`,
  );
  return {
    reminder_burst_send_ms: SEND_MS,
    reminder_burst_rate_per_s: summary([inWindow / elapsed]),
    reminder_burst_429: got429,
    interactive_p99_ms_during_burst: summary([quantile(latencies, 0.99)]),
    burst_seconds: BURST_S,
  };
}

report({ ...drains, ...burst });
