import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Sealer } from "./crypto.js";

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
];

export class DataKeyMismatchError extends Error {
  override name = "DataKeyMismatchError";
}

const CANARY = "nomad-kz data key check";

/**
 * Opens (creating if needed) the embedded database in `dataDir`, in WAL mode, migrated to the
 * current schema, and checks that `sealer` holds the key the data was written with.
 */
export function openDatabase(dataDir: string, sealer: Sealer): SqliteDb {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  checkKey(db, sealer);
  return db;
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
