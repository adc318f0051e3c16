import type { Statement } from "better-sqlite3";
import type { Sealer } from "./crypto.js";
import { plansOf, type DeadlineChoices, type DeadlinePlan, type PlanChanges, type PlannedRow, type ReminderPayload, type ReminderRow, type ReminderStore } from "./reminders.js";
import type { SqliteDb } from "./sqlite.js";
import type { Quarantine } from "./unreadable.js";

/**
 * What a reminder row keeps in clear: its owner, when it is due (rounded to the minute: the
 * scheduler queries it), its status and attempts. Which deadline it is for, its offset and dates
 * are sealed; `slot` and `deadline_tag` are keyed HMACs that find rows by deadline without naming it.
 * `reminder_deadlines` keeps, sealed the same way, what the person chose per deadline (mute, done, deleted
 * offsets, lead times) and the date they chose it for, so a replan never undoes a choice.
 */
interface Raw {
  id: number;
  user_id: number;
  due_at: number;
  sealed: Buffer;
  status: ReminderRow["status"];
  attempts: number;
}

export interface Sealed {
  deadlineId: string;
  offsetId: string;
  plannedAt: number;
  deadlineEnd: number;
  payload: ReminderPayload;
  sentAt?: number;
  snoozed?: true;
}

/** A row from its clear columns and its opened sealed part (both engines store the same columns). */
export function rowOf(r: Omit<Raw, "sealed">, s: Sealed): ReminderRow {
  return {
    id: r.id,
    userId: r.user_id,
    deadlineId: s.deadlineId,
    offsetId: s.offsetId,
    dueAt: r.due_at,
    plannedAt: s.plannedAt,
    deadlineEnd: s.deadlineEnd,
    payload: s.payload,
    status: r.status,
    attempts: r.attempts,
    ...(s.sentAt === undefined ? {} : { sentAt: s.sentAt }),
    ...(s.snoozed ? { snoozed: true as const } : {}),
  };
}

/** A claimed row's sealed part with its sent time, rebuilt from the row (as `rows` opened it). */
export function sealedOf(row: ReminderRow, sentAt: number): Sealed {
  return {
    deadlineId: row.deadlineId,
    offsetId: row.offsetId,
    plannedAt: row.plannedAt,
    deadlineEnd: row.deadlineEnd,
    payload: row.payload,
    sentAt,
    ...(row.snoozed ? { snoozed: true as const } : {}),
  };
}

const MINUTE_MS = 60_000;
/** Due times are stored to the minute (never later than asked), so they say less about a person's dates. */
export const toMinute = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

const slotText = (userId: number, deadlineId: string, offsetId: string) => `reminder-slot:${userId}:${deadlineId}:${offsetId}`;
const deadlineText = (userId: number, deadlineId: string) => `reminder-deadline:${userId}:${deadlineId}`;
const aad = (userId: number, slot: Buffer) => `reminder:${userId}:${slot.toString("hex")}`;
const choicesAad = (userId: number, tag: Buffer) => `reminder-deadline:${userId}:${tag.toString("hex")}`;

/** The embedded reminder store; everything that tells a person's dates is encrypted. */
export class SqliteReminders implements ReminderStore {
  /** The slot (the sealed part's associated data) of each row claimDue handed out, so its mark computes no HMAC. */
  private readonly claimedSlots = new WeakMap<ReminderRow, Buffer>();
  private readonly slotStmt;
  private readonly resealStmt;
  private readonly markStmt;

  constructor(
    private readonly db: SqliteDb,
    private readonly sealer: Sealer,
    private readonly quarantine: Quarantine,
  ) {
    this.slotStmt = db.prepare("SELECT slot FROM reminders WHERE id = ?");
    this.resealStmt = db.prepare("UPDATE reminders SET sealed = ? WHERE id = ?");
    this.markStmt = db.prepare("UPDATE reminders SET status = 'sent', sealed = ? WHERE id = ?");
  }

