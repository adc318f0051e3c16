import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEmbeddedStores, openPgStores, type Clock, type Stores, type UnreadableListener } from "../../src/store/index.js";
import { freshDatabase, pgAccess, PG_URL } from "../helpers/pg.js";
import { sqliteAccess, type StoreAccess } from "../helpers/storeAccess.js";

export type { Cell } from "../helpers/storeAccess.js";

/** One engine's stores, plus raw access to what it stored (scans of every cell, one SQL statement with `?`). */
export interface OpenEngine extends StoreAccess {
  stores: Stores;
  /** SQLite: the folder of its files (for scans of their raw bytes); PostgreSQL has none here. */
  dataDir?: string;
  /** The same database again, as after a restart (closes this one first). */
  reopen(key?: Buffer): Promise<OpenEngine>;
  close(): Promise<void>;
}

export interface Engine {
  name: "sqlite" | "postgres";
  /** A new, empty database. */
  open(key: Buffer, clock: Clock, onUnreadable?: UnreadableListener): Promise<OpenEngine>;
}

const sqlite: Engine = {
  name: "sqlite",
  async open(key, clock, onUnreadable) {
    const dir = mkdtempSync(join(tmpdir(), "nomad-kz-engine-"));
    const at = (k: Buffer): OpenEngine => {
      const stores = openEmbeddedStores(dir, k, clock, { onUnreadable });
      return {
        ...sqliteAccess(stores.db),
        stores,
        dataDir: dir,
        reopen: async (k2 = k) => (stores.close(), at(k2)),
        close: async () => stores.close(),
      };
    };
    return at(key);
  },
};

const postgres: Engine = {
  name: "postgres",
  async open(key, clock, onUnreadable) {
    const url = await freshDatabase();
    const at = async (k: Buffer): Promise<OpenEngine> => {
      const stores = await openPgStores(url, k, clock, { onUnreadable, poolSize: 5 });
      return {
        ...pgAccess(url),
        stores,
        reopen: async (k2 = k) => (await stores.close(), at(k2)),
        close: async () => stores.close(),
      };
    };
    return at(key);
  },
};

/** SQLite always; PostgreSQL when a server is available (test/setup/postgres.ts), else skipped loudly. */
export const ENGINES: Engine[] = PG_URL ? [sqlite, postgres] : [sqlite];
/** The engines' names, for tests that build the whole bot on each (createHarness({ engine })). */
export const ENGINE_NAMES: Array<{ engine: Engine["name"] }> = ENGINES.map((e) => ({ engine: e.name }));
