import type { Sealer } from "./crypto.js";
import type { QueryResult, QueryResultRow } from "pg";
import type { PgDb, Queryable } from "./pg.js";
import type { PgQuarantine } from "./pgKeyValue.js";
import { plansOf, type DeadlineChoices, type DeadlinePlan, type PlanChanges, type PlannedRow, type ReminderPayload, type ReminderRow, type ReminderStore } from "./reminders.js";
import { rowOf, sealedOf, toMinute, type Sealed } from "./sqliteReminders.js";
import type { Clock } from "./types.js";

/** The clear columns of a row, as on SQLite: owner, due time (to the minute), status, attempts; the rest is sealed. */
interface Raw {
  id: number;
  user_id: number;
  slot: Buffer;
  due_at: number;
  sealed: Buffer;
  status: ReminderRow["status"];
  attempts: number;
}


// The same lookup texts and associated data as src/store/sqliteReminders.ts.
const slotText = (userId: number, deadlineId: string, offsetId: string) => `reminder-slot:${userId}:${deadlineId}:${offsetId}`;
const deadlineText = (userId: number, deadlineId: string) => `reminder-deadline:${userId}:${deadlineId}`;
const aad = (userId: number, slot: Buffer) => `reminder:${userId}:${slot.toString("hex")}`;
const choicesAad = (userId: number, tag: Buffer) => `reminder-deadline:${userId}:${tag.toString("hex")}`;

/**
 * One statement claims a batch: the due rows nobody else holds, marked claimed with this time. Each kind (due
 * rows, and claims past their lease) is read in the order of the `reminders_due (status, due_at)` index and
 * stops after `$2` rows, so a claim costs the same with 100 or 100,000 rows due (one `ORDER BY due_at, id` over
 * both kinds had to sort every due row first: 14 ms a claim with 20,000 due). Rows due in the same minute (due
 * times are kept to the minute) are taken in the index's order rather than by id; every row of a minute is
 * claimed before any of the next. The rows of a person who blocked the bot are passed over.
 */
const CLAIM_SQL = `WITH pending AS (
   SELECT r.id, r.due_at FROM reminders r
   WHERE r.status = 'pending' AND r.due_at <= $1
     AND NOT EXISTS (SELECT 1 FROM reminder_users u WHERE u.user_id = r.user_id AND u.paused <> 0)
   ORDER BY r.due_at LIMIT $2
   FOR UPDATE OF r SKIP LOCKED),
 stale AS (
   SELECT r.id, r.due_at FROM reminders r
   WHERE r.status = 'claimed' AND r.claimed_at < $3
     AND NOT EXISTS (SELECT 1 FROM reminder_users u WHERE u.user_id = r.user_id AND u.paused <> 0)
   ORDER BY r.due_at LIMIT $2
   FOR UPDATE OF r SKIP LOCKED),
 due AS (SELECT id FROM (SELECT * FROM pending UNION ALL SELECT * FROM stale) AS x ORDER BY due_at, id LIMIT $2)
 UPDATE reminders r SET status = 'claimed', claimed_at = $1 FROM due WHERE r.id = due.id RETURNING r.*`;


/** How long a claim holds: a claim older than this belongs to an instance that died and is taken over. */
export const CLAIM_LEASE_MS = 2 * 60_000;

export interface PgReminderOptions {
  /** Claim lease (tests shorten it). */
  leaseMs?: number;
}

/**
 * Reminders on PostgreSQL, behaving as SqliteReminders (same sealing, same plan rules) and safe with several
 * instances: due rows are claimed with `FOR UPDATE SKIP LOCKED` (two instances never claim the same row), a
 * claim is a lease that another instance takes over once it is older than `leaseMs`, and changes to one
 * person's reminders take that person's advisory lock. `reserveSendSlot` shares one send budget among all.
 */
export class PgReminders implements ReminderStore {
  private readonly leaseMs: number;
  /** The slot (the sealed part's associated data) of each row claimDue handed out, so its mark computes no HMAC. */
  private readonly claimedSlots = new WeakMap<ReminderRow, Buffer>();

  constructor(
    private readonly db: PgDb,
    private readonly sealer: Sealer,
    private readonly quarantine: PgQuarantine,
    private readonly clock: Clock,
    options: PgReminderOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? CLAIM_LEASE_MS;
  }

