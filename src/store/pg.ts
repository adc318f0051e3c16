import { AsyncLocalStorage } from "node:async_hooks";
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
  /**
   * Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on a throw) on one client of the pool; inside a
   * unit of work (`unit`), a savepoint of the unit's transaction instead.
   */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` as one unit of work: every query and `tx` of this database made anywhere inside `fn` (its
   * whole async call tree: session, conversation state, milestones, reminders, inbox) runs in one
   * transaction on `client` (already inside BEGIN), so it all commits together or not at all. If any query
   * inside failed (the transaction is then aborted), the unit throws `UnitFailedError` and the caller rolls back.
   * Nested inside another unit: a savepoint of it, rolled back when `fn` throws or a query inside failed.
   */
  unit<T>(fn: () => Promise<T>, client?: pg.PoolClient): Promise<T>;
  /** Whether the caller runs inside a unit of work. */
  inUnit(): boolean;
  /** Runs `fn` outside any unit of work: its queries commit on their own at once (attempt counters, replay logs). */
  outside<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A query inside a unit of work failed: PostgreSQL aborted the unit's transaction, nothing of it can commit. */
export class UnitFailedError extends Error {
  override name = "UnitFailedError";
  constructor(override readonly cause: unknown) {
    super(`a query inside the unit of work failed (${cause instanceof Error ? cause.message : String(cause)}); its transaction was rolled back`);
  }
}

/** The transaction that the queries of one unit of work share. */
interface Unit {
  client: pg.PoolClient;
  /** False once the unit committed or rolled back: a straggler (a step the watchdog gave up) goes to the pool. */
  open: boolean;
  /** The first query error not undone by a savepoint (the transaction is aborted until then). */
  failed?: unknown;
  savepoints: number;
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
  const db = unitsOf(pool);
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

const listening = new WeakSet<pg.PoolClient>();
/**
 * A checked-out client whose connection is cut (the server restarted, the backend was terminated) emits
 * `error`; unheard, that would end the process. The query in progress fails all the same, which is what
 * the caller sees; the broken client is then not given back to the pool.
 */
function quiet(client: pg.PoolClient): pg.PoolClient {
  if (!listening.has(client)) {
    listening.add(client);
    client.on("error", () => {});
  }
  return client;
}

/**
 * The pool's queries and transactions, aware of units of work. A unit is found through AsyncLocalStorage (the
 * same mechanism the step watchdog uses per update), so the stores keep their plain `db.query` and need no
 * transaction handed through every call; a query that runs after its unit ended falls back to the pool.
 */
function unitsOf(pool: pg.Pool): PgDb {
  const units = new AsyncLocalStorage<Unit>();
  const current = () => {
    const unit = units.getStore();
    return unit?.open ? unit : undefined;
  };
  /** A query on the unit's client; an error marks the unit failed (PostgreSQL aborted its transaction). */
  const inUnit = (unit: Unit): Queryable => ({
    query: (text, values) =>
      unit.client.query(text, values as unknown[]).catch((err: unknown) => {
        unit.failed ??= err;
        throw err;
      }) as never,
  });
  /** `fn` inside a savepoint of `unit`: rolled back to it when `fn` throws or a query inside it failed. */
  const savepoint = async <T>(unit: Unit, fn: () => Promise<T>): Promise<T> => {
    const name = `sp${++unit.savepoints}`;
    await inUnit(unit).query(`SAVEPOINT ${name}`);
    let out: T;
    try {
      out = await fn();
      if (unit.failed !== undefined) throw new UnitFailedError(unit.failed);
    } catch (err) {
      await unit.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      unit.failed = undefined;
      throw err;
    }
    await inUnit(unit).query(`RELEASE SAVEPOINT ${name}`);
    return out;
  };
  const db: PgDb = {
    pool,
    query: (text, values) => {
      const unit = current();
      return unit ? inUnit(unit).query(text, values) : pool.query(text, values as unknown[]);
    },
    tx: async (fn) => {
      const unit = current();
      if (unit) return savepoint(unit, () => fn(inUnit(unit)));
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
    unit: async (fn, given) => {
      const outer = current();
      if (outer && !given) return savepoint(outer, fn);
      const client = given ?? quiet(await pool.connect());
      const unit: Unit = { client, open: true, savepoints: 0 };
      let broken = false;
      try {
        if (!given) await client.query("BEGIN");
        const out = await units.run(unit, fn);
        if (unit.failed !== undefined) throw new UnitFailedError(unit.failed);
        unit.open = false;
        await client.query("COMMIT");
        return out;
      } catch (err) {
        broken = true;
        unit.open = false;
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        unit.open = false;
        if (!given) client.release(broken);
      }
    },
    inUnit: () => current() !== undefined,
    outside: (fn) => units.exit(fn),
    close: () => pool.end(),
  };
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
 * A chat's lock across every instance on this database: a transaction-scoped advisory lock, and that
 * transaction is the unit of work of `fn` (`PgDb.unit`): everything `fn` writes through `db` commits with
 * the lock's release, or not at all. If the instance dies, its connection closes and PostgreSQL rolls the
 * transaction back and releases the lock, so a dead holder never blocks the chat and leaves nothing half
 * written. The locks have their own small pool (at most `max` chats at once): waiters hold those
 * connections, never the main pool's, so what a holder does outside its unit (attempt counters, replay
 * logs) always finds a connection.
 */
export function pgChatLocks(db: PgDb, url: string, max = 10) {
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 0 });
  pool.on("error", () => {});
  const lock = async <T>(chatKey: number, fn: () => Promise<T>): Promise<T> => {
    const client = quiet(await pool.connect());
    let broken = true;
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('chat:' || $1::text, 0))", [chatKey]);
      const out = await db.unit(fn, client);
      broken = false;
      return out;
    } finally {
      // `unit` committed or rolled back; a client whose connection failed is not reused.
      client.release(broken);
    }
  };
  return { lock, close: () => pool.end() };
}
