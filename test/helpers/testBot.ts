import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Bot } from "grammy";
import { createBot, type BotOptions } from "../../src/bot/index.js";
import type { BotContext, BotServices } from "../../src/bot/context.js";
import { lazyFaqSearch } from "../../src/bot/faq/lazySearch.js";
import type { FaqSearch } from "../../src/bot/faq/search/index.js";
import { createI18n } from "../../src/bot/i18n.js";
import { BotApiEmulator } from "../../src/local/botApiEmulator.js";
import type { RetryPolicy } from "../../src/bot/transport/index.js";
import { createLogger } from "../../src/logger.js";
import { openEmbeddedStores, type Clock, type Stores } from "../../src/store/index.js";

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(private ms: number = Date.parse("2026-11-21T09:00:00Z")) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

export const TEST_KEY = Buffer.alloc(32, 7);

/** One FAQ index per test file: building it renders every answer in four languages. */
let sharedFaq: (() => FaqSearch) | undefined;

export interface Harness {
  bot: Bot<BotContext>;
  api: BotApiEmulator;
  services: BotServices;
  clock: FakeClock;
  dataDir: string;
  logs: string[];
  /** Builds a new bot over the same data folder, as after a process restart. */
  restart(): Promise<Harness>;
  close(): void;
}

export interface HarnessOptions {
  dataDir?: string;
  clock?: FakeClock;
  logLevel?: "debug" | "info" | "silent";
  /** The emulated Bot API to talk to; a fresh one by default. */
  api?: BotApiEmulator;
  /** Retry policy overrides; by default retries do not wait (no real sleeps in tests). */
  retry?: Partial<RetryPolicy>;
  /** Stores to use instead of a temporary SQLite folder (e.g. PostgreSQL); the caller closes them. */
  stores?: Stores;
  /** More bot options: the step watchdog's `stepIdleMs`, client options beside the emulator's fetch. */
  bot?: Pick<BotOptions, "stepIdleMs" | "client">;
}

/** Builds the real bot over a temporary SQLite folder, a fake clock and the emulated Bot API. */
export async function createHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "nomad-kz-test-"));
  const clock = opts.clock ?? new FakeClock();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger({ level: opts.logLevel ?? "debug", destination: sink });
  const stores = opts.stores ?? openEmbeddedStores(dataDir, TEST_KEY, clock, { onUnreadable: (e) => logger.warn(e, "stored data could not be read; set aside") });
  const i18n = createI18n();
  sharedFaq ??= lazyFaqSearch(i18n, clock);
  const services: BotServices = { stores, i18n, logger, clock, faq: sharedFaq };
  const api = opts.api ?? new BotApiEmulator(undefined, () => clock.now());
  const bot = createBot("123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz", services, {
    botInfo: api.botInfo,
    client: { ...opts.bot?.client, fetch: api.fetch as never },
    retry: { sleep: () => Promise.resolve(), ...opts.retry },
    ...(opts.bot?.stepIdleMs !== undefined ? { stepIdleMs: opts.bot.stepIdleMs } : {}),
  });
  await bot.init();
  const harness: Harness = {
    bot,
    api,
    services,
    clock,
    dataDir,
    logs,
    restart: async () => {
      if (!opts.stores) stores.close();
      return createHarness({ ...opts, api: undefined, dataDir, clock });
    },
    close: () => {
      if (!opts.stores) stores.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
