import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bot } from "grammy";
import { sequentialize } from "@grammyjs/runner";
import type { BotContext, BotServices } from "../../src/bot/context.js";
import { lazyFaqSearch } from "../../src/bot/faq/lazySearch.js";
import { createI18n } from "../../src/bot/i18n.js";
import { createBot } from "../../src/bot/index.js";
import { createLogger } from "../../src/logger.js";
import { openEmbeddedStores, type Clock } from "../../src/store/index.js";
import { FastApi } from "./fastApi.js";

/** 2026-11-21 09:00 UTC, moving with real time: dates in replies stay put, rate windows still pass. */
export function benchClock(startIso = "2026-11-21T09:00:00Z"): Clock {
  const start = Date.parse(startIso);
  const t0 = Date.now();
  return { now: () => start + (Date.now() - t0) };
}

export interface RealBot {
  bot: Bot<BotContext>;
  api: FastApi;
  services: BotServices;
  close(): void;
}

/** The real bot (SQLite in a temporary folder, encryption, i18n, conversations) over the fast fake Bot API. */
export async function realBot(clock: Clock = benchClock()): Promise<RealBot> {
  const dataDir = mkdtempSync(join(tmpdir(), "nomad-kz-bench-"));
  const logger = createLogger({ level: "silent" });
  const stores = openEmbeddedStores(dataDir, Buffer.alloc(32, 7), clock);
  const i18n = createI18n();
  const services: BotServices = { stores, i18n, logger, clock, faq: lazyFaqSearch(i18n, clock) };
  const api = new FastApi();
  const bot = createBot("123456:BENCH-TOKEN-abcdefghijklmnopqrstuvwxyz", services, {
    botInfo: api.botInfo as never,
    client: { fetch: api.fetch as never },
    retry: { sleep: () => Promise.resolve() },
    // With the fake answering at once, a /check step can wait for every other update in flight (see
    // FastApi.deferred); on a loaded machine that passed the watchdog's 30 s, which then gave the step up
    // and the round scored zero. The watchdog is for hung Bot API calls, which the fake never has.
    stepIdleMs: 300_000,
  });
  await bot.init();
  return {
    bot,
    api,
    services,
    close: () => {
      stores.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The framework alone: sequentialize per chat (as the real bot and the runner need), reply "ok". */
export async function bareBot(): Promise<{ bot: Bot; api: FastApi }> {
  const api = new FastApi();
  const bot = new Bot("123456:BENCH-TOKEN-abcdefghijklmnopqrstuvwxyz", { botInfo: api.botInfo as never, client: { fetch: api.fetch as never } });
  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
  bot.on("message", (ctx) => ctx.reply("ok"));
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  await bot.init();
  return { bot, api };
}

