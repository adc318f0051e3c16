/**
 * Resident memory of the real bot over a database of 100,000 people with preferences and 300,000 scheduled
 * reminders (20,000 and 60,000 with --quick): seeded by this process, measured in a fresh one that opens the
 * same folder, builds the bot and the FAQ index, answers a few updates and runs a dispatcher tick.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api } from "grammy";
import type { BotServices } from "../src/bot/context.js";
import { lazyFaqSearch } from "../src/bot/faq/lazySearch.js";
import { createI18n } from "../src/bot/i18n.js";
import { createBot } from "../src/bot/index.js";
import { createLogger } from "../src/logger.js";
import { ReminderDispatcher } from "../src/reminders/dispatcher.js";
import { reminderSender } from "../src/reminders/sendReminder.js";
import { openEmbeddedStores } from "../src/store/index.js";
import { play } from "./lib/driver.js";
import { FastApi } from "./lib/fastApi.js";
import { benchClock } from "./lib/realBot.js";
import { quick, report } from "./lib/stats.js";

const KEY = Buffer.alloc(32, 7);
const USERS = quick ? 20_000 : 100_000;
const measureDir = process.argv[process.argv.indexOf("--measure") + 1];

if (process.argv.includes("--measure") && measureDir) {
  const clock = benchClock();
  const logger = createLogger({ level: "silent" });
  const stores = openEmbeddedStores(measureDir, KEY, clock);
  const i18n = createI18n();
  const services: BotServices = { stores, i18n, logger, clock, faq: lazyFaqSearch(i18n, clock) };
  const api = new FastApi();
  const bot = createBot("123456:BENCH-TOKEN-abcdefghijklmnopqrstuvwxyz", services, { botInfo: api.botInfo as never, client: { fetch: api.fetch as never } });
  await bot.init();
  services.faq();
  const script = { name: "x", lang: "en", kind: "faq" as const, steps: ["/start", "how much is the b9-1 fee", "/check", "Germany"].map((text) => ({ text })) };
  await play(bot as never, api, Array.from({ length: 50 }, (_, i) => ({ id: 1 + i, script })), 10, () => undefined);
  const d = new ReminderDispatcher({ reminders: stores.reminders, users: stores.users, send: reminderSender(new Api("1:B", { fetch: api.fetch as never } as never), i18n, clock), clock, sleep: async () => undefined, idle: async () => undefined, logger });
  await d.tick();
  globalThis.gc?.();
  process.stdout.write(`RSS ${process.memoryUsage().rss}\n`);
  stores.close();
} else {
  const dir = mkdtempSync(join(tmpdir(), "nomad-kz-bench-rss-"));
  const clock = benchClock();
  const stores = openEmbeddedStores(dir, KEY, clock);
  const t0 = Date.now();
  const langs = ["en", "ru", "kk", "de"] as const;
  for (let u = 1; u <= USERS; u++) {
    await stores.users.update(u, { seenLocale: langs[u % 4], timezone: "Asia/Almaty" });
    const rows = Array.from({ length: 3 }, (_, i) => ({
      deadlineId: "registration",
      offsetId: `d${i}`,
      dueAt: clock.now() + (u % 90) * 86_400_000 + i * 3_600_000,
      deadlineEnd: Date.parse("2027-03-20T18:59:59Z"),
      payload: { deadlineId: "registration", date: "2027-03-20" },
    }));
    await stores.reminders.replacePlan(u, rows);
  }
  stores.close();
  process.stderr.write(`seeded ${USERS} people and ${USERS * 3} reminders in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const out = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", new URL(import.meta.url).pathname, "--measure", dir], { encoding: "utf8" });
    const m = /RSS (\d+)/.exec(out.stdout);
    if (m) runs.push(Number(m[1]) / 2 ** 20);
    else process.stderr.write(out.stderr.slice(-1000));
  }
  rmSync(dir, { recursive: true, force: true });
  const sorted = [...runs].sort((a, b) => a - b);
  report({ rss_mb_100k_users: { median: sorted[1] ?? sorted[0] ?? NaN, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, rounds: runs.map((x) => Math.round(x)) }, rss_people: USERS, rss_reminders: USERS * 3 });
}
