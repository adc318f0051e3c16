import type { Sealer } from "./crypto.js";
import type { PlannedRow, ReminderPayload, ReminderRow, ReminderStore } from "./reminders.js";
import type { SqliteDb } from "./sqlite.js";

interface Raw {
  id: number;
  user_id: number;
  deadline_id: string;
  offset_id: string;
  due_at: number;
  planned_at: number;
  deadline_end: number;
  payload: Buffer;
  status: ReminderRow["status"];
  attempts: number;
  sent_at: number | null;
}

/** The embedded reminder store; payloads (dates of a person's life events) are encrypted. */
export class SqliteReminders implements ReminderStore {
  constructor(
    private readonly db: SqliteDb,
    private readonly sealer: Sealer,
  ) {}

  private row(r: Raw): ReminderRow {
    return {
      id: r.id,
      userId: r.user_id,
      deadlineId: r.deadline_id,
      offsetId: r.offset_id,
      dueAt: r.due_at,
      plannedAt: r.planned_at,
      deadlineEnd: r.deadline_end,
      payload: JSON.parse(this.sealer.open(r.payload, `reminder:${r.user_id}:${r.deadline_id}:${r.offset_id}`)) as ReminderPayload,
      status: r.status,
      attempts: r.attempts,
      ...(r.sent_at === null ? {} : { sentAt: r.sent_at }),
    };
  }

  async replacePlan(userId: number, rows: PlannedRow[]): Promise<void> {
    const remove = this.db.prepare("DELETE FROM reminders WHERE user_id = ? AND status IN ('pending', 'expired', 'failed')");
    const sent = this.db.prepare("SELECT deadline_id, offset_id, payload FROM reminders WHERE user_id = ? AND status IN ('sent', 'claimed')");
    const insert = this.db.prepare(
      `INSERT INTO reminders (user_id, deadline_id, offset_id, due_at, planned_at, deadline_end, payload) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id, deadline_id, offset_id) DO NOTHING`,
    );
    const dropSent = this.db.prepare("DELETE FROM reminders WHERE user_id = ? AND deadline_id = ? AND offset_id = ?");
    this.db.transaction(() => {
      remove.run(userId);
      // A sent reminder stays sent, unless its deadline moved to another date: then it is due again.
      for (const s of sent.all(userId) as Array<{ deadline_id: string; offset_id: string; payload: Buffer }>) {
        const old = JSON.parse(this.sealer.open(s.payload, `reminder:${userId}:${s.deadline_id}:${s.offset_id}`)) as ReminderPayload;
        const planned = rows.find((r) => r.deadlineId === s.deadline_id && r.offsetId === s.offset_id);
        if (planned && planned.payload.date !== old.date) dropSent.run(userId, s.deadline_id, s.offset_id);
      }
      for (const r of rows) {
        const aad = `reminder:${userId}:${r.deadlineId}:${r.offsetId}`;
        insert.run(userId, r.deadlineId, r.offsetId, r.dueAt, r.dueAt, r.deadlineEnd, this.sealer.seal(JSON.stringify(r.payload), aad));
      }
    })();
  }

  async claimDue(now: number, limit: number): Promise<ReminderRow[]> {
    const select = this.db.prepare(
      `SELECT r.* FROM reminders r LEFT JOIN reminder_users u ON u.user_id = r.user_id
       WHERE r.status = 'pending' AND r.due_at <= ? AND COALESCE(u.paused, 0) = 0
       ORDER BY r.due_at, r.id LIMIT ?`,
    );
    const claim = this.db.prepare("UPDATE reminders SET status = 'claimed', claimed_at = ? WHERE id = ? AND status = 'pending'");
    return this.db.transaction(() => {
      const rows = select.all(now, limit) as Raw[];
      for (const r of rows) claim.run(now, r.id);
      return rows.map((r) => this.row({ ...r, status: "claimed" }));
    })();
  }

  async markSent(id: number, now: number): Promise<void> {
    this.db.prepare("UPDATE reminders SET status = 'sent', sent_at = ? WHERE id = ?").run(now, id);
  }

  async release(id: number, dueAt: number, countAttempt: boolean): Promise<void> {
    this.db
      .prepare("UPDATE reminders SET status = 'pending', claimed_at = NULL, due_at = ?, attempts = attempts + ? WHERE id = ?")
      .run(dueAt, countAttempt ? 1 : 0, id);
  }

  async markExpired(id: number): Promise<void> {
    this.db.prepare("UPDATE reminders SET status = 'expired' WHERE id = ?").run(id);
  }

  async markFailed(id: number): Promise<void> {
    this.db.prepare("UPDATE reminders SET status = 'failed' WHERE id = ?").run(id);
  }

  async releaseStaleClaims(claimedBefore: number): Promise<number> {
    return this.db.prepare("UPDATE reminders SET status = 'pending', claimed_at = NULL WHERE status = 'claimed' AND claimed_at < ?").run(claimedBefore)
      .changes;
  }

  async setPaused(userId: number, paused: boolean): Promise<void> {
    this.db
      .prepare("INSERT INTO reminder_users (user_id, paused) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET paused = excluded.paused")
      .run(userId, paused ? 1 : 0);
  }

  async isPaused(userId: number): Promise<boolean> {
    const row = this.db.prepare("SELECT paused FROM reminder_users WHERE user_id = ?").get(userId) as { paused: number } | undefined;
    return row?.paused === 1;
  }

  async upcoming(userId: number): Promise<ReminderRow[]> {
    const rows = this.db.prepare("SELECT * FROM reminders WHERE user_id = ? AND status IN ('pending', 'claimed') ORDER BY due_at, id").all(userId) as Raw[];
    return rows.map((r) => this.row(r));
  }

  async reschedule(userId: number, id: number, dueAt: number): Promise<boolean> {
    return this.db.prepare("UPDATE reminders SET due_at = ?, planned_at = ?, status = 'pending', claimed_at = NULL WHERE id = ? AND user_id = ? AND status IN ('pending', 'sent')").run(dueAt, dueAt, id, userId).changes > 0;
  }

  async delete(userId: number, which: { id?: number; deadlineId?: string }): Promise<number> {
    if (which.id !== undefined) return this.db.prepare("DELETE FROM reminders WHERE user_id = ? AND id = ?").run(userId, which.id).changes;
    if (which.deadlineId !== undefined) {
      return this.db.prepare("DELETE FROM reminders WHERE user_id = ? AND deadline_id = ?").run(userId, which.deadlineId).changes;
    }
    return this.db.prepare("DELETE FROM reminders WHERE user_id = ?").run(userId).changes;
  }

  async all(userId: number): Promise<ReminderRow[]> {
    return (this.db.prepare("SELECT * FROM reminders WHERE user_id = ? ORDER BY due_at, id").all(userId) as Raw[]).map((r) => this.row(r));
  }
}
