/** What a reminder message needs besides the user's language: which deadline, for which date. */
export interface ReminderPayload {
  deadlineId: string;
  /** YYYY-MM-DD: the deadline's date. */
  date: string;
  /** The date is the latest possible (worked out, not read off a document), and the rule that set it. */
  latestPossible?: boolean;
  limitedBy?: string;
  /** The latest day to start the deadline's procedure (from the facts), when the person has not started it. */
  startBy?: string;
  /** The person's dates show the procedure has started. */
  started?: boolean;
}

export interface ReminderRow {
  id: number;
  userId: number;
  deadlineId: string;
  offsetId: string;
  /** When it may go out next (moved by retries and quiet hours). */
  dueAt: number;
  /** When it was meant to go out (moved only by a snooze): a send well after this is "late". */
  plannedAt: number;
  deadlineEnd: number;
  payload: ReminderPayload;
  status: "pending" | "claimed" | "sent" | "expired" | "failed";
  attempts: number;
  sentAt?: number;
  /** The person moved it (snooze): a replan keeps its time. */
  snoozed?: true;
  /** When this process's claim on it began or was last renewed (the lease's token; PostgreSQL). */
  claimedAt?: number;
}

export interface PlannedRow {
  deadlineId: string;
  offsetId: string;
  dueAt: number;
  deadlineEnd: number;
  payload: ReminderPayload;
}

/** One deadline's plan: its date, every offset its lead times allow, and the reminders still ahead. */
export interface DeadlinePlan {
  deadlineId: string;
  /** YYYY-MM-DD, the deadline's date (a change of it replans the deadline). */
  date: string;
  deadlineEnd: number;
  payload: ReminderPayload;
  /** Every offset of the chosen lead times, passed ones too: a pending row of another offset goes. */
  offsets: string[];
  /** The reminders still ahead, with their times. */
  rows: Array<{ offsetId: string; dueAt: number }>;
}

/** What a replan did that the person should hear about once. */
export interface PlanChanges {
  /** Deadlines whose date changed: their reminders were planned anew. */
  changed: Array<{ deadlineId: string; from: string; to: string }>;
  /** Deadlines that no longer follow from the dates: their reminders went. */
  removed: string[];
  /** Reminders still to come after the replan. */
  pending: number;
}

/** What the person chose for one deadline; the date they chose it for (a new date starts afresh, lead times aside). */
export interface DeadlineChoices {
  deadlineId: string;
  date?: string;
  /** No more reminders for it: muted in /reminders, or Done pressed on a reminder. */
  muted?: true;
  done?: true;
  /** Offsets the person deleted one by one. */
  deleted?: string[];
  /** The lead-time choice (src/rules/deadlines/leadTimes.ts), kept even when the date changes. */
  lead?: string;
}

/**
 * Reminders as rows with a unique key (user, deadline, offset). The dispatcher claims due rows in a
 * transaction before sending and marks them sent after, so a crash loses none; only a crash between
 * a successful send and its commit can repeat one.
 */