  /** Statements by their SQL, prepared once: better-sqlite3 compiles the SQL anew on every `prepare`. */
  private readonly statements = new Map<string, Statement>();
  private sql(text: string): Statement {
    let stmt = this.statements.get(text);
    if (!stmt) this.statements.set(text, (stmt = this.db.prepare(text)));
    return stmt;
  }

  private seal(userId: number, slot: Buffer, data: Sealed): Buffer {
    return this.sealer.seal(JSON.stringify(data), aad(userId, slot));
  }

  /** Opens a row's sealed part; an unreadable row is moved to quarantine and treated as absent. */
  private open(r: Raw & { slot?: Buffer }): Sealed | undefined {
    const slot = r.slot ?? (this.slotStmt.get(r.id) as { slot: Buffer } | undefined)?.slot;
    if (!slot) return undefined;
    try {
      return JSON.parse(this.sealer.open(r.sealed, aad(r.user_id, slot))) as Sealed;
    } catch {
      this.db.transaction(() => {
        this.quarantine.put("reminders", r.user_id, r.sealed);
        this.sql("DELETE FROM reminders WHERE id = ?").run(r.id);
      })();
      return undefined;
    }
  }

  private rows(raws: Array<Raw & { slot?: Buffer }>): ReminderRow[] {
    const out: ReminderRow[] = [];
    for (const r of raws) {
      const s = this.open(r);
      if (s) out.push(rowOf(r, s));
    }
    return out;
  }

  /** Rewrites the sealed part of one row (the sent time, a snoozed plan). */
  private reseal(id: number, change: (s: Sealed) => Sealed): void {
    const raw = this.sql("SELECT * FROM reminders WHERE id = ?").get(id) as (Raw & { slot: Buffer }) | undefined;
    const s = raw && this.open(raw);
    if (raw && s) this.resealStmt.run(this.seal(raw.user_id, raw.slot, change(s)), id);
  }

  /** The person's choices per deadline; an unreadable record is set aside and treated as none. */
  private readChoices(userId: number): Map<string, DeadlineChoices> {
    const out = new Map<string, DeadlineChoices>();
    const raws = this.sql("SELECT deadline_tag, sealed FROM reminder_deadlines WHERE user_id = ?").all(userId) as Array<{ deadline_tag: Buffer; sealed: Buffer }>;
    for (const r of raws) {
      try {
        const c = JSON.parse(this.sealer.open(r.sealed, choicesAad(userId, r.deadline_tag))) as DeadlineChoices;
        out.set(c.deadlineId, c);
      } catch {
        this.db.transaction(() => {
          this.quarantine.put("reminder_deadlines", userId, r.sealed);
          this.sql("DELETE FROM reminder_deadlines WHERE user_id = ? AND deadline_tag = ?").run(userId, r.deadline_tag);
        })();
      }
    }
    return out;
  }

  private writeChoices(userId: number, c: DeadlineChoices): void {
    const tag = this.sealer.tag(deadlineText(userId, c.deadlineId));
    this.sql("INSERT INTO reminder_deadlines (user_id, deadline_tag, sealed) VALUES (?, ?, ?) ON CONFLICT (user_id, deadline_tag) DO UPDATE SET sealed = excluded.sealed")
      .run(userId, tag, this.sealer.seal(JSON.stringify(c), choicesAad(userId, tag)));
  }

  private dropChoices(userId: number, deadlineId: string): void {
    this.sql("DELETE FROM reminder_deadlines WHERE user_id = ? AND deadline_tag = ?").run(userId, this.sealer.tag(deadlineText(userId, deadlineId)));
  }

