import type { Sealer } from "./crypto.js";
import type { ReminderStore } from "./reminders.js";
import type { Clock, KeyValueStore, PersonalDataExport, UserStore } from "./types.js";

/**
 * What the SQLite and PostgreSQL personal-data stores share: which columns say whose a row is, what erasure
 * deletes, how the /mydata document is put together from the rows an engine reads, and the activity day.
 * The engines only read and delete rows in their own SQL (src/store/sqlitePersonalData.ts, pgPersonalData.ts).
 */

/** Columns that say whose a row is. A new table refers to its person by one of these (or is declared impersonal). */
export const PERSON_COLUMNS = ["user_id", "chat_id"] as const;
/** The kv table names its person by `key` (the user id, or the chat id, which is the same in a private chat). */
export const KV_TABLE = "kv";
/** Tables the export renders itself; any other table with a person column goes to `other_tables`. */
const EXPORTED_BY_NAME = new Set(["kv", "users", "reminders", "reminder_users", "reminder_deadlines", "activity", "unreadable", "inbox"]);

export const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number | null | undefined) => (typeof ms === "number" ? new Date(ms).toISOString() : null);

/** The columns of `table` (given all of its columns) by which its rows refer to a person. */
export function personColumnsOf(table: string, columns: readonly string[]): string[] {
  return table === KV_TABLE ? columns.filter((c) => c === "key") : columns.filter((c) => (PERSON_COLUMNS as readonly string[]).includes(c));
}

/** What erasing `userId` deletes: every person column of every table, with the value that names them there. */
export function erasureTargets(tables: Map<string, string[]>, userId: number): Array<{ table: string; column: string; value: string | number }> {
  return [...tables].flatMap(([table, columns]) => columns.map((column) => ({ table, column, value: table === KV_TABLE ? String(userId) : userId })));
}

/** Tables whose rows of the person the export gives as stored, not knowing them by name. */
export function otherPersonTables(tables: Map<string, string[]>): Array<[table: string, columns: string[]]> {
  return [...tables].filter(([table, columns]) => !EXPORTED_BY_NAME.has(table) && columns.length > 0);
}

/** The stores the export reads through their interfaces (so values come out decrypted, as the bot sees them). */
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

/** The rows of one person an engine reads in its own SQL for the export. */
export interface PersonalRows {
  /** The start of their last active day. */
  seenDay: number | undefined;
  unreadable: Array<{ source: string; found_at: number }>;
  /** Their updates in the inbox, sealed with `inbox:<update_id>` (src/store/*Inbox.ts). */
  inbox: Array<{ update_id: number; payload: Buffer | null; done: number; received_at: number }>;
  /** Rows of the tables `otherPersonTables` names, as stored. */
  otherTables: Array<[table: string, rows: Array<Record<string, unknown>>]>;
}

/** The /mydata document of `userId`: the same on both engines. */
export async function exportPersonalData(userId: number, deps: PersonalDataDeps, rows: PersonalRows, clock: Clock, sealer: Sealer): Promise<PersonalDataExport> {
  const { users, reminders, sessions, conversations, milestones, outcomes, documents, alerts } = deps;
  const key = String(userId);
  const other: PersonalDataExport["other_tables"] = {};
  for (const [table, found] of rows.otherTables) {
    if (found.length) other[table] = found.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString("base64") : v])));
  }
  return {
    user_id: userId,
    exported_at: iso(clock.now())!,
    settings: await users.get(userId),
    last_active_day: rows.seenDay !== undefined ? iso(rows.seenDay)!.slice(0, 10) : null,
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
    unreadable: rows.unreadable.map((u) => ({ source: u.source, found_at: iso(u.found_at)! })),
    inbox: rows.inbox.map((r) => {
      let update: unknown = null;
      if (r.payload) {
        try {
          update = JSON.parse(sealer.open(r.payload, `inbox:${r.update_id}`));
        } catch {
          update = "(damaged: could not be read)";
        }
      }
      return { update_id: r.update_id, received_at: iso(r.received_at)!, handled: r.done === 1, update };
    }),
    other_tables: other,
  };
}

/** The day last recorded per person in this process, so activity costs one write a day, not one per update. */
export class ActivityDays {
  private readonly days = new Map<number, number>();

  /** The day to record for `userId` at `now`, or undefined when it is recorded already. */
  due(userId: number, now: number): number | undefined {
    const day = Math.floor(now / DAY_MS) * DAY_MS;
    return this.days.get(userId) === day ? undefined : day;
  }

  recorded(userId: number, day: number): void {
    if (this.days.size > 50_000) this.days.clear();
    this.days.set(userId, day);
  }

  forget(userId: number): void {
    this.days.delete(userId);
  }
}