export interface ReminderStore {
  /**
   * Brings a user's reminders in line with `plans`, keeping what the person chose: a deadline whose date is
   * unchanged keeps its rows, snoozes, deletions, mute and done marks (pending rows only move to the new
   * times); a deadline whose date changed is planned anew (and reported); a deadline not in `plans` goes.
   * Sent reminders are never sent again for the same date.
   */
  applyPlan(userId: number, plans: DeadlinePlan[]): Promise<PlanChanges>;
  /** `applyPlan` from flat rows (each deadline's offsets are those of its rows). */
  replacePlan(userId: number, rows: PlannedRow[]): Promise<PlanChanges>;
  /** Claims up to `limit` due rows of users who have not blocked the bot, oldest first. */
  claimDue(now: number, limit: number): Promise<ReminderRow[]>;
  markSent(id: number, now: number): Promise<void>;
  /** `markSent` for several rows in one transaction (one commit, not one per row). */
  markSentMany(marks: ReadonlyArray<{ id: number; at: number }>): Promise<void>;
  /**
   * `markSent` for a row as `claimDue` returned it to this process: one write, nothing read (its sealed part is
   * rebuilt from the claimed row with the sent time; a claimed row is never changed by a replan, a snooze or a
   * deletion of one reminder, and one whose deadline was replanned is gone, so nothing is written).
   */
  markSentClaimed(row: ReminderRow, at: number): Promise<void>;
  /** Puts a claimed row back, due again at `dueAt` (a retry, or quiet hours). */
  release(id: number, dueAt: number, countAttempt: boolean): Promise<void>;
  markExpired(id: number): Promise<void>;
  markFailed(id: number): Promise<void>;
  /**
   * Reserves the next send in a budget shared by every instance (`gapMs` apart) and returns when it may go.
   * A slot missed by at most `catchUpMs` is still handed out (it may be in the past: the caller sends at once),
   * so a stalled sender makes up for it; an older one is not (the budget starts again from `now`).
   * Only stores shared by several processes have one (PostgreSQL); one process keeps its budget in memory.
   */
  reserveSendSlot?(now: number, gapMs: number, catchUpMs?: number): Promise<number>;
  /**
   * Right before a claimed row is sent: renews its lease if the claim is still this process's, and says false
   * when the lease ran out meanwhile and another instance took the row over (it must then not be sent here).
   * Only stores that several instances share need it; without it a claim is never taken away.
   */
  holdClaim?(row: ReminderRow, now: number): Promise<boolean>;
  /** Returns claims left by a process that stopped mid-dispatch to pending; how many. */
  releaseStaleClaims(claimedBefore: number): Promise<number>;
  setPaused(userId: number, paused: boolean): Promise<void>;
  isPaused(userId: number): Promise<boolean>;
  /** A user's reminders still to come, soonest first. */
  upcoming(userId: number): Promise<ReminderRow[]>;
  /** Moves one reminder of the user to `dueAt` (snooze); a replan keeps it there. */
  reschedule(userId: number, id: number, dueAt: number): Promise<boolean>;
  /**
   * The person's "no": one reminder deleted, or a whole deadline muted or marked done. The rows go and the
   * choice is kept, so a replan does not bring them back. False when there was nothing of theirs to change.
   */
  dismiss(userId: number, which: { id: number } | { deadlineId: string; mark: "muted" | "done" }): Promise<boolean>;
  /** Turns a muted deadline's reminders back on (planned again by the next replan). */
  unmute(userId: number, deadlineId: string): Promise<boolean>;
  /** Keeps the person's lead-time choice for a deadline (the caller replans). */
  setLeadChoice(userId: number, deadlineId: string, choice: string): Promise<void>;
  /** The person's choices, per deadline. */
  choices(userId: number): Promise<DeadlineChoices[]>;
  /** A calendar UID for the person's deadline: stable, unique, and telling nothing about either (a keyed HMAC). */
  eventUid(userId: number, deadlineId: string): string;
  /** Deletes reminders of the user without keeping a choice: one by id, all of one deadline, or all. */
  delete(userId: number, which: { id?: number; deadlineId?: string }): Promise<number>;
  /** Every row of the user, any status (tests and erasure). */
  all(userId: number): Promise<ReminderRow[]>;
}

/** Groups planned rows by deadline, as `applyPlan` takes them (shared by every engine's `replacePlan`). */
export function plansOf(rows: readonly PlannedRow[]): DeadlinePlan[] {
  const plans = new Map<string, DeadlinePlan>();
  for (const r of rows) {
    const p = plans.get(r.deadlineId) ?? { deadlineId: r.deadlineId, date: r.payload.date, deadlineEnd: r.deadlineEnd, payload: r.payload, offsets: [], rows: [] };
    p.offsets.push(r.offsetId);
    p.rows.push({ offsetId: r.offsetId, dueAt: r.dueAt });
    plans.set(r.deadlineId, p);
  }
  return [...plans.values()];
}
