import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Bot } from "grammy";
import { afterAll } from "vitest";
import { createBot, type BotOptions } from "../../src/bot/index.js";
import type { BotContext, BotServices } from "../../src/bot/context.js";
import { lazyFaqSearch } from "../../src/bot/faq/lazySearch.js";
import type { FaqSearch } from "../../src/bot/faq/search/index.js";
import { createI18n } from "../../src/bot/i18n.js";
import { BotApiEmulator } from "../../src/local/botApiEmulator.js";
import type { RetryPolicy } from "../../src/bot/transport/index.js";
import { createLogger } from "../../src/logger.js";
import { openEmbeddedStores, openPgStores, type Clock, type Stores } from "../../src/store/index.js";
import { sqliteAccess, type StoreAccess } from "./storeAccess.js";

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

/**
 * The engine under the bot in these tests: `TEST_ENGINE=postgres` puts every harness on its own fresh database on
 * the test PostgreSQL server (test/setup/postgres.ts), SQLite in a temporary folder otherwise. `.ci/run` runs the
 * suite once with each.
 */
export const TEST_ENGINE: "sqlite" | "postgres" = process.env.TEST_ENGINE === "postgres" ? "postgres" : "sqlite";

/** The PostgreSQL database of each data folder in this file, so a restart over the same folder finds its data. */
const pgDatabaseOf = new Map<string, string>();
/** One migrated, empty database per test file that each harness's database is copied from. */
let pgTemplate: Promise<string> | undefined;

async function pgDatabaseFor(dataDir: string, clock: Clock): Promise<string> {
  const known = pgDatabaseOf.get(dataDir);
  if (known) return known;
  const pg = await import("./pg.js");
  if (!pg.PG_URL) throw new Error("TEST_ENGINE=postgres, but no PostgreSQL server could be started for the tests (see the message above)");
  pgTemplate ??= (async () => {
    const url = await pg.freshDatabase();
    await (await openPgStores(url, TEST_KEY, clock, { poolSize: 1, lockPoolSize: 1 })).close();
    return url;
  })();
  const url = await pg.cloneDatabase(await pgTemplate);
  pgDatabaseOf.set(dataDir, url);
  return url;
}

async function openTestStores(engine: "sqlite" | "postgres", dataDir: string, clock: Clock, onUnreadable: NonNullable<Parameters<typeof openEmbeddedStores>[3]>["onUnreadable"]): Promise<{ stores: Stores; access: StoreAccess }> {
  if (engine === "sqlite") {
    const stores = openEmbeddedStores(dataDir, TEST_KEY, clock, { onUnreadable });
    return { stores, access: sqliteAccess(stores.db) };
  }
  const url = await pgDatabaseFor(dataDir, clock);
  const { pgAccess } = await import("./pg.js");
  return { stores: await openPgStores(url, TEST_KEY, clock, { onUnreadable, poolSize: 4, lockPoolSize: 4 }), access: pgAccess(url) };
}

// Databases of harnesses over a given data folder (restarts) and the template go when the test file ends.
afterAll(async () => {
  if (pgTemplate) await (await import("./pg.js")).dropTestDatabases();
});

/** Drops the PostgreSQL database of a data folder once its harness is closed for good. */
async function dropPgDatabaseOf(dataDir: string): Promise<void> {
  const url = pgDatabaseOf.get(dataDir);
  if (!url) return;
  pgDatabaseOf.delete(dataDir);
  await (await import("./pg.js")).dropTestDatabase(url);
}

/** One FAQ index per test file: building it renders every answer in four languages. */
let sharedFaq: (() => FaqSearch) | undefined;

export interface Harness {
  bot: Bot<BotContext>;
  api: BotApiEmulator;
  services: BotServices;
  clock: FakeClock;
  dataDir: string;
  logs: string[];
  /** The engine under the bot (TEST_ENGINE) and raw access to what it stored: every cell, one SQL statement. */
  store: StoreAccess;
  /** Builds a new bot over the same data folder, as after a process restart. */
  restart(): Promise<Harness>;
  /** Closes the stores (and, on PostgreSQL, drops the harness's database unless `dataDir` was given). Never rejects. */
  close(): Promise<void>;
}

export interface HarnessOptions {
  dataDir?: string;
  clock?: FakeClock;
  logLevel?: "debug" | "info" | "silent";
  /** The emulated Bot API to talk to; a fresh one by default. */
  api?: BotApiEmulator;
  /** Retry policy overrides; by default retries do not wait (no real sleeps in tests). */
  retry?: Partial<RetryPolicy>;
  /** The engine of the harness's own stores; TEST_ENGINE by default. */
  engine?: "sqlite" | "postgres";
  /** Stores to use instead of the harness's own (SQLite folder or PostgreSQL database); the caller closes them. */
  stores?: Stores;
  /** More bot options: the step watchdog's `stepIdleMs`, client options beside the emulator's fetch. */
  bot?: Pick<BotOptions, "stepIdleMs" | "client">;
}

/**
 * Builds the real bot over fresh stores (SQLite in a temporary folder, or its own PostgreSQL database with
 * TEST_ENGINE=postgres), a fake clock and the emulated Bot API.
 */
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
  const own = opts.stores ? undefined : await openTestStores(opts.engine ?? TEST_ENGINE, dataDir, clock, (e) => logger.warn(e, "stored data could not be read; set aside"));
  const stores = opts.stores ?? own!.stores;
  const store = own?.access ?? accessOf(stores);
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
    store,
    restart: async () => {
      if (!opts.stores) await stores.close();
      return createHarness({ ...opts, api: undefined, dataDir, clock });
    },
    close: async () => {
      try {
        if (!opts.stores) await stores.close();
        if (!opts.dataDir) {
          rmSync(dataDir, { recursive: true, force: true });
          await dropPgDatabaseOf(dataDir);
        }
      } catch (err) {
        logs.push(`closing the harness failed: ${String(err)}`);
      }
    },
  };
  return harness;
}

/** Raw access to stores a test passed in: SQLite ones carry their database; others have none to offer. */
function accessOf(stores: Stores): StoreAccess {
  const db = (stores as Partial<{ db: import("../../src/store/sqlite.js").SqliteDb }>).db;
  if (db) return sqliteAccess(db);
  const none = () => Promise.reject(new Error("these stores were passed in without raw access: read them through their interfaces"));
  return { engine: stores.engine, cells: none, sql: none, personColumns: none, impersonal: new Set() };
}
