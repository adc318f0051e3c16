import { GrammyError, HttpError } from "grammy";
import { isQuietTime, nextAllowedTime } from "../rules/index.js";
import type { Logger } from "../logger.js";
import type { Clock, ReminderRow, ReminderStore, UserStore } from "../store/index.js";

export const DEFAULT_TIME_ZONE = "Asia/Almaty";
/** A reminder sent more than this after its time says it is late. */
export const LATE_AFTER_MS = 60 * 60 * 1000;
/** Telegram's limits: about 30 messages a second overall, one a second per chat. */
export const GLOBAL_GAP_MS = 34;
export const PER_CHAT_GAP_MS = 1_000;
/** At most this many sends in any second (Telegram's 30), however late timers fire. */
export const PER_SECOND = 30;
export const BATCH_SIZE = 20;
export const MAX_ATTEMPTS = 8;

export interface DispatcherDeps {
  reminders: ReminderStore;
  users: UserStore;
  /** Renders and sends one reminder; throws grammY's errors as the Bot API answers. */
  send(row: ReminderRow, opts: { late: boolean; locale?: string }): Promise<void>;
  clock: Clock;
  sleep(ms: number): Promise<void>;
  /** Resolves when no interactive update is being handled. */
  idle(): Promise<void>;
  logger: Logger;
  /** Telegram's limits unless given (a benchmark lifts them: `{ globalGapMs: 0, perChatGapMs: 0, perSecond: Infinity }`). */
  limits?: { globalGapMs: number; perChatGapMs: number; perSecond: number };
  /** Test seams to simulate a crash at each point of a dispatch. */
  hooks?: { afterClaim?(rows: ReminderRow[]): void; afterSend?(row: ReminderRow): void };
}

export type Outcome = "sent" | "expired" | "quiet" | "retry" | "blocked" | "rate_limited" | "failed" | "taken_over";

/**
 * Sends due reminders. Each batch is claimed in a transaction before anything is sent, and a row sent
 * is marked so before the next one starts (and at the end of the batch), so stopping the process at any
 * point loses nothing: on start, `catchUp` returns claims of the dead process to the queue. Only a crash
 * between a successful send and its commit repeats a reminder: at most one per crash, since no second
 * send starts before the first is committed (test/e2e/multiInstance.test.ts holds it to that; committing
 * several together let a SIGKILL repeat two). Late reminders say so; those whose deadline has passed are
 * dropped.
 */
export class ReminderDispatcher {
  /** When the next send may go: slots `GLOBAL_GAP_MS` apart, so late timers do not push every later send back. */
  private nextSlot = 0;
  /** Rows the latest tick claimed: a full batch means more are due, so the next tick follows at once. */
  private claimed = 0;
  private stopped = false;
  /** When the latest sends went (at most PER_SECOND kept): a late timer must not bunch sends past the limit. */
  private readonly recent: number[] = [];
  private readonly lastSendTo = new Map<number, number>();
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  /** The row sent and not yet marked so (at most one: committed before the next send starts). */
  private readonly sentMarks: Array<{ id: number; at: number }> = [];

  private readonly limits: NonNullable<DispatcherDeps["limits"]>;

  constructor(private readonly deps: DispatcherDeps) {
    this.limits = deps.limits ?? { globalGapMs: GLOBAL_GAP_MS, perChatGapMs: PER_CHAT_GAP_MS, perSecond: PER_SECOND };
  }

  /** After a restart: every claim left behind belongs to a process that is gone. */
  async catchUp(): Promise<number> {
    const released = await this.deps.reminders.releaseStaleClaims(Number.MAX_SAFE_INTEGER);
    if (released > 0) this.deps.logger.warn({ released }, "re-queued reminders claimed by a stopped process");
    return released;
  }

  /** Claims and sends one batch of due reminders; returns what happened to each. */
  async tick(): Promise<Outcome[]> {
    const now = this.deps.clock.now();
    this.claimed = 0;
    if (now < this.pausedUntil) return [];
    const rows = await this.deps.reminders.claimDue(now, BATCH_SIZE);
    this.claimed = rows.length;
    this.deps.hooks?.afterClaim?.(rows);
    const outcomes: Outcome[] = [];
    const blocked = new Set<number>();
    try {
      await this.sendAll(rows, outcomes, blocked);
    } finally {
      await this.commitSent();
    }
    return outcomes;
  }

  private async sendAll(rows: ReminderRow[], outcomes: Outcome[], blocked: Set<number>): Promise<void> {
    for (const [i, row] of rows.entries()) {
      if (blocked.has(row.userId)) {
        // The person blocked the bot: their other reminders in this batch wait with the rest of theirs.
        await this.deps.reminders.release(row.id, row.dueAt, false);
        continue;
      }
      const outcome = await this.dispatch(row);
      outcomes.push(outcome);
      if (outcome === "rate_limited") {
        // Telegram asked us to wait: give the rest of the batch back untouched.
        for (const rest of rows.slice(i + 1)) await this.deps.reminders.release(rest.id, rest.dueAt, false);
        break;
      }
      if (outcome === "blocked") blocked.add(row.userId);
    }
  }

