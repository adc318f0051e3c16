import type { Sealer } from "./crypto.js";
import { PG_IMPERSONAL_TABLES, type PgDb, type Queryable } from "./pg.js";
import type { PersonalDataDeps } from "./sqlitePersonalData.js";
import { PERSON_COLUMNS } from "./sqlitePersonalData.js";
import type { Clock, PersonalDataExport, PersonalDataStore } from "./types.js";

const KV_TABLE = "kv";
const EXPORTED_BY_NAME = new Set(["kv", "users", "reminders", "reminder_users", "reminder_deadlines", "activity", "unreadable", "inbox"]);
const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number | null | undefined) => (typeof ms === "number" ? new Date(ms).toISOString() : null);

/** Every table of the schema and the columns by which its rows refer to a person (as personColumns on SQLite). */
export async function pgPersonColumns(q: Queryable): Promise<Map<string, string[]>> {
  const { rows } = await q.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
  );
  const out = new Map<string, string[]>();
  for (const { table_name: table, column_name: column } of rows) {
    if (!out.has(table)) out.set(table, []);
    if (table === KV_TABLE ? column === "key" : (PERSON_COLUMNS as readonly string[]).includes(column)) out.get(table)!.push(column);
  }
  return out;
}

/**
 * A person's data on PostgreSQL, as SqlitePersonalData: erasure walks every table of the schema by its person
 * column (a table added later is covered), in one transaction; the export has the same shape.
 * PostgreSQL has no secure_delete: a deleted row's bytes stay in the table file until VACUUM reuses the space
 * (still encrypted with DATA_KEY, and only with it); autovacuum frees it for reuse.
 */
export class PgPersonalData implements PersonalDataStore {
  private readonly touched = new Map<number, number>();

  constructor(
    private readonly db: PgDb,
    private readonly stores: PersonalDataDeps,
    private readonly clock: Clock,
    private readonly sealer: Sealer,
  ) {}

  async erase(userId: number): Promise<number> {
    const removed = await this.db.tx(async (q) => {
      let n = 0;
      for (const [table, columns] of await pgPersonColumns(q)) {
        for (const column of columns) {
          const value = table === KV_TABLE ? String(userId) : userId;
          n += (await q.query(`DELETE FROM "${table}" WHERE "${column}" = $1`, [value])).rowCount ?? 0;
        }
      }
      return n;
    });
    this.touched.delete(userId);
    return removed;
  }

  async export(userId: number): Promise<PersonalDataExport> {
    const { users, reminders, sessions, conversations, milestones, outcomes, documents, alerts } = this.stores;
    const key = String(userId);
    const seen = (await this.db.query<{ seen_day: number }>("SELECT seen_day FROM activity WHERE user_id = $1", [userId])).rows[0];
    const unreadable = (await this.db.query<{ source: string; found_at: number }>("SELECT source, found_at FROM unreadable WHERE user_id = $1 ORDER BY id", [userId])).rows;
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
      inbox: await this.inbox(userId),
      other_tables: await this.otherTables(userId),
    };
  }

  private async inbox(userId: number): Promise<PersonalDataExport["inbox"]> {
    const { rows } = await this.db.query<{ update_id: number; payload: Buffer | null; done: number; received_at: number }>(
      "SELECT update_id, payload, done, received_at FROM inbox WHERE user_id = $1 OR chat_id = $1 ORDER BY update_id",
      [userId],
    );
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

  private async otherTables(userId: number): Promise<PersonalDataExport["other_tables"]> {
    const out: PersonalDataExport["other_tables"] = {};
    for (const [table, columns] of await pgPersonColumns(this.db)) {
      if (EXPORTED_BY_NAME.has(table) || PG_IMPERSONAL_TABLES.has(table) || columns.length === 0) continue;
      const where = columns.map((c) => `"${c}" = $1`).join(" OR ");
      const { rows } = await this.db.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE ${where}`, [userId]);
      if (rows.length) out[table] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString("base64") : v])));
    }
    return out;
  }

  async touch(userId: number, now: number): Promise<void> {
    const day = Math.floor(now / DAY_MS) * DAY_MS;
    if (this.touched.get(userId) === day) return;
    if (this.touched.size > 50_000) this.touched.clear();
    await this.db.query(
      `INSERT INTO activity (user_id, seen_day) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET seen_day = excluded.seen_day WHERE activity.seen_day < excluded.seen_day`,
      [userId, day],
    );
    this.touched.set(userId, day);
  }

  async inactiveSince(cutoff: number, limit: number): Promise<number[]> {
    const { rows } = await this.db.query<{ user_id: number }>(
      `SELECT a.user_id FROM activity a WHERE a.seen_day + ${DAY_MS} <= $1
       AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.user_id = a.user_id AND r.due_at >= $1)
       ORDER BY a.seen_day LIMIT $2`,
      [cutoff, limit],
    );
    return rows.map((r) => r.user_id);
  }

  async takeUnreadable(userId: number): Promise<string[]> {
    const { rows } = await this.db.query<{ source: string }>(
      `WITH told AS (UPDATE unreadable SET told = 1 WHERE user_id = $1 AND told = 0 RETURNING source)
       SELECT DISTINCT source FROM told ORDER BY source`,
      [userId],
    );
    return rows.map((r) => r.source);
  }

  async sweepUnreadable(cutoff: number): Promise<number> {
    return (await this.db.query("DELETE FROM unreadable WHERE found_at < $1", [cutoff])).rowCount ?? 0;
  }
}
