import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEmbeddedStores, openPgStores, type Clock, type Stores, type UnreadableListener } from "../../src/store/index.js";
import { everyCell } from "../helpers/personalSession.js";
import { freshDatabase, PG_URL, pgCells, pgRaw } from "../helpers/pg.js";

export interface Cell {
  table: string;
  column: string;
  value: unknown;
}

/** One engine's stores, plus raw access to what it stored (for scans and for damaging a row). */
export interface OpenEngine {
  stores: Stores;
  /** Every cell of every table, as stored. */
  cells(): Promise<Cell[]>;
  /** One SQL statement with `?` placeholders, run on the engine itself. */
  sql(text: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
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
      const self: OpenEngine = {
        stores,
        cells: async () => everyCell(stores.db),
        sql: async (text, params = []) => {
          const st = stores.db.prepare(text);
          return st.reader ? (st.all(...params) as Array<Record<string, unknown>>) : (st.run(...params), []);
        },
        reopen: async (k2 = k) => (stores.close(), at(k2)),
        close: async () => stores.close(),
      };
      return self;
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
        stores,
        cells: () => pgCells(url),
        sql: (text, params = []) => {
          let n = 0;
          return pgRaw(url, text.replace(/\?/g, () => `$${++n}`), params);
        },
        reopen: async (k2 = k) => (await stores.close(), at(k2)),
        close: async () => stores.close(),
      };
    };
    return at(key);
  },
};

/** SQLite always; PostgreSQL when a server is available (test/setup/postgres.ts), else skipped loudly. */
export const ENGINES: Engine[] = PG_URL ? [sqlite, postgres] : [sqlite];