  private insertRow(userId: number, deadlineId: string, offsetId: string, dueAt: number, deadlineEnd: number, payload: ReminderPayload): void {
    const slot = this.sealer.tag(slotText(userId, deadlineId, offsetId));
    const at = toMinute(dueAt);
    const data: Sealed = { deadlineId, offsetId, plannedAt: at, deadlineEnd, payload };
    this.sql(
        `INSERT INTO reminders (user_id, slot, deadline_tag, due_at, sealed) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id, slot) DO NOTHING`,
      )
      .run(userId, slot, this.sealer.tag(deadlineText(userId, deadlineId)), at, this.seal(userId, slot, data));
  }

  async applyPlan(userId: number, plans: DeadlinePlan[]): Promise<PlanChanges> {
    const changes: PlanChanges = { changed: [], removed: [], pending: 0 };
    const dropRow = this.sql("DELETE FROM reminders WHERE id = ?");
    const moveRow = this.sql("UPDATE reminders SET due_at = ? WHERE id = ?");
    this.db.transaction(() => {
      const existing = this.rows(this.sql("SELECT * FROM reminders WHERE user_id = ?").all(userId) as Raw[]);
      const choices = this.readChoices(userId);
      const byDeadline = new Map<string, ReminderRow[]>();
      for (const r of existing) byDeadline.set(r.deadlineId, [...(byDeadline.get(r.deadlineId) ?? []), r]);
      const planned = new Set(plans.map((p) => p.deadlineId));
      for (const id of new Set([...byDeadline.keys(), ...choices.keys()])) {
        if (planned.has(id)) continue;
        this.sql("DELETE FROM reminders WHERE user_id = ? AND deadline_tag = ?").run(userId, this.sealer.tag(deadlineText(userId, id)));
        this.dropChoices(userId, id);
        if (byDeadline.get(id)?.some((r) => r.status === "pending")) changes.removed.push(id);
      }
      for (const p of plans) {
        let rows = byDeadline.get(p.deadlineId) ?? [];
        let c: DeadlineChoices = choices.get(p.deadlineId) ?? { deadlineId: p.deadlineId };
        const before = c.date ?? rows[0]?.payload.date;
        if (before !== undefined && before !== p.date) {
          // A new date is a new deadline: sent reminders may go out again and earlier choices start afresh.
          for (const r of rows) dropRow.run(r.id);
          rows = [];
          c = { deadlineId: p.deadlineId, ...(c.lead ? { lead: c.lead } : {}) };
          changes.changed.push({ deadlineId: p.deadlineId, from: before, to: p.date });
        }
        this.writeChoices(userId, { ...c, date: p.date });
        const pending = rows.filter((r) => r.status === "pending");
        if (c.muted || c.done) {
          for (const r of pending) dropRow.run(r.id);
          continue;
        }
        const have = new Map(rows.map((r) => [r.offsetId, r]));
        for (const r of pending) {
          if (!p.offsets.includes(r.offsetId) || c.deleted?.includes(r.offsetId)) dropRow.run(r.id);
        }
        for (const r of p.rows) {
          if (c.deleted?.includes(r.offsetId)) continue;
          const x = have.get(r.offsetId);
          if (!x) {
            this.insertRow(userId, p.deadlineId, r.offsetId, r.dueAt, p.deadlineEnd, p.payload);
            continue;
          }
          if (x.status !== "pending") continue; // sent, in flight, expired or failed: never sent again for this date
          // A snooze is the person's: it stays, unless the new zone moved the deadline's end before it.
          const keep = x.snoozed && x.dueAt <= p.deadlineEnd;
          const dueAt = keep ? x.dueAt : toMinute(r.dueAt);
          moveRow.run(dueAt, x.id);
          this.reseal(x.id, (s) => ({ ...s, plannedAt: keep ? s.plannedAt : dueAt, deadlineEnd: p.deadlineEnd, payload: p.payload }));
        }
        // Pending rows of an offset already past (due while the bot was away) stay, to be sent late.
        for (const r of pending) if (p.offsets.includes(r.offsetId) && !p.rows.some((q) => q.offsetId === r.offsetId)) this.reseal(r.id, (s) => ({ ...s, deadlineEnd: p.deadlineEnd, payload: p.payload }));
      }
      changes.pending = (this.sql("SELECT COUNT(*) AS n FROM reminders WHERE user_id = ? AND status IN ('pending', 'claimed')").get(userId) as { n: number }).n;
    })();
    return changes;
  }

