import pg from "pg";
import type { Sealer } from "./crypto.js";
import { DataKeyMismatchError, StoredDataError } from "./sqlite.js";

/** Anything that runs a query: the pool, or one client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** The PostgreSQL database: a pool, transactions on one client of it, and a clean close. */
export interface PgDb extends Queryable {
  pool: pg.Pool;
  /** Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on a throw) on one client of the pool. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Schema steps for PostgreSQL, numbered as SQLite's (src/store/sqlite.ts): step N here brings the same tables
 * as step N there, so one number says where either engine stands. PostgreSQL never had the old reminders layout,
 * so its step 2 creates only `reminder_users` and step 3 the sealed `reminders` table directly; step 3 also
 * creates `reminder_budget`, the send budget that several instances share (one process keeps it in memory).
 * Append, never edit.
 */
export const PG_MIGRATIONS: string[] = [
  `CREATE TABLE meta (name TEXT PRIMARY KEY, value BYTEA NOT NULL);
   CREATE TABLE kv (ns TEXT NOT NULL, key TEXT NOT NULL, value BYTEA NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (ns, key));
   CREATE INDEX kv_updated ON kv (ns, updated_at);
   CREATE TABLE users (user_id BIGINT PRIMARY KEY, prefs BYTEA NOT NULL, updated_at BIGINT NOT NULL);`,
  `CREATE TABLE reminder_users (user_id BIGINT PRIMARY KEY, paused INTEGER NOT NULL DEFAULT 0);`,
  `CREATE TABLE reminders (
     id BIGSERIAL PRIMARY KEY,
     user_id BIGINT NOT NULL,
     slot BYTEA NOT NULL,
     deadline_tag BYTEA NOT NULL,
     due_at BIGINT NOT NULL,
     sealed BYTEA NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'sent', 'expired', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     claimed_at BIGINT,
     UNIQUE (user_id, slot)
   );
   CREATE INDEX reminders_due ON reminders (status, due_at);
   CREATE INDEX reminders_deadline ON reminders (user_id, deadline_tag);
   CREATE TABLE activity (user_id BIGINT PRIMARY KEY, seen_day BIGINT NOT NULL);
   CREATE TABLE unreadable (
     id BIGSERIAL PRIMARY KEY,
     user_id BIGINT,
     source TEXT NOT NULL,
     value BYTEA NOT NULL,
     found_at BIGINT NOT NULL,
     told INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX unreadable_user ON unreadable (user_id, told);
   CREATE TABLE reminder_budget (id INTEGER PRIMARY KEY CHECK (id = 1), next_at BIGINT NOT NULL);
   INSERT INTO reminder_budget (id, next_at) VALUES (1, 0);`,
  `CREATE TABLE inbox (
     update_id BIGINT PRIMARY KEY,
     user_id BIGINT,
     chat_id BIGINT,
     payload BYTEA,
     attempts INTEGER NOT NULL DEFAULT 0,
     done INTEGER NOT NULL DEFAULT 0,
     received_at BIGINT NOT NULL
   );
   CREATE INDEX inbox_pending ON inbox (done, update_id);
   CREATE INDEX inbox_user ON inbox (user_id);
   CREATE INDEX inbox_chat ON inbox (chat_id, update_id) WHERE done = 0;`,
  `CREATE TABLE reminder_deadlines (user_id BIGINT NOT NULL, deadline_tag BYTEA NOT NULL, sealed BYTEA NOT NULL, PRIMARY KEY (user_id, deadline_tag));`,
];

/** Tables of the PostgreSQL schema that hold nothing about any person. */
export const PG_IMPERSONAL_TABLES = new Set(["meta", "schema_migrations", "reminder_budget"]);

/** Any fixed number: the advisory lock that lets only one starting instance migrate at a time. */
const MIGRATION_LOCK = 7_130_013;
const CANARY = "nomad-kz data key check";

/** BIGINT columns (user ids, epoch milliseconds) as numbers: every value we store is below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/**
 * Connects to PostgreSQL at `url` with a pool, migrates the schema under an advisory lock (two instances
 * starting together migrate once: the second waits, then finds nothing left to do), and checks that `sealer`
 * holds the key the data was written with.
 */
export async function openPgDatabase(url: string, sealer: Sealer, options: { max?: number } = {}): Promise<PgDb> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20, types, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const db: PgDb = {
    pool,
    query: (text, values) => pool.query(text, values as unknown[]),
    tx: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn(client);
        await client.query("COMMIT");
        return out;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  try {
    await migrate(db);
    await checkKey(db, sealer);
  } catch (err) {
    await pool.end().catch(() => {});
    if (err instanceof DataKeyMismatchError) throw err;
    const where = url.replace(/\/\/[^@/]*@/, "//");
    throw new StoredDataError(`Cannot use the PostgreSQL database at ${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return db;
}

/** Applies the steps not applied yet, each in its own transaction, while holding the migration lock. */
export async function migrate(db: PgDb): Promise<number> {
  const client = await db.pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
    const { rows } = await client.query<{ v: number | null }>("SELECT MAX(version) AS v FROM schema_migrations");
    const current = rows[0]?.v ?? 0;
    for (let i = current; i < PG_MIGRATIONS.length; i++) {
      await client.query("BEGIN");
      try {
        await client.query(PG_MIGRATIONS[i]!);
        await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [i + 1, Date.now()]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      }
    }
    return PG_MIGRATIONS.length - current;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

async function checkKey(db: PgDb, sealer: Sealer): Promise<void> {
  await db.query("INSERT INTO meta (name, value) VALUES ('key_check', $1) ON CONFLICT (name) DO NOTHING", [sealer.seal(CANARY, "meta:key_check")]);
  const { rows } = await db.query<{ value: Buffer }>("SELECT value FROM meta WHERE name = 'key_check'");
  try {
    if (sealer.open(rows[0]!.value, "meta:key_check") === CANARY) return;
  } catch {
    // fall through to the error below
  }
  throw new DataKeyMismatchError("Invalid setting DATA_KEY: it is not the key this database was written with (restore the original key or use another DATABASE_URL)");
}

/**
 * A chat's lock across every instance on this database: a transaction-scoped advisory lock, held while `fn`
 * runs. If the instance dies, its connection closes and PostgreSQL releases the lock, so a dead holder never
 * blocks the chat. The locks have their own small pool: a holder's work queries the main pool, so holders
 * waiting for connections can never starve the work that would release them (at most `max` chats at once).
 */
export function pgChatLocks(url: string, max = 10) {
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 0 });
  pool.on("error", () => {});
  const lock = async <T>(chatKey: number, fn: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('chat:' || $1::text, 0))", [chatKey]);
      return await fn();
    } catch (err) {
      broken = true;
      throw err;
    } finally {
      await client.query(broken ? "ROLLBACK" : "COMMIT").catch(() => {});
      client.release();
    }
  };
  return { lock, close: () => pool.end() };
}