  /** One transaction holding the person's lock, so two instances never interleave changes to their reminders. */
  private userTx<T>(userId: number, fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.db.tx(async (q) => {
      await q.query("SELECT pg_advisory_xact_lock(hashtextextended('reminders:' || $1::text, 0))", [userId]);
      return fn(q);
    });
  }

  private seal(userId: number, slot: Buffer, data: Sealed): Buffer {
    return this.sealer.seal(JSON.stringify(data), aad(userId, slot));
  }

  /** Opens a row's sealed part; an unreadable row is moved to quarantine and treated as absent. */
  private async open(q: Queryable, r: Raw): Promise<Sealed | undefined> {
    try {
      return JSON.parse(this.sealer.open(r.sealed, aad(r.user_id, r.slot))) as Sealed;
    } catch {
      const gone = await q.query("DELETE FROM reminders WHERE id = $1", [r.id]);
      if (gone.rowCount) await this.quarantine.put(q, "reminders", r.user_id, r.sealed);
      return undefined;
    }
  }

  private async rows(q: Queryable, raws: Raw[]): Promise<ReminderRow[]> {
    const out: ReminderRow[] = [];
    for (const r of raws) {
      const s = await this.open(q, r);
      if (s) out.push(rowOf(r, s));
    }
    return out;
  }

  private async select(q: Queryable, where: string, values: unknown[]): Promise<ReminderRow[]> {
    return this.rows(q, (await q.query<Raw>(`SELECT * FROM reminders WHERE ${where} ORDER BY due_at, id`, values)).rows);
  }

  private async reseal(q: Queryable, id: number, change: (s: Sealed) => Sealed): Promise<void> {
    const raw = (await q.query<Raw>("SELECT * FROM reminders WHERE id = $1", [id])).rows[0];
    const s = raw && (await this.open(q, raw));
    if (raw && s) await q.query("UPDATE reminders SET sealed = $1 WHERE id = $2", [this.seal(raw.user_id, raw.slot, change(s)), id]);
  }

  private async readChoices(q: Queryable, userId: number): Promise<Map<string, DeadlineChoices>> {
    const out = new Map<string, DeadlineChoices>();
    const { rows } = await q.query<{ deadline_tag: Buffer; sealed: Buffer }>("SELECT deadline_tag, sealed FROM reminder_deadlines WHERE user_id = $1", [userId]);
    for (const r of rows) {
      try {
        const c = JSON.parse(this.sealer.open(r.sealed, choicesAad(userId, r.deadline_tag))) as DeadlineChoices;
        out.set(c.deadlineId, c);
      } catch {
        const gone = await q.query("DELETE FROM reminder_deadlines WHERE user_id = $1 AND deadline_tag = $2", [userId, r.deadline_tag]);
        if (gone.rowCount) await this.quarantine.put(q, "reminder_deadlines", userId, r.sealed);
      }
    }
    return out;
  }

  private async writeChoices(q: Queryable, userId: number, c: DeadlineChoices): Promise<void> {
    const tag = this.sealer.tag(deadlineText(userId, c.deadlineId));
    await q.query(
      "INSERT INTO reminder_deadlines (user_id, deadline_tag, sealed) VALUES ($1, $2, $3) ON CONFLICT (user_id, deadline_tag) DO UPDATE SET sealed = excluded.sealed",
      [userId, tag, this.sealer.seal(JSON.stringify(c), choicesAad(userId, tag))],
    );
  }

  private async dropChoices(q: Queryable, userId: number, deadlineId: string): Promise<void> {
    await q.query("DELETE FROM reminder_deadlines WHERE user_id = $1 AND deadline_tag = $2", [userId, this.sealer.tag(deadlineText(userId, deadlineId))]);
  }

  private async insertRow(q: Queryable, userId: number, deadlineId: string, offsetId: string, dueAt: number, deadlineEnd: number, payload: ReminderPayload): Promise<void> {
    const slot = this.sealer.tag(slotText(userId, deadlineId, offsetId));
    const at = toMinute(dueAt);
    const data: Sealed = { deadlineId, offsetId, plannedAt: at, deadlineEnd, payload };
    await q.query("INSERT INTO reminders (user_id, slot, deadline_tag, due_at, sealed) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, slot) DO NOTHING", [
      userId,
      slot,
      this.sealer.tag(deadlineText(userId, deadlineId)),
      at,
      this.seal(userId, slot, data),
    ]);
  }

