/**
 * Reminders on PostgreSQL: due reminders claimed, rendered, sent and committed back to back with the
 * rate limit lifted, as `reminders.ts` does on SQLite. The server is BENCH_DATABASE_URL, else a throwaway
 * one from scripts/pg-test-server.sh (initdb on loopback, stopped at the end); with neither, no figure.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { Api } from "grammy";
import pg from "pg";
import { createI18n } from "../src/bot/i18n.js";
import { createLogger } from "../src/logger.js";
import { ReminderDispatcher } from "../src/reminders/dispatcher.js";
import { reminderSender } from "../src/reminders/sendReminder.js";
import { openPgStores } from "../src/store/index.js";
import { FastApi } from "./lib/fastApi.js";
import { quick, report, summary } from "./lib/stats.js";

const TOTAL = quick ? 4_000 : 20_000;
const PER_USER = 4;
/** The rate limit lifted: what is measured is the claim, the rendering, the send and the commit. */
const NO_LIMITS = { globalGapMs: 0, perChatGapMs: 0, perSecond: Infinity };
const MAX_S = quick ? 10 : 30;
const ROUNDS = 3;
const root = new URL("..", import.meta.url).pathname;

let url = process.env.BENCH_DATABASE_URL ?? "";
let started = false;
if (!url) {
  try {
    url = execFileSync("bash", ["scripts/pg-test-server.sh", "start"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, PG_TEST_NO_INSTALL: "1", PG_TEST_OWNER: String(process.pid) } }).trim();
    started = url !== "";
  } catch {
    url = "";
  }
}
if (!url) {
  process.stderr.write("no PostgreSQL server (set BENCH_DATABASE_URL or install postgresql): no figure\n");
  report({ reminders_per_s_postgres: null });
  process.exit(0);
}

try {
  const fixed = Date.parse("2026-11-21T09:00:00Z"); // 14:00 in Almaty: no quiet hours
  const clock = { now: () => fixed };
  const logger = createLogger({ level: "silent" });
  const stores = await openPgStores(url, Buffer.alloc(32, 7), clock);
  const t0 = Date.now();
  for (let u = 0; u < TOTAL / PER_USER; u++) {
    await stores.reminders.replacePlan(
      5_000_000 + u,
      Array.from({ length: PER_USER }, (_, i) => ({
        deadlineId: "registration",
        offsetId: `d${i}`,
        dueAt: fixed - (i + 1) * 60_000,
        deadlineEnd: Date.parse("2026-12-20T18:59:59Z"),
        payload: { deadlineId: "registration", date: "2026-12-20" },
      })),
    );
  }
  process.stderr.write(`seeded ${TOTAL} reminders in ${Date.now() - t0} ms\n`);
  const api = new FastApi();
  const send = reminderSender(new Api("123:BENCH", { fetch: api.fetch as never } as never), createI18n(), clock);
  const d = new ReminderDispatcher({ reminders: stores.reminders, users: stores.users, send, clock, sleep: async () => undefined, idle: async () => undefined, logger, limits: NO_LIMITS });
  // Transactions the server committed (every statement outside a transaction is one): the round trips that
  // write. The server publishes its counters within a second of a transaction, hence the pause before a read.
  const stats = new pg.Client({ connectionString: url });
  await stats.connect();
  // The server's CPU (its processes on this machine; exited backends count in the postmaster's children's
  // time): what a reminder costs the server besides this process. Undefined for a server elsewhere.
  const serverPid = await (async () => {
    try {
      const backend = (await stats.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      return Number(readFileSync(`/proc/${backend}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
    } catch {
      return undefined;
    }
  })();
  const serverCpuUs = () => {
    if (serverPid === undefined) return NaN;
    const tick = 1e6 / 100; // USER_HZ
    const fields = (pid: number | string) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    let total = 0;
    const own = fields(serverPid);
    total += (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) * tick;
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const f = fields(pid);
        if (Number(f[1]) === serverPid) total += (Number(f[11]) + Number(f[12])) * tick;
      } catch {
        // gone meanwhile
      }
    }
    return total;
  };
  const commits = async () => {
    await new Promise((r) => setTimeout(r, 1_100));
    const { rows } = await stats.query<{ n: string }>("SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()");
    return Number(rows[0]!.n);
  };
  // A warm-up (the JIT, the pool's connections, the named statements), then rounds of the rest, each timed alone.
  const warmUp = quick ? 500 : 1_000;
  const perRound = Math.floor((TOTAL - warmUp) / ROUNDS);
  const rates: number[] = [];
  let sent = 0;
  let measured = 0;
  let cpuUs = 0;
  const start = process.hrtime.bigint();
  const run = async (upTo: number) => {
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const from = sent;
    for (;;) {
      const out = await d.tick();
      sent += out.filter((o) => o === "sent").length;
      if (out.length === 0 || sent >= upTo || Number(process.hrtime.bigint() - start) / 1e9 > MAX_S) break;
    }
    const cpu = process.cpuUsage(cpu0);
    return { n: sent - from, seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuUs: cpu.user + cpu.system };
  };
  await run(warmUp);
  const commits0 = await commits();
  const server0 = serverCpuUs();
  for (let i = 0; i < ROUNDS; i++) {
    const r = await run(warmUp + (i + 1) * perRound);
    if (r.n === 0) break;
    rates.push(r.n / r.seconds);
    measured += r.n;
    cpuUs += r.cpuUs;
    process.stderr.write(`PostgreSQL round ${i + 1}: sent ${r.n} in ${r.seconds.toFixed(1)} s: ${(r.n / r.seconds).toFixed(0)}/s, ${(r.cpuUs / r.n).toFixed(0)} us of CPU each in this process\n`);
  }
  const serverUs = serverCpuUs() - server0;
  const perReminder = (await commits()) - commits0 - 1; // the first read's own transaction
  const per = (x: number) => Math.round((x / Math.max(1, measured)) * 100) / 100;
  process.stderr.write(
    `PostgreSQL: ${ROUNDS} rounds after ${warmUp} of warm-up, median ${summary(rates).median.toFixed(0)}/s; ${per(cpuUs).toFixed(0)} us of CPU a reminder in this process and ${per(serverUs).toFixed(0)} us in the server's; ${per(perReminder)} server commits a reminder\n`,
  );
  await stats.end();
  await stores.close();
  report({
    reminders_per_s_postgres: summary(rates),
    reminders_count_postgres: sent,
    reminder_cpu_us_postgres: Math.round(per(cpuUs)),
    reminder_commits_postgres: per(perReminder),
    reminder_server_cpu_us_postgres: Number.isFinite(serverUs) ? Math.round(per(serverUs)) : null,
  });
} finally {
  if (started) execFileSync("bash", ["scripts/pg-test-server.sh", "stop", url], { cwd: root, stdio: "ignore" });
}
