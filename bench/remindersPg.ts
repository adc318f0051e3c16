/**
 * Reminders on PostgreSQL: due reminders claimed, rendered, sent and committed back to back with the
 * rate limit lifted, as `reminders.ts` does on SQLite. The server is BENCH_DATABASE_URL, else a throwaway
 * one from scripts/pg-test-server.sh (initdb on loopback, stopped at the end); with neither, no figure.
 */
import { execFileSync } from "node:child_process";
import { Api } from "grammy";
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
  const start = process.hrtime.bigint();
  let sent = 0;
  for (;;) {
    const out = await d.tick();
    if (out.length === 0 || Number(process.hrtime.bigint() - start) / 1e9 > MAX_S) break;
    sent += out.filter((o) => o === "sent").length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stderr.write(`PostgreSQL: sent ${sent} in ${seconds.toFixed(1)} s: ${(sent / seconds).toFixed(0)}/s\n`);
  await stores.close();
  report({ reminders_per_s_postgres: summary([sent / seconds]), reminders_count_postgres: sent });
} finally {
  if (started) execFileSync("bash", ["scripts/pg-test-server.sh", "stop", url], { cwd: root, stdio: "ignore" });
}