  /** The same rules as SqliteReminders.applyPlan (see ReminderStore), in one transaction under the person's lock. */
  async applyPlan(userId: number, plans: DeadlinePlan[]): Promise<PlanChanges> {
    const changes: PlanChanges = { changed: [], removed: [], pending: 0 };
    await this.userTx(userId, async (q) => {
      const dropRow = (id: number) => q.query("DELETE FROM reminders WHERE id = $1", [id]);
      const existing = await this.select(q, "user_id = $1", [userId]);
      const choices = await this.readChoices(q, userId);
      const byDeadline = new Map<string, ReminderRow[]>();
      for (const r of existing) byDeadline.set(r.deadlineId, [...(byDeadline.get(r.deadlineId) ?? []), r]);
      const planned = new Set(plans.map((p) => p.deadlineId));
      for (const id of new Set([...byDeadline.keys(), ...choices.keys()])) {
        if (planned.has(id)) continue;
        await q.query("DELETE FROM reminders WHERE user_id = $1 AND deadline_tag = $2", [userId, this.sealer.tag(deadlineText(userId, id))]);
        await this.dropChoices(q, userId, id);
        if (byDeadline.get(id)?.some((r) => r.status === "pending")) changes.removed.push(id);
      }
      for (const p of plans) {
        let rows = byDeadline.get(p.deadlineId) ?? [];
        let c: DeadlineChoices = choices.get(p.deadlineId) ?? { deadlineId: p.deadlineId };
        const before = c.date ?? rows[0]?.payload.date;
        if (before !== undefined && before !== p.date) {
          for (const r of rows) await dropRow(r.id);
          rows = [];
          c = { deadlineId: p.deadlineId, ...(c.lead ? { lead: c.lead } : {}) };
          changes.changed.push({ deadlineId: p.deadlineId, from: before, to: p.date });
        }
        await this.writeChoices(q, userId, { ...c, date: p.date });
        const pending = rows.filter((r) => r.status === "pending");
        if (c.muted || c.done) {
          for (const r of pending) await dropRow(r.id);
          continue;
        }
        const have = new Map(rows.map((r) => [r.offsetId, r]));
        for (const r of pending) {
          if (!p.offsets.includes(r.offsetId) || c.deleted?.includes(r.offsetId)) await dropRow(r.id);
        }
        for (const r of p.rows) {
          if (c.deleted?.includes(r.offsetId)) continue;
          const x = have.get(r.offsetId);
          if (!x) {
            await this.insertRow(q, userId, p.deadlineId, r.offsetId, r.dueAt, p.deadlineEnd, p.payload);
            continue;
          }
          if (x.status !== "pending") continue;
          const keep = x.snoozed && x.dueAt <= p.deadlineEnd;
          const dueAt = keep ? x.dueAt : toMinute(r.dueAt);
          await q.query("UPDATE reminders SET due_at = $1 WHERE id = $2", [dueAt, x.id]);
          await this.reseal(q, x.id, (s) => ({ ...s, plannedAt: keep ? s.plannedAt : dueAt, deadlineEnd: p.deadlineEnd, payload: p.payload }));
        }
        for (const r of pending) {
          if (p.offsets.includes(r.offsetId) && !p.rows.some((x) => x.offsetId === r.offsetId)) {
            await this.reseal(q, r.id, (s) => ({ ...s, deadlineEnd: p.deadlineEnd, payload: p.payload }));
          }
        }
      }
      const { rows } = await q.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM reminders WHERE user_id = $1 AND status IN ('pending', 'claimed')", [userId]);
      changes.pending = rows[0]!.n;
    });
    return changes;
  }

  async replacePlan(userId: number, rows: PlannedRow[]): Promise<PlanChanges> {
    return this.applyPlan(userId, plansOf(rows));
  }

  /**
   * Claims due rows (and rows whose claim outlived its lease) that no other instance is claiming right now:
   * `SKIP LOCKED` passes over rows another transaction holds instead of waiting for them. One statement on its
   * own (a transaction of one statement needs no BEGIN and COMMIT round trips); a row that cannot be opened is
   * set aside in a transaction of its own.
   */
  async claimDue(now: number, limit: number): Promise<ReminderRow[]> {
    const { rows } = await this.named<Raw>("reminders_claim", CLAIM_SQL, [now, limit, now - this.leaseMs]);
    rows.sort((a, b) => a.due_at - b.due_at || a.id - b.id);
    const out: ReminderRow[] = [];
    for (const r of rows) {
      const s = this.openQuick(r);
      const [row] = s ? [rowOf(r, s)] : await this.db.tx((q) => this.rows(q, [r]));
      if (!row) continue;
      const claimed = { ...row, status: "claimed" as const, claimedAt: now };
      this.claimedSlots.set(claimed, r.slot);
      out.push(claimed);
    }
    return out;
  }

