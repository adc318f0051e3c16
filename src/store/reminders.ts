/** What a reminder message needs besides the user's language: which deadline, for which date. */
export interface ReminderPayload {
  deadlineId: string;
  /** YYYY-MM-DD: the deadline's date. */
  date: string;
  /** The date is the latest possible (worked out, not read off a document), and the rule that set it. */
  latestPossible?: boolean;
  limitedBy?: string;
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
}

export interface PlannedRow {
  deadlineId: string;
  offsetId: string;
  dueAt: number;
  deadlineEnd: number;
  payload: ReminderPayload;
}

/**
 * Reminders as rows with a unique key (user, deadline, offset). The dispatcher claims due rows in a
 * transaction before sending and marks them sent after, so a crash loses none; only a crash between
 * a successful send and its commit can repeat one.
 */
export interface ReminderStore {
  /** Replaces a user's unsent reminders with `rows`; sent ones are kept (never re-sent). */
  replacePlan(userId: number, rows: PlannedRow[]): Promise<void>;
  /** Claims up to `limit` due rows of users who have not blocked the bot, oldest first. */
  claimDue(now: number, limit: number): Promise<ReminderRow[]>;
  markSent(id: number, now: number): Promise<void>;
  /** Puts a claimed row back, due again at `dueAt` (a retry, or quiet hours). */
  release(id: number, dueAt: number, countAttempt: boolean): Promise<void>;
  markExpired(id: number): Promise<void>;
  markFailed(id: number): Promise<void>;
  /** Returns claims left by a process that stopped mid-dispatch to pending; how many. */
  releaseStaleClaims(claimedBefore: number): Promise<number>;
  setPaused(userId: number, paused: boolean): Promise<void>;
  isPaused(userId: number): Promise<boolean>;
  /** A user's reminders still to come, soonest first. */
  upcoming(userId: number): Promise<ReminderRow[]>;
  /** Moves one reminder of the user to `dueAt` (snooze). */
  reschedule(userId: number, id: number, dueAt: number): Promise<boolean>;
  /** Deletes reminders of the user: one by id, all of one deadline, or all. */
  delete(userId: number, which: { id?: number; deadlineId?: string }): Promise<number>;
  /** Every row of the user, any status (tests and erasure). */
  all(userId: number): Promise<ReminderRow[]>;
}
