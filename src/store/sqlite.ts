import Database from "better-sqlite3";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Sealer } from "./crypto.js";
import { convertLegacyReminders } from "./sqliteReminders.js";

export type SqliteDb = Database.Database;

export const DATABASE_FILE = "nomad-kz.sqlite";

/** Schema steps, applied in order; PRAGMA user_version records how many ran. Append, never edit. */
const MIGRATIONS: string[] = [
  `CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
   CREATE TABLE kv (
     ns TEXT NOT NULL,
     key TEXT NOT NULL,
     value BLOB NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (ns, key)
   );
   CREATE INDEX kv_updated ON kv (ns, updated_at);
   CREATE TABLE users (
     user_id INTEGER PRIMARY KEY,
     prefs BLOB NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
  `CREATE TABLE reminders (
     id INTEGER PRIMARY KEY,
     user_id INTEGER NOT NULL,
     deadline_id TEXT NOT NULL,
     offset_id TEXT NOT NULL,
     due_at INTEGER NOT NULL,
     planned_at INTEGER NOT NULL,
     deadline_end INTEGER NOT NULL,
     payload BLOB NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'sent', 'expired', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     claimed_at INTEGER,
     sent_at INTEGER,
     UNIQUE (user_id, deadline_id, offset_id)
   );
   CREATE INDEX reminders_due ON reminders (status, due_at);
   CREATE TABLE reminder_users (
     user_id INTEGER PRIMARY KEY,
     paused INTEGER NOT NULL DEFAULT 0
   );`,
  // Issue 9: the deadline and its dates leave the clear columns of reminders (the rows are re-sealed in
  // code by convertLegacyReminders, which needs the key); the day of last activity for the 12-month sweep;
  // rows that failed to decrypt are set aside, not left in the way.
  `DROP INDEX reminders_due;
   ALTER TABLE reminders RENAME TO reminders_legacy;
   CREATE TABLE reminders (
     id INTEGER PRIMARY KEY,
     user_id INTEGER NOT NULL,
     slot BLOB NOT NULL,
     deadline_tag BLOB NOT NULL,
     due_at INTEGER NOT NULL,
     sealed BLOB NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'sent', 'expired', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     claimed_at INTEGER,
     UNIQUE (user_id, slot)
   );
   CREATE INDEX reminders_due ON reminders (status, due_at);
   CREATE INDEX reminders_deadline ON reminders (user_id, deadline_tag);
   CREATE TABLE activity (
     user_id INTEGER PRIMARY KEY,
     seen_day INTEGER NOT NULL
   );
   CREATE TABLE unreadable (
     id INTEGER PRIMARY KEY,
     user_id INTEGER,
     source TEXT NOT NULL,
     value BLOB NOT NULL,
     found_at INTEGER NOT NULL,
     told INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX unreadable_user ON unreadable (user_id, told);`,
  `CREATE TABLE inbox (
     update_id INTEGER PRIMARY KEY,
     user_id INTEGER,
     chat_id INTEGER,
     payload BLOB,
     attempts INTEGER NOT NULL DEFAULT 0,
     done INTEGER NOT NULL DEFAULT 0,
     received_at INTEGER NOT NULL
   );
   CREATE INDEX inbox_pending ON inbox (done, update_id);
   CREATE INDEX inbox_user ON inbox (user_id);`,
  // Issue 10: what a person chose per deadline (mute, done, deleted reminders, lead times), sealed, so that
  // replanning keeps it; found by the same keyed deadline tag as the reminders.
  `CREATE TABLE reminder_deadlines (
     user_id INTEGER NOT NULL,
     deadline_tag BLOB NOT NULL,
     sealed BLOB NOT NULL,
     PRIMARY KEY (user_id, deadline_tag)
   );`,
];

export class DataKeyMismatchError extends Error {
  override name = "DataKeyMismatchError";
}

/** The database file is damaged, empty or missing where data should be: the bot stops rather than start empty. */
export class StoredDataError extends Error {
  override name = "StoredDataError";
}

const CANARY = "nomad-kz data key check";
const CORRUPTION_CODES = new Set(["SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CORRUPT_INDEX", "SQLITE_CORRUPT_SEQUENCE", "SQLITE_CORRUPT_VTAB"]);

/**
 * Opens (creating if needed) the embedded database in `dataDir`, in WAL mode, checks its pages
 * (PRAGMA quick_check), migrates it to the current schema, and checks that `sealer` holds the key
 * the data was written with. A zero-length file or damaged pages stop with a message naming the file.
 */
export function openDatabase(dataDir: string, sealer: Sealer, now: () => number = Date.now): SqliteDb {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE);
  if (existsSync(file) && statSync(file).size === 0) {
    throw new StoredDataError(
      `The database file ${file} is empty (0 bytes), so the data it held is gone or was never written. Restore it from a backup; if you really mean to start with no data, delete the file.`,
    );
  }
  let db: SqliteDb | undefined;
  try {
    db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    // Deleted rows are overwritten with zeros, so an erased person's ciphertexts do not linger in free pages.
    db.pragma("secure_delete = ON");
    checkPages(db, file);
    migrate(db);
    checkKey(db, sealer);
    convertLegacyReminders(db, sealer, now());
    return db;
  } catch (err) {
    db?.close();
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && CORRUPTION_CODES.has(code)) {
      throw new StoredDataError(`The database file ${file} is damaged (${code}). Restore it from a backup; the bot did not start, so nothing more was changed.`);
    }
    throw err;
  }
}

function checkPages(db: SqliteDb, file: string): void {
  const rows = db.pragma("quick_check(5)") as Array<{ quick_check: string }>;
  if (rows.length === 1 && rows[0]!.quick_check === "ok") return;
  const first = (rows[0]?.quick_check ?? "no answer").slice(0, 200);
  throw new StoredDataError(
    `The database file ${file} is damaged (PRAGMA quick_check: ${first}). Restore it from a backup; the bot did not start, so nothing more was changed.`,
  );
}

function migrate(db: SqliteDb): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let i = current; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}

function checkKey(db: SqliteDb, sealer: Sealer): void {
  const row = db.prepare("SELECT value FROM meta WHERE name = 'key_check'").get() as { value: Buffer } | undefined;
  if (!row) {
    db.prepare("INSERT INTO meta (name, value) VALUES ('key_check', ?)").run(sealer.seal(CANARY, "meta:key_check"));
    return;
  }
  try {
    if (sealer.open(row.value, "meta:key_check") === CANARY) return;
  } catch {
    // fall through to the error below
  }
  throw new DataKeyMismatchError(
    "Invalid setting DATA_KEY: it is not the key this database was written with (restore the original key or use another DATA_DIR)",
  );
}