  /** Opens a row's sealed part without touching the database; undefined when it cannot be opened. */
  private openQuick(r: Raw): Sealed | undefined {
    try {
      return JSON.parse(this.sealer.open(r.sealed, aad(r.user_id, r.slot))) as Sealed;
    } catch {
      return undefined;
    }
  }

  /**
   * A hot statement of the dispatcher, prepared once per connection (a named statement: parsed and planned
   * once); inside a unit of work it runs on the unit's client like any other query.
   */
  private named<R extends QueryResultRow>(name: string, text: string, values: unknown[]): Promise<QueryResult<R>> {
    if (this.db.inUnit()) return this.db.query<R>(text, values);
    return this.db.pool.query<R>({ name, text, values });
  }

  /**
   * A batch waits for interactive updates and the shared send budget, so a row may sit claimed for longer than
   * the lease; another instance then takes it over. The claim time is the lease's token: the row is renewed and
   * sent only while it still carries the time of this process's claim (checked once the claim is a quarter of
   * the lease old; a younger one is this process's for sure).
   */
  async holdClaim(row: ReminderRow, now: number): Promise<boolean> {
    if (row.claimedAt === undefined) return false;
    // A claim younger than a quarter of the lease cannot have been taken over (another instance takes a claim
    // only once it is a whole lease old by its own clock; instances' clocks agree far better than 3/4 of the
    // lease, 90 s by default): no round trip for it. An older one is checked and renewed.
    if (now - row.claimedAt < this.leaseMs / 4) return true;
    const held = await this.named("reminders_hold", "UPDATE reminders SET claimed_at = $1 WHERE id = $2 AND status = 'claimed' AND claimed_at = $3", [
      now,
      row.id,
      row.claimedAt,
    ]);
    if (held.rowCount !== 1) return false;
    row.claimedAt = now;
    return true;
  }

  /**
   * Reserves the next send slot of the budget all instances share (one row; `gapMs` apart); returns the time
   * the caller may send at. Telegram's limit is per bot, not per process.
   */
  async reserveSendSlot(now: number, gapMs: number, catchUpMs = 0): Promise<number> {
    const { rows } = await this.named<{ slot: number }>(
      "reminders_budget",
      "UPDATE reminder_budget SET next_at = (CASE WHEN next_at < $1::bigint - $3::bigint THEN $1::bigint ELSE next_at END) + $2::bigint WHERE id = 1 RETURNING next_at - $2::bigint AS slot",
      [now, gapMs, catchUpMs],
    );
    return rows[0]?.slot ?? now;
  }

  async markSent(id: number, now: number): Promise<void> {
    return this.markSentMany([{ id, at: now }]);
  }

  async markSentMany(marks: ReadonlyArray<{ id: number; at: number }>): Promise<void> {
    if (marks.length === 0) return;
    const at = new Map(marks.map((m) => [m.id, m.at]));
    // One round trip reads the rows, one writes them all: status and the sealed part with the sent time.
    await this.db.tx(async (q) => {
      const { rows } = await q.query<Raw>("SELECT * FROM reminders WHERE id = ANY($1::bigint[])", [[...at.keys()]]);
      const ids: number[] = [];
      const sealed: Buffer[] = [];
      for (const raw of rows) {
        const s = await this.open(q, raw);
        if (!s) continue;
        ids.push(raw.id);
        sealed.push(this.seal(raw.user_id, raw.slot, { ...s, sentAt: at.get(raw.id) }));
      }
      await q.query(
        "UPDATE reminders r SET status = 'sent', sealed = v.sealed FROM unnest($1::bigint[], $2::bytea[]) AS v(id, sealed) WHERE r.id = v.id",
        [ids, sealed],
      );
    });
  }