  async replacePlan(userId: number, rows: PlannedRow[]): Promise<PlanChanges> {
    return this.applyPlan(userId, plansOf(rows));
  }

  async claimDue(now: number, limit: number): Promise<ReminderRow[]> {
    const select = this.sql(
      `SELECT r.* FROM reminders r LEFT JOIN reminder_users u ON u.user_id = r.user_id
       WHERE r.status = 'pending' AND r.due_at <= ? AND COALESCE(u.paused, 0) = 0
       ORDER BY r.due_at, r.id LIMIT ?`,
    );
    const claim = this.sql("UPDATE reminders SET status = 'claimed', claimed_at = ? WHERE id = ? AND status = 'pending'");
    return this.db.transaction(() => {
      const raws = select.all(now, limit) as Array<Raw & { slot: Buffer }>;
      const slots = new Map(raws.map((r) => [r.id, r.slot]));
      const rows = this.rows(raws);
      for (const r of rows) claim.run(now, r.id);
      return rows.map((r) => {
        const row = { ...r, status: "claimed" as const };
        this.claimedSlots.set(row, slots.get(r.id)!);
        return row;
      });
    })();
  }

  async markSent(id: number, now: number): Promise<void> {
    return this.markSentMany([{ id, at: now }]);
  }

  async markSentMany(marks: ReadonlyArray<{ id: number; at: number }>): Promise<void> {
    const sent = this.sql("UPDATE reminders SET status = 'sent' WHERE id = ?");
    this.db.transaction(() => {
      for (const { id, at } of marks) {
        sent.run(id);
        this.reseal(id, (s) => ({ ...s, sentAt: at }));
      }
    })();
  }

  /**
   * Group commit: the marks asked for in one turn of the event loop are written in one transaction at its end
   * (`setImmediate`), each caller returning once its own row is committed. A commit per row was a third of a
   * reminder's CPU when sends come back back to back; spread out (at Telegram's 30/s) each mark still goes alone,
   * one turn later. What a crash can leave sent and unmarked stays what the caller has in flight (the
   * dispatcher's SENDS_IN_FLIGHT, whose places are held until the mark returns). Inside a transaction the mark
   * belongs to it and is written at once.
   */
  async markSentClaimed(row: ReminderRow, at: number): Promise<void> {
    const slot = this.claimedSlots.get(row) ?? this.sealer.tag(slotText(row.userId, row.deadlineId, row.offsetId));
    const sealed = this.seal(row.userId, slot, sealedOf(row, at));
    if (this.db.inTransaction) {
      this.markStmt.run(sealed, row.id);
      return;
    }
    return new Promise<void>((resolve, reject) => {
      this.marksWaiting.push({ id: row.id, sealed, resolve, reject });
      if (this.marksWaiting.length === 1) setImmediate(() => this.writeMarks());
    });
  }

  /** Marks asked for since the last write: the next `writeMarks` commits them all. */
  private marksWaiting: Array<{ id: number; sealed: Buffer; resolve: () => void; reject: (err: unknown) => void }> = [];

  private writeMarks(): void {
    const marks = this.marksWaiting;
    this.marksWaiting = [];
    try {
      this.db.transaction(() => {
        for (const m of marks) this.markStmt.run(m.sealed, m.id);
      })();
    } catch (err) {
      for (const m of marks) m.reject(err); // rolled back: none of them is marked
      return;
    }
    for (const m of marks) m.resolve();
  }

  async release(id: number, dueAt: number, countAttempt: boolean): Promise<void> {
    this.sql("UPDATE reminders SET status = 'pending', claimed_at = NULL, due_at = ?, attempts = attempts + ? WHERE id = ?")
      .run(toMinute(dueAt), countAttempt ? 1 : 0, id);
  }

