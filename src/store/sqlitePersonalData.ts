import type { Sealer } from "./crypto.js";
import type { ReminderStore } from "./reminders.js";
import type { SqliteDb } from "./sqlite.js";
import type { Clock, KeyValueStore, PersonalDataExport, PersonalDataStore, UserStore } from "./types.js";

/** Columns that say whose a row is. A new table refers to its person by one of these (or is listed below). */
export const PERSON_COLUMNS = ["user_id", "chat_id"] as const;
/** Tables that hold nothing about any person. */
export const IMPERSONAL_TABLES = new Set(["meta"]);
/** The kv table names its person by `key` (the user id, or the chat id, which is the same in a private chat). */
const KV_TABLE = "kv";
/** Tables the export renders itself; any other table with a person column goes to `other_tables`. */
const EXPORTED_BY_NAME = new Set(["kv", "users", "reminders", "reminder_users", "reminder_deadlines", "activity", "unreadable", "inbox"]);

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number | null | undefined) => (typeof ms === "number" ? new Date(ms).toISOString() : null);

/** Every table of the database and the columns by which its rows refer to a person. */
export function personColumns(db: SqliteDb): Map<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  const out = new Map<string, string[]>();
  for (const { name } of tables) {
    if (name === KV_TABLE) {
      out.set(name, ["key"]);
      continue;
    }
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>).map((c) => c.name);
    out.set(name, columns.filter((c) => (PERSON_COLUMNS as readonly string[]).includes(c)));
  }
  return out;
}

export interface PersonalDataDeps {
  users: UserStore;
  reminders: ReminderStore;
  sessions: KeyValueStore<unknown>;
  conversations: KeyValueStore<unknown>;
  milestones: KeyValueStore<unknown>;
  outcomes: KeyValueStore<unknown>;
  documents: KeyValueStore<unknown>;
  alerts: KeyValueStore<unknown>;
}

/**
 * The SQLite side of a person's data. Erasure is generic: it walks sqlite_master and deletes from
 * every table by its person column, so a table added later is covered without touching this file
 * (a test fails if a table has no such column and is not declared impersonal).
 */
export class SqlitePersonalData implements PersonalDataStore {
  /** Day last recorded per person in this process, so activity costs one write a day, not one per update. */
  private readonly touched = new Map<number, number>();

  constructor(
    private readonly db: SqliteDb,
    private readonly stores: PersonalDataDeps,
    private readonly clock: Clock,
    private readonly sealer: Sealer,
  ) {}

  async erase(userId: number): Promise<number> {
    const removed = this.db.transaction(() => {
      let n = 0;
      for (const [table, columns] of personColumns(this.db)) {
        for (const column of columns) {
          const value = table === KV_TABLE ? String(userId) : userId;
          n += this.db.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`).run(value).changes;
        }
      }
      return n;
    })();
    this.touched.delete(userId);
    // secure_delete zeroed the rows in their pages; a checkpoint writes those pages back and empties the
    // write-ahead log, so no copy of the erased ciphertexts is left in the files.
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    return removed;
  }

  async export(userId: number): Promise<PersonalDataExport> {
    const { users, reminders, sessions, conversations, milestones, outcomes, documents, alerts } = this.stores;
    const key = String(userId);
    const seen = this.db.prepare("SELECT seen_day FROM activity WHERE user_id = ?").get(userId) as { seen_day: number } | undefined;
    const unreadable = this.db.prepare("SELECT source, found_at FROM unreadable WHERE user_id = ? ORDER BY id").all(userId) as Array<{
      source: string;
      found_at: number;
    }>;
    return {
      user_id: userId,
      exported_at: iso(this.clock.now())!,
      settings: await users.get(userId),
      last_active_day: seen ? iso(seen.seen_day)!.slice(0, 10) : null,
      milestones: (await milestones.read(key)) ?? null,
      last_outcome: (await outcomes.read(key)) ?? null,
      documents: (await documents.read(key)) ?? null,
      rule_alerts: (await alerts.read(key)) ?? null,
      reminders: (await reminders.all(userId)).map((r) => ({
        deadline: r.deadlineId,
        offset: r.offsetId,
        deadline_date: r.payload.date,
        ...(r.payload.latestPossible ? { latest_possible: true, limited_by: r.payload.limitedBy } : {}),
        status: r.status,
        due_at: iso(r.dueAt),
        planned_at: iso(r.plannedAt),
        deadline_end: iso(r.deadlineEnd),
        sent_at: iso(r.sentAt),
        attempts: r.attempts,
      })),
      reminders_paused: await reminders.isPaused(userId),
      reminder_choices: (await reminders.choices(userId)).map((c) => ({ ...c })),
      session: (await sessions.read(key)) ?? null,
      conversation: (await conversations.read(key)) ?? null,
      unreadable: unreadable.map((u) => ({ source: u.source, found_at: iso(u.found_at)! })),
      inbox: this.inbox(userId),
      other_tables: this.otherTables(userId),
    };
  }

  /** Updates of the person waiting in the polling inbox (src/store/sqliteInbox.ts seals them with `inbox:<update_id>`). */
  private inbox(userId: number): PersonalDataExport["inbox"] {
    if (!personColumns(this.db).has("inbox")) return [];
    const rows = this.db
      .prepare("SELECT update_id, payload, done, received_at FROM inbox WHERE user_id = ? OR chat_id = ? ORDER BY update_id")
      .all(userId, userId) as Array<{ update_id: number; payload: Buffer | null; done: number; received_at: number }>;
    return rows.map((r) => {
      let update: unknown = null;
      if (r.payload) {
        try {
          update = JSON.parse(this.sealer.open(r.payload, `inbox:${r.update_id}`));
        } catch {
          update = "(damaged: could not be read)";
        }
      }
      return { update_id: r.update_id, received_at: iso(r.received_at)!, handled: r.done === 1, update };
    });
  }

  private otherTables(userId: number): PersonalDataExport["other_tables"] {
    const out: PersonalDataExport["other_tables"] = {};
    for (const [table, columns] of personColumns(this.db)) {
      if (EXPORTED_BY_NAME.has(table) || columns.length === 0) continue;
      const where = columns.map((c) => `"${c}" = ?`).join(" OR ");
      const rows = this.db.prepare(`SELECT * FROM "${table}" WHERE ${where}`).all(...columns.map(() => userId)) as Array<Record<string, unknown>>;
      if (rows.length) out[table] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString("base64") : v])));
    }
    return out;
  }

  async touch(userId: number, now: number): Promise<void> {
    const day = Math.floor(now / DAY_MS) * DAY_MS;
    if (this.touched.get(userId) === day) return;
    if (this.touched.size > 50_000) this.touched.clear();
    this.db
      .prepare("INSERT INTO activity (user_id, seen_day) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET seen_day = excluded.seen_day WHERE seen_day < excluded.seen_day")
      .run(userId, day);
    this.touched.set(userId, day);
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
    return this.db.transaction(() => {
      const rows = this.db.prepare("SELECT DISTINCT source FROM unreadable WHERE user_id = ? AND told = 0 ORDER BY source").all(userId) as Array<{ source: string }>;
      if (rows.length) this.db.prepare("UPDATE unreadable SET told = 1 WHERE user_id = ?").run(userId);
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