  /**
   * Group commit: a mark asked for while another is being written waits for it and goes with every mark asked
   * for meanwhile, in one statement (`unnest` of ids and sealed parts). Each caller still returns only once its
   * own row is committed, so what a crash can leave sent and unmarked stays what the caller has in flight
   * (the dispatcher's SENDS_IN_FLIGHT, whose places are held until the mark returns); it only costs fewer round
   * trips when sends end close together (back to back: about one statement for every send in flight, not one
   * a row), and nothing when they are spread out (at Telegram's 30/s each mark goes alone, at once).
   */
  async markSentClaimed(row: ReminderRow, at: number): Promise<void> {
    // Not fenced by the claim time: if another instance took the row over meanwhile, the mark stops its send.
    const slot = this.claimedSlots.get(row) ?? this.sealer.tag(slotText(row.userId, row.deadlineId, row.offsetId));
    const mark = { id: row.id, sealed: this.seal(row.userId, slot, sealedOf(row, at)) };
    // Inside a unit of work the mark belongs to the unit's transaction: written there, on its own.
    if (this.db.inUnit()) {
      await this.db.query("UPDATE reminders SET status = 'sent', sealed = $1 WHERE id = $2", [mark.sealed, mark.id]);
      return;
    }
    return new Promise<void>((resolve, reject) => {
      this.marksWaiting.push({ ...mark, resolve, reject });
      if (!this.marking) void this.writeMarks();
    });
  }

  /** Marks asked for while a statement of marks is under way: the next statement writes them all. */
  private marksWaiting: Array<{ id: number; sealed: Buffer; resolve: () => void; reject: (err: unknown) => void }> = [];
  private marking = false;

  /** Writes the waiting marks, a statement at a time, until none waits; each caller hears of its own statement. */
  private async writeMarks(): Promise<void> {
    this.marking = true;
    try {
      while (this.marksWaiting.length > 0) {
        // In id order, so that two statements locking the same rows (a row taken over by another instance and
        // marked by both) lock them in the same order; a deadlock reported anyway is tried once more.
        const group = this.marksWaiting.splice(0).sort((a, b) => a.id - b.id);
        const write = () =>
          group.length === 1
            ? this.named("reminders_sent", "UPDATE reminders SET status = 'sent', sealed = $1 WHERE id = $2", [group[0]!.sealed, group[0]!.id])
            : this.named(
                "reminders_sent_many",
                "UPDATE reminders r SET status = 'sent', sealed = v.sealed FROM unnest($1::bigint[], $2::bytea[]) AS v(id, sealed) WHERE r.id = v.id",
                [group.map((m) => m.id), group.map((m) => m.sealed)],
              );
        try {
          await write().catch((err: unknown) => {
            if ((err as { code?: string }).code === "40P01") return write();
            throw err;
          });
          for (const m of group) m.resolve();
        } catch (err) {
          for (const m of group) m.reject(err);
        }
      }
    } finally {
      this.marking = false;
    }
  }

  async release(id: number, dueAt: number, countAttempt: boolean): Promise<void> {
    await this.named("reminders_release", "UPDATE reminders SET status = 'pending', claimed_at = NULL, due_at = $1, attempts = attempts + $2 WHERE id = $3", [
      toMinute(dueAt),
      countAttempt ? 1 : 0,
      id,
    ]);
  }

  async markExpired(id: number): Promise<void> {
    await this.db.query("UPDATE reminders SET status = 'expired' WHERE id = $1", [id]);
  }

  async markFailed(id: number): Promise<void> {
    await this.db.query("UPDATE reminders SET status = 'failed' WHERE id = $1", [id]);
  }

  /**
   * Other instances may be sending right now, so only claims older than the lease are given back, whatever
   * `claimedBefore` says (a restart of one instance must not take the live claims of another).
   */
  async releaseStaleClaims(claimedBefore: number): Promise<number> {
    const before = Math.min(claimedBefore, this.clock.now() - this.leaseMs);
    return (await this.db.query("UPDATE reminders SET status = 'pending', claimed_at = NULL WHERE status = 'claimed' AND claimed_at < $1", [before])).rowCount ?? 0;
  }

  async setPaused(userId: number, paused: boolean): Promise<void> {
    await this.db.query("INSERT INTO reminder_users (user_id, paused) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET paused = excluded.paused", [
      userId,
      paused ? 1 : 0,
    ]);
  }

  async isPaused(userId: number): Promise<boolean> {
    const { rows } = await this.db.query<{ paused: number }>("SELECT paused FROM reminder_users WHERE user_id = $1", [userId]);
    return rows[0]?.paused === 1;
  }