  async markExpired(id: number): Promise<void> {
    this.sql("UPDATE reminders SET status = 'expired' WHERE id = ?").run(id);
  }

  async markFailed(id: number): Promise<void> {
    this.sql("UPDATE reminders SET status = 'failed' WHERE id = ?").run(id);
  }

  async releaseStaleClaims(claimedBefore: number): Promise<number> {
    return this.sql("UPDATE reminders SET status = 'pending', claimed_at = NULL WHERE status = 'claimed' AND claimed_at < ?").run(claimedBefore)
      .changes;
  }

  async setPaused(userId: number, paused: boolean): Promise<void> {
    this.sql("INSERT INTO reminder_users (user_id, paused) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET paused = excluded.paused")
      .run(userId, paused ? 1 : 0);
  }

  async isPaused(userId: number): Promise<boolean> {
    const row = this.sql("SELECT paused FROM reminder_users WHERE user_id = ?").get(userId) as { paused: number } | undefined;
    return row?.paused === 1;
  }

  async upcoming(userId: number): Promise<ReminderRow[]> {
    const rows = this.sql("SELECT * FROM reminders WHERE user_id = ? AND status IN ('pending', 'claimed') ORDER BY due_at, id").all(userId) as Raw[];
    return this.rows(rows);
  }

  async reschedule(userId: number, id: number, dueAt: number): Promise<boolean> {
    const at = toMinute(dueAt);
    return this.db.transaction(() => {
      const changed =
        this.sql("UPDATE reminders SET due_at = ?, status = 'pending', claimed_at = NULL WHERE id = ? AND user_id = ? AND status IN ('pending', 'sent')").run(at, id, userId)
          .changes > 0;
      if (changed) this.reseal(id, (s) => ({ ...s, plannedAt: at, snoozed: true }));
      return changed;
    })();
  }

  async dismiss(userId: number, which: { id: number } | { deadlineId: string; mark: "muted" | "done" }): Promise<boolean> {
    return this.db.transaction(() => {
      if ("id" in which) {
        const raw = this.sql("SELECT * FROM reminders WHERE id = ? AND user_id = ? AND status = 'pending'").get(which.id, userId) as Raw | undefined;
        const [row] = raw ? this.rows([raw]) : [];
        if (!row) return false;
        const c = this.readChoices(userId).get(row.deadlineId) ?? { deadlineId: row.deadlineId, date: row.payload.date };
        this.writeChoices(userId, { ...c, deleted: [...new Set([...(c.deleted ?? []), row.offsetId])] });
        this.sql("DELETE FROM reminders WHERE id = ?").run(row.id);
        return true;
      }
      const tag = this.sealer.tag(deadlineText(userId, which.deadlineId));
      const c = this.readChoices(userId).get(which.deadlineId);
      const pending = this.rows(this.sql("SELECT * FROM reminders WHERE user_id = ? AND deadline_tag = ? AND status = 'pending'").all(userId, tag) as Raw[]);
      if (!c && pending.length === 0) return false;
      this.writeChoices(userId, { ...(c ?? { deadlineId: which.deadlineId, date: pending[0]!.payload.date }), [which.mark]: true });
      this.sql("DELETE FROM reminders WHERE user_id = ? AND deadline_tag = ? AND status = 'pending'").run(userId, tag);
      return true;
    })();
  }

  async unmute(userId: number, deadlineId: string): Promise<boolean> {
    return this.db.transaction(() => {
      const c = this.readChoices(userId).get(deadlineId);
      if (!c?.muted && !c?.done) return false;
      const { muted: _m, done: _d, ...rest } = c;
      this.writeChoices(userId, rest);
      return true;
    })();
  }

