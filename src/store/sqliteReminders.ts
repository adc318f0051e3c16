import type { Sealer } from "./crypto.js";
import type { PlannedRow, ReminderPayload, ReminderRow, ReminderStore } from "./reminders.js";
import type { SqliteDb } from "./sqlite.js";
import type { Quarantine } from "./unreadable.js";

/**
 * What a reminder row keeps in clear: its owner, when it is due (rounded to the minute: the
 * scheduler queries it), its status and attempts. Which deadline it is for, its offset and dates
 * are sealed; `slot` and `deadline_tag` are keyed HMACs that find rows by deadline without naming it.
 */
interface Raw {
  id: number;
  user_id: number;
  due_at: number;
  sealed: Buffer;
  status: ReminderRow["status"];
  attempts: number;
}

interface Sealed {
  deadlineId: string;
  offsetId: string;
  plannedAt: number;
  deadlineEnd: number;
  payload: ReminderPayload;
  sentAt?: number;
}

const MINUTE_MS = 60_000;
/** Due times are stored to the minute (never later than asked), so they say less about a person's dates. */
export const toMinute = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

const slotText = (userId: number, deadlineId: string, offsetId: string) => `reminder-slot:${userId}:${deadlineId}:${offsetId}`;
const deadlineText = (userId: number, deadlineId: string) => `reminder-deadline:${userId}:${deadlineId}`;
const aad = (userId: number, slot: Buffer) => `reminder:${userId}:${slot.toString("hex")}`;

/** The embedded reminder store; everything that tells a person's dates is encrypted. */
export class SqliteReminders implements ReminderStore {
  private readonly slotStmt;
  private readonly resealStmt;

  constructor(
    private readonly db: SqliteDb,
    private readonly sealer: Sealer,
    private readonly quarantine: Quarantine,
  ) {
    this.slotStmt = db.prepare("SELECT slot FROM reminders WHERE id = ?");
    this.resealStmt = db.prepare("UPDATE reminders SET sealed = ? WHERE id = ?");
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
        this.db.prepare("DELETE FROM reminders WHERE id = ?").run(r.id);
      })();
      return undefined;
    }
  }

  private rows(raws: Array<Raw & { slot?: Buffer }>): ReminderRow[] {
    const out: ReminderRow[] = [];
    for (const r of raws) {
      const s = this.open(r);
      if (!s) continue;
      out.push({
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
      });
    }
    return out;
  }

  /** Rewrites the sealed part of one row (the sent time, a snoozed plan). */
  private reseal(id: number, change: (s: Sealed) => Sealed): void {
    const raw = this.db.prepare("SELECT * FROM reminders WHERE id = ?").get(id) as (Raw & { slot: Buffer }) | undefined;
    const s = raw && this.open(raw);
    if (raw && s) this.resealStmt.run(this.seal(raw.user_id, raw.slot, change(s)), id);
  }

  async replacePlan(userId: number, rows: PlannedRow[]): Promise<void> {
    const remove = this.db.prepare("DELETE FROM reminders WHERE user_id = ? AND status IN ('pending', 'expired', 'failed')");
    const kept = this.db.prepare("SELECT * FROM reminders WHERE user_id = ? AND status IN ('sent', 'claimed')");
    const insert = this.db.prepare(
      `INSERT INTO reminders (user_id, slot, deadline_tag, due_at, sealed) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, slot) DO NOTHING`,
    );
    const drop = this.db.prepare("DELETE FROM reminders WHERE id = ?");
    this.db.transaction(() => {
      remove.run(userId);
      // A sent reminder stays sent, unless its deadline moved to another date: then it is due again.
      for (const s of this.rows(kept.all(userId) as Raw[])) {
        const planned = rows.find((r) => r.deadlineId === s.deadlineId && r.offsetId === s.offsetId);
        if (planned && planned.payload.date !== s.payload.date) drop.run(s.id);
      }
      for (const r of rows) {
        const slot = this.sealer.tag(slotText(userId, r.deadlineId, r.offsetId));
        const dueAt = toMinute(r.dueAt);
        const data: Sealed = { deadlineId: r.deadlineId, offsetId: r.offsetId, plannedAt: dueAt, deadlineEnd: r.deadlineEnd, payload: r.payload };
        insert.run(userId, slot, this.sealer.tag(deadlineText(userId, r.deadlineId)), dueAt, this.seal(userId, slot, data));
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
      const rows = this.rows(select.all(now, limit) as Array<Raw & { slot: Buffer }>);
      for (const r of rows) claim.run(now, r.id);
      return rows.map((r) => ({ ...r, status: "claimed" as const }));
    })();
  }

  async markSent(id: number, now: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare("UPDATE reminders SET status = 'sent' WHERE id = ?").run(id);
      this.reseal(id, (s) => ({ ...s, sentAt: now }));
    })();
  }

  async release(id: number, dueAt: number, countAttempt: boolean): Promise<void> {
    this.db
      .prepare("UPDATE reminders SET status = 'pending', claimed_at = NULL, due_at = ?, attempts = attempts + ? WHERE id = ?")
      .run(toMinute(dueAt), countAttempt ? 1 : 0, id);
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
    return this.rows(rows);
  }

  async reschedule(userId: number, id: number, dueAt: number): Promise<boolean> {
    const at = toMinute(dueAt);
    return this.db.transaction(() => {
      const changed =
        this.db.prepare("UPDATE reminders SET due_at = ?, status = 'pending', claimed_at = NULL WHERE id = ? AND user_id = ? AND status IN ('pending', 'sent')").run(at, id, userId)
          .changes > 0;
      if (changed) this.reseal(id, (s) => ({ ...s, plannedAt: at }));
      return changed;
    })();
  }

  async delete(userId: number, which: { id?: number; deadlineId?: string }): Promise<number> {
    if (which.id !== undefined) return this.db.prepare("DELETE FROM reminders WHERE user_id = ? AND id = ?").run(userId, which.id).changes;
    if (which.deadlineId !== undefined) {
      const tag = this.sealer.tag(deadlineText(userId, which.deadlineId));
      return this.db.prepare("DELETE FROM reminders WHERE user_id = ? AND deadline_tag = ?").run(userId, tag).changes;
    }
    return this.db.prepare("DELETE FROM reminders WHERE user_id = ?").run(userId).changes;
  }

  async all(userId: number): Promise<ReminderRow[]> {
    return this.rows(this.db.prepare("SELECT * FROM reminders WHERE user_id = ? ORDER BY due_at, id").all(userId) as Raw[]);
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
