import type { Sealer } from "./crypto.js";
import type { OpenedCaches } from "./openedCache.js";
import { ActivityDays, DAY_MS, erasureTargets, exportPersonalData, KV_TABLE, otherPersonTables, personColumnsOf, type PersonalDataDeps, type PersonalRows } from "./personalDataWalk.js";
import type { SqliteDb } from "./sqlite.js";
import type { Clock, PersonalDataExport, PersonalDataStore } from "./types.js";

export { PERSON_COLUMNS, type PersonalDataDeps } from "./personalDataWalk.js";
/** Tables that hold nothing about any person. */
export const IMPERSONAL_TABLES = new Set(["meta"]);

/** Every table of the database and the columns by which its rows refer to a person. */
export function personColumns(db: SqliteDb): Map<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  const out = new Map<string, string[]>();
  for (const { name } of tables) {
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>).map((c) => c.name);
    out.set(name, personColumnsOf(name, columns));
  }
  return out;
}

/**
 * The SQLite side of a person's data. Erasure is generic: it walks sqlite_master and deletes from
 * every table by its person column, so a table added later is covered without touching this file
 * (a test fails if a table has no such column and is not declared impersonal). What both engines
 * share (the walk, the export document, the activity day) is in src/store/personalDataWalk.ts.
 */
export class SqlitePersonalData implements PersonalDataStore {
  private readonly activity = new ActivityDays();
  /** The statements of every update's path, prepared on first use (the tables exist by then) and kept. */
  private prepared?: ReturnType<SqlitePersonalData["prepare"]>;

  private statements() {
    return (this.prepared ??= this.prepare());
  }

  private prepare() {
    return {
      touch: this.db.prepare(
        "INSERT INTO activity (user_id, seen_day) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET seen_day = excluded.seen_day WHERE seen_day < excluded.seen_day",
      ),
      anyUnread: this.db.prepare("SELECT 1 FROM unreadable WHERE user_id = ? AND told = 0 LIMIT 1").pluck(),
      unread: this.db.prepare("SELECT DISTINCT source FROM unreadable WHERE user_id = ? AND told = 0 ORDER BY source"),
      markTold: this.db.prepare("UPDATE unreadable SET told = 1 WHERE user_id = ?"),
    };
  }

  constructor(
    private readonly db: SqliteDb,
    private readonly stores: PersonalDataDeps,
    private readonly clock: Clock,
    private readonly sealer: Sealer,
    /** The stores' memory of decrypted values: an erased person's go with their rows. */
    private readonly caches?: OpenedCaches,
  ) {}

  async erase(userId: number): Promise<number> {
    const removed = this.db.transaction(() => {
      let n = 0;
      for (const { table, column, value } of erasureTargets(personColumns(this.db), userId)) {
        n += this.db.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`).run(value).changes;
      }
      return n;
    })();
    this.activity.forget(userId);
    this.caches?.forget(userId);
    // secure_delete zeroed the rows in their pages; a checkpoint writes those pages back and empties the
    // write-ahead log, so no copy of the erased ciphertexts is left in the files.
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    return removed;
  }

  async export(userId: number): Promise<PersonalDataExport> {
    return exportPersonalData(userId, this.stores, this.rowsOf(userId), this.clock, this.sealer);
  }

  /** The person's rows the export needs beyond what the stores give. */
  private rowsOf(userId: number): PersonalRows {
    const tables = personColumns(this.db);
    const seen = this.db.prepare("SELECT seen_day FROM activity WHERE user_id = ?").get(userId) as { seen_day: number } | undefined;
    return {
      seenDay: seen?.seen_day,
      unreadable: this.db.prepare("SELECT source, found_at FROM unreadable WHERE user_id = ? ORDER BY id").all(userId) as PersonalRows["unreadable"],
      inbox: tables.has("inbox")
        ? (this.db.prepare("SELECT update_id, payload, done, received_at FROM inbox WHERE user_id = ? OR chat_id = ? ORDER BY update_id").all(userId, userId) as PersonalRows["inbox"])
        : [],
      otherTables: otherPersonTables(tables).map(([table, columns]) => [
        table,
        this.db.prepare(`SELECT * FROM "${table}" WHERE ${columns.map((c) => `"${c}" = ?`).join(" OR ")}`).all(...columns.map(() => userId)) as Array<Record<string, unknown>>,
      ]),
    };
  }

  async touch(userId: number, now: number): Promise<void> {
    const day = this.activity.due(userId, now);
    if (day === undefined) return;
    this.statements().touch.run(userId, day);
    this.activity.recorded(userId, day);
  }

  async inactiveSince(cutoff: number, limit: number): Promise<number[]> {
    const rows = this.db
      .prepare(
        // seen_day is the start of the last active day: the person counts as active to its end.
        `SELECT a.user_id FROM activity a WHERE a.seen_day + ${DAY_MS} <= ?
         AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.user_id = a.user_id AND r.due_at >= ?)
         ORDER BY a.seen_day LIMIT ?`,
      )
      .all(cutoff, cutoff, limit) as Array<{ user_id: number }>;
    return rows.map((r) => r.user_id);
  }

  async takeUnreadable(userId: number): Promise<string[]> {
    // Asked on every update of a private chat, and almost always there is nothing: one prepared SELECT answers
    // that, and only a person with something to be told pays the transaction that reads and marks it.
    const st = this.statements();
    if (st.anyUnread.get(userId) === undefined) return [];
    return this.db.transaction(() => {
      const rows = st.unread.all(userId) as Array<{ source: string }>;
      if (rows.length) st.markTold.run(userId);
      return rows.map((r) => r.source);
    })();
  }

  async sweepUnreadable(cutoff: number): Promise<number> {
    return this.db.prepare("DELETE FROM unreadable WHERE found_at < ?").run(cutoff).changes;
  }
}

/**
 * Gives everyone who has data but no activity day (rows from before activity was recorded) the
 * day `now`, so the 12-month sweep counts from the upgrade and never deletes anyone early.
 */
export function seedActivity(db: SqliteDb, now: number): void {
  const day = Math.floor(now / DAY_MS) * DAY_MS;
  const insert = db.prepare("INSERT OR IGNORE INTO activity (user_id, seen_day) VALUES (?, ?)");
  db.transaction(() => {
    for (const [table, columns] of personColumns(db)) {
      if (table === "activity") continue;
      for (const column of columns) {
        const ids =
          table === KV_TABLE
            ? (db.prepare("SELECT DISTINCT key AS id FROM kv").all() as Array<{ id: string }>).map((r) => r.id).filter((k) => /^-?\d{1,16}$/.test(k)).map(Number)
            : (db.prepare(`SELECT DISTINCT "${column}" AS id FROM "${table}" WHERE "${column}" IS NOT NULL`).all() as Array<{ id: number }>).map((r) => r.id);
        for (const id of ids) if (Number.isSafeInteger(id)) insert.run(id, day);
      }
    }
  })();
}