  /** Marks the rows sent so far as sent (one transaction). */
  private async commitSent(): Promise<void> {
    if (this.sentMarks.length === 0) return;
    await this.deps.reminders.markSentMany(this.sentMarks.splice(0));
  }

  private async dispatch(row: ReminderRow): Promise<Outcome> {
    const { reminders, users, clock, logger } = this.deps;
    let now = clock.now();
    if (now > row.deadlineEnd) {
      await reminders.markExpired(row.id);
      return "expired";
    }
    const prefs = await users.get(row.userId);
    const timeZone = prefs.timezone ?? DEFAULT_TIME_ZONE;
    if (isQuietTime(now, timeZone)) {
      await reminders.release(row.id, nextAllowedTime(now, timeZone), false);
      return "quiet";
    }
    await this.commitSent(); // the previous send, before this one waits or goes
    await this.deps.idle();
    await this.respectLimits(row.userId);
    now = clock.now();
    // The waits above may outlast the claim's lease: if another instance took the row over, it sends it, not we.
    if (reminders.holdClaim && !(await reminders.holdClaim(row, now))) {
      logger.info({ reminder: row.id }, "reminder claim taken over by another instance while waiting; not sent here");
      return "taken_over";
    }
    try {
      await this.deps.send(row, { late: now - row.plannedAt > LATE_AFTER_MS, locale: prefs.language ?? prefs.seenLocale });
    } catch (err) {
      return this.failed(row, err);
    }
    this.lastSendTo.set(row.userId, now);
    this.deps.hooks?.afterSend?.(row);
    this.sentMarks.push({ id: row.id, at: now });
    logger.debug({ reminder: row.id }, "reminder sent");
    return "sent";
  }

  private async respectLimits(userId: number): Promise<void> {
    const now = this.deps.clock.now();
    // Several instances share one budget in the database (Telegram's limit is per bot, not per process).
    const { globalGapMs, perChatGapMs, perSecond } = this.limits;
    const slot = (await this.deps.reminders.reserveSendSlot?.(now, globalGapMs)) ?? now;
    const windowFree = this.recent.length >= perSecond ? this.recent[0]! + 1_000 + 5 : 0;
    const at = Math.max(this.nextSlot, slot, windowFree, (this.lastSendTo.get(userId) ?? -Infinity) + perChatGapMs, now);
    this.nextSlot = at + globalGapMs;
    if (at > now) await this.deps.sleep(at - now);
    if (!Number.isFinite(perSecond)) return; // no per-second limit: nothing to remember
    this.recent.push(Math.max(at, this.deps.clock.now()));
    if (this.recent.length > perSecond) this.recent.shift();
  }

  private async failed(row: ReminderRow, err: unknown): Promise<Outcome> {
    const { reminders, logger, clock } = this.deps;
    const now = clock.now();
    if (err instanceof GrammyError && err.error_code === 429) {
      const seconds = err.parameters.retry_after ?? 5;
      this.pausedUntil = now + seconds * 1000;
      await reminders.release(row.id, row.dueAt, false);
      logger.warn({ retry_after: seconds }, "rate limited by the Bot API; pausing reminders");
      return "rate_limited";
    }
    if (err instanceof GrammyError && err.error_code === 403) {
      // The user blocked the bot: hold their reminders until a my_chat_member update says otherwise.
      await reminders.setPaused(row.userId, true);
      await reminders.release(row.id, row.dueAt, false);
      logger.info({ reminder: row.id }, "user blocked the bot; reminders paused");
      return "blocked";
    }
    const transient = err instanceof HttpError || (err instanceof GrammyError && err.error_code >= 500);
    if (!transient || row.attempts + 1 >= MAX_ATTEMPTS) {
      await reminders.markFailed(row.id);
      logger.error({ err, reminder: row.id }, "reminder could not be sent");
      return "failed";
    }
    const backoff = Math.min(60 * 60_000, 2 ** row.attempts * 30_000);
    await reminders.release(row.id, now + backoff, true);
    logger.warn({ err, reminder: row.id, retry_in_ms: backoff }, "reminder send failed; will retry");
    return "retry";
  }

  /**
   * Ticks every `intervalMs` until stopped, and at once after a tick that claimed a full batch (a burst goes
   * out at the rate limit, not a batch per interval); a tick never overlaps the previous one.
   */
  start(intervalMs = 15_000): void {
    const loop = () => {
      if (this.stopped) return;
      this.running = this.running
        .then(() => this.tick())
        .then(() => {
          if (this.stopped) return;
          if (this.claimed >= BATCH_SIZE) return loop();
          // Telegram asked to wait (429): go on when it said, not at the next interval.
          const pause = this.pausedUntil - this.deps.clock.now();
          if (pause > 0 && pause < intervalMs) setTimeout(loop, pause).unref();
        })
        .catch((err: unknown) => this.deps.logger.error({ err }, "reminder tick failed"));
    };
    loop();
    this.timer = setInterval(loop, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