  async setLeadChoice(userId: number, deadlineId: string, choice: string): Promise<void> {
    this.db.transaction(() => {
      const c = this.readChoices(userId).get(deadlineId) ?? { deadlineId };
      this.writeChoices(userId, { ...c, lead: choice });
    })();
  }

  async choices(userId: number): Promise<DeadlineChoices[]> {
    return [...this.readChoices(userId).values()].sort((a, b) => a.deadlineId.localeCompare(b.deadlineId));
  }

  eventUid(userId: number, deadlineId: string): string {
    return `${this.sealer.tag(`calendar-uid:${userId}:${deadlineId}`).toString("hex")}@nomad-kz`;
  }

  async delete(userId: number, which: { id?: number; deadlineId?: string }): Promise<number> {
    if (which.id !== undefined) return this.sql("DELETE FROM reminders WHERE user_id = ? AND id = ?").run(userId, which.id).changes;
    if (which.deadlineId !== undefined) {
      const tag = this.sealer.tag(deadlineText(userId, which.deadlineId));
      this.dropChoices(userId, which.deadlineId);
      return this.sql("DELETE FROM reminders WHERE user_id = ? AND deadline_tag = ?").run(userId, tag).changes;
    }
    this.sql("DELETE FROM reminder_deadlines WHERE user_id = ?").run(userId);
    return this.sql("DELETE FROM reminders WHERE user_id = ?").run(userId).changes;
  }

  async all(userId: number): Promise<ReminderRow[]> {
    return this.rows(this.sql("SELECT * FROM reminders WHERE user_id = ? ORDER BY due_at, id").all(userId) as Raw[]);
  }
}

interface LegacyRaw {
  user_id: number;
  deadline_id: string;
  offset_id: string;
  due_at: number;
  planned_at: number;
  deadline_end: number;
  payload: Buffer;
  status: ReminderRow["status"];
  attempts: number;
  claimed_at: number | null;
  sent_at: number | null;
}

/**
 * Data step of the issue-9 migration: rows of the old reminders table (deadline and dates in
 * clear) are sealed into the new one, then the old table is dropped. It needs the key, so it runs
 * in code after the schema step, on every open while the old table exists (a crash mid-way repeats it).
 * A row whose payload cannot be decrypted is set aside in `unreadable`, like any damaged row.
 */
export function convertLegacyReminders(db: SqliteDb, sealer: Sealer, now: number): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reminders_legacy'").get();
  if (!exists) return 0;
  const insert = db.prepare(
    `INSERT INTO reminders (user_id, slot, deadline_tag, due_at, sealed, status, attempts, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, slot) DO NOTHING`,
  );
  return db.transaction(() => {
    let converted = 0;
    for (const r of db.prepare("SELECT * FROM reminders_legacy").all() as LegacyRaw[]) {
      let payload: ReminderPayload;
      try {
        payload = JSON.parse(sealer.open(r.payload, `reminder:${r.user_id}:${r.deadline_id}:${r.offset_id}`)) as ReminderPayload;
      } catch {
        db.prepare("INSERT INTO unreadable (user_id, source, value, found_at) VALUES (?, 'reminders', ?, ?)").run(r.user_id, r.payload, now);
        continue;
      }
      const slot = sealer.tag(slotText(r.user_id, r.deadline_id, r.offset_id));
      const data: Sealed = {
        deadlineId: r.deadline_id,
        offsetId: r.offset_id,
        plannedAt: r.planned_at,
        deadlineEnd: r.deadline_end,
        payload,
        ...(r.sent_at === null ? {} : { sentAt: r.sent_at }),
      };
      const sealed = sealer.seal(JSON.stringify(data), aad(r.user_id, slot));
      insert.run(r.user_id, slot, sealer.tag(deadlineText(r.user_id, r.deadline_id)), toMinute(r.due_at), sealed, r.status, r.attempts, r.claimed_at);
      converted++;
    }
    db.exec("DROP TABLE reminders_legacy");
    return converted;
  })();
}