  async upcoming(userId: number): Promise<ReminderRow[]> {
    return this.db.tx((q) => this.select(q, "user_id = $1 AND status IN ('pending', 'claimed')", [userId]));
  }

  async reschedule(userId: number, id: number, dueAt: number): Promise<boolean> {
    const at = toMinute(dueAt);
    return this.userTx(userId, async (q) => {
      const changed = await q.query(
        "UPDATE reminders SET due_at = $1, status = 'pending', claimed_at = NULL WHERE id = $2 AND user_id = $3 AND status IN ('pending', 'sent')",
        [at, id, userId],
      );
      if (changed.rowCount) await this.reseal(q, id, (s) => ({ ...s, plannedAt: at, snoozed: true }));
      return Boolean(changed.rowCount);
    });
  }

  async dismiss(userId: number, which: { id: number } | { deadlineId: string; mark: "muted" | "done" }): Promise<boolean> {
    return this.userTx(userId, async (q) => {
      if ("id" in which) {
        const [row] = await this.select(q, "id = $1 AND user_id = $2 AND status = 'pending'", [which.id, userId]);
        if (!row) return false;
        const c = (await this.readChoices(q, userId)).get(row.deadlineId) ?? { deadlineId: row.deadlineId, date: row.payload.date };
        await this.writeChoices(q, userId, { ...c, deleted: [...new Set([...(c.deleted ?? []), row.offsetId])] });
        await q.query("DELETE FROM reminders WHERE id = $1", [row.id]);
        return true;
      }
      const tag = this.sealer.tag(deadlineText(userId, which.deadlineId));
      const c = (await this.readChoices(q, userId)).get(which.deadlineId);
      const pending = await this.select(q, "user_id = $1 AND deadline_tag = $2 AND status = 'pending'", [userId, tag]);
      if (!c && pending.length === 0) return false;
      await this.writeChoices(q, userId, { ...(c ?? { deadlineId: which.deadlineId, date: pending[0]!.payload.date }), [which.mark]: true });
      await q.query("DELETE FROM reminders WHERE user_id = $1 AND deadline_tag = $2 AND status = 'pending'", [userId, tag]);
      return true;
    });
  }

  async unmute(userId: number, deadlineId: string): Promise<boolean> {
    return this.userTx(userId, async (q) => {
      const c = (await this.readChoices(q, userId)).get(deadlineId);
      if (!c?.muted && !c?.done) return false;
      const { muted: _m, done: _d, ...rest } = c;
      await this.writeChoices(q, userId, rest);
      return true;
    });
  }

  async setLeadChoice(userId: number, deadlineId: string, choice: string): Promise<void> {
    await this.userTx(userId, async (q) => {
      const c = (await this.readChoices(q, userId)).get(deadlineId) ?? { deadlineId };
      await this.writeChoices(q, userId, { ...c, lead: choice });
    });
  }

  async choices(userId: number): Promise<DeadlineChoices[]> {
    const map = await this.db.tx((q) => this.readChoices(q, userId));
    return [...map.values()].sort((a, b) => a.deadlineId.localeCompare(b.deadlineId));
  }

  eventUid(userId: number, deadlineId: string): string {
    return `${this.sealer.tag(`calendar-uid:${userId}:${deadlineId}`).toString("hex")}@nomad-kz`;
  }

  async delete(userId: number, which: { id?: number; deadlineId?: string }): Promise<number> {
    return this.userTx(userId, async (q) => {
      if (which.id !== undefined) return (await q.query("DELETE FROM reminders WHERE user_id = $1 AND id = $2", [userId, which.id])).rowCount ?? 0;
      if (which.deadlineId !== undefined) {
        await this.dropChoices(q, userId, which.deadlineId);
        const tag = this.sealer.tag(deadlineText(userId, which.deadlineId));
        return (await q.query("DELETE FROM reminders WHERE user_id = $1 AND deadline_tag = $2", [userId, tag])).rowCount ?? 0;
      }
      await q.query("DELETE FROM reminder_deadlines WHERE user_id = $1", [userId]);
      return (await q.query("DELETE FROM reminders WHERE user_id = $1", [userId])).rowCount ?? 0;
    });
  }

  async all(userId: number): Promise<ReminderRow[]> {
    return this.db.tx((q) => this.select(q, "user_id = $1", [userId]));
  }
}
