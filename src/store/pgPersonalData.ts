import type { Sealer } from "./crypto.js";
import type { OpenedCaches } from "./openedCache.js";
import type { PgDb, Queryable } from "./pg.js";
import { ActivityDays, DAY_MS, erasureTargets, exportPersonalData, otherPersonTables, personColumnsOf, type PersonalDataDeps, type PersonalRows } from "./personalDataWalk.js";
import type { Clock, PersonalDataExport, PersonalDataStore } from "./types.js";

/** Every table of the schema and the columns by which its rows refer to a person (as personColumns on SQLite). */
export async function pgPersonColumns(q: Queryable): Promise<Map<string, string[]>> {
  const { rows } = await q.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
  );
  const columns = new Map<string, string[]>();
  for (const { table_name: table, column_name: column } of rows) columns.set(table, [...(columns.get(table) ?? []), column]);
  return new Map([...columns].map(([table, all]) => [table, personColumnsOf(table, all)]));
}

/**
 * A person's data on PostgreSQL, as SqlitePersonalData: erasure walks every table of the schema by its person
 * column (a table added later is covered), in one transaction; the export is the same document (both build it
 * with src/store/personalDataWalk.ts).
 * PostgreSQL has no secure_delete: a deleted row's bytes stay in the table file until VACUUM reuses the space
 * (still encrypted with DATA_KEY, and only with it); autovacuum frees it for reuse.
 */
export class PgPersonalData implements PersonalDataStore {
  private readonly activity = new ActivityDays();

  constructor(
    private readonly db: PgDb,
    private readonly stores: PersonalDataDeps,
    private readonly clock: Clock,
    private readonly sealer: Sealer,
    /** The stores' memory of decrypted values: an erased person's go with their rows. */
    private readonly caches?: OpenedCaches,
  ) {}

  async erase(userId: number): Promise<number> {
    const removed = await this.db.tx(async (q) => {
      let n = 0;
      for (const { table, column, value } of erasureTargets(await pgPersonColumns(q), userId)) {
        n += (await q.query(`DELETE FROM "${table}" WHERE "${column}" = $1`, [value])).rowCount ?? 0;
      }
      return n;
    });
    this.activity.forget(userId);
    this.caches?.forget(userId);
    return removed;
  }

  async export(userId: number): Promise<PersonalDataExport> {
    return exportPersonalData(userId, this.stores, await this.rowsOf(userId), this.clock, this.sealer);
  }

  /** The person's rows the export needs beyond what the stores give. */
  private async rowsOf(userId: number): Promise<PersonalRows> {
    const tables = await pgPersonColumns(this.db);
    const seen = (await this.db.query<{ seen_day: number }>("SELECT seen_day FROM activity WHERE user_id = $1", [userId])).rows[0];
    const unreadable = await this.db.query<PersonalRows["unreadable"][number]>("SELECT source, found_at FROM unreadable WHERE user_id = $1 ORDER BY id", [userId]);
    const inbox = await this.db.query<PersonalRows["inbox"][number]>(
      "SELECT update_id, payload, done, received_at FROM inbox WHERE user_id = $1 OR chat_id = $1 ORDER BY update_id",
      [userId],
    );
    const otherTables: PersonalRows["otherTables"] = [];
    for (const [table, columns] of otherPersonTables(tables)) {
      otherTables.push([table, (await this.db.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE ${columns.map((c) => `"${c}" = $1`).join(" OR ")}`, [userId])).rows]);
    }
    return { seenDay: seen?.seen_day, unreadable: unreadable.rows, inbox: inbox.rows, otherTables };
  }

  async touch(userId: number, now: number): Promise<void> {
    const day = this.activity.due(userId, now);
    if (day === undefined) return;
    await this.db.query(
      `INSERT INTO activity (user_id, seen_day) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET seen_day = excluded.seen_day WHERE activity.seen_day < excluded.seen_day`,
      [userId, day],
    );
    this.activity.recorded(userId, day);
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
