import { GrammyError, HttpError } from "grammy";
import { isQuietTime, nextAllowedTime } from "../rules/index.js";
import type { Logger } from "../logger.js";
import type { Clock, ReminderRow, ReminderStore, UserPrefs, UserStore } from "../store/index.js";

export const DEFAULT_TIME_ZONE = "Asia/Almaty";
/** A reminder sent more than this after its time says it is late. */
export const LATE_AFTER_MS = 60 * 60 * 1000;
/** Telegram's limits: about 30 messages a second overall, one a second per chat. */
export const GLOBAL_GAP_MS = 34;
export const PER_CHAT_GAP_MS = 1_000;
/** At most this many sends in any second (Telegram's 30), however late timers fire. */
export const PER_SECOND = 30;
/**
 * At most this many sends under way at once. A send to Telegram takes 50-150 ms over the network, so one at a
 * time could not keep up with 30 a second; each still takes its slot of the budget and its chat's second. It is
 * also the crash bound: a SIGKILL repeats at most this many reminders (see ReminderDispatcher).
 */
export const SENDS_IN_FLIGHT = 6;
/**
 * Slots missed while a send waited (a late timer, a busy event loop, the end of a batch) are made up back to
 * back, never more than this far back and never past PER_SECOND in any second; an idle dispatcher makes up none.
 */
export const CATCH_UP_MS = 500;
/** Margin on the per-second window. */
const WINDOW_MARGIN_MS = 5;
export const BATCH_SIZE = 50;
export const MAX_ATTEMPTS = 8;

export interface DispatcherLimits {
  globalGapMs: number;
  perChatGapMs: number;
  perSecond: number;
  /** Sends under way at once (SENDS_IN_FLIGHT unless given). */
  inFlight?: number;
}

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
  limits?: DispatcherLimits;
  /** Test seams to simulate a crash at each point of a dispatch. */
  hooks?: { afterClaim?(rows: ReminderRow[]): void; afterSend?(row: ReminderRow): void };
}

export type Outcome = "sent" | "expired" | "quiet" | "retry" | "blocked" | "rate_limited" | "failed" | "taken_over";

/** What one tick's sends tell the rows still waiting in it. */
interface Batch {
  /** Telegram answered 429: the rest of the batch goes back untouched. */
  halted: boolean;
  /** People who blocked the bot: their other rows of the batch wait with the rest of theirs. */
  blocked: Set<number>;
  /** A send failed in a way no outcome covers (the store, a crash seam): no new send starts; the tick throws it. */
  failure?: { err: unknown };
}

/**
 * A count of sends under way and the launcher waiting for one to end. Hand-written (a few lines): p-limit and
 * the like queue the work itself, while here the launcher must wait for a free place before it takes a slot of
 * the send budget, so that no slot is reserved for a send that cannot start.
 */
class InFlight {
  private n = 0;
  private readonly waiters: Array<() => void> = [];
  constructor(private readonly max: number) {}
  async take(): Promise<void> {
    while (this.n >= this.max) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.n++;
  }
  give(): void {
    this.n--;
    this.waiters.shift()?.();
  }
}

/**
 * Sends due reminders. Each batch is claimed in a transaction before anything is sent; up to SENDS_IN_FLIGHT
 * sends are under way at once, and each row is marked sent as soon as its send returns (on PostgreSQL the marks
 * of sends that end while another mark is being written share the next statement), its place held until the
 * mark is committed, so stopping the process at any point loses nothing: on start, `catchUp` returns claims of the dead process to
 * the queue. Only a crash between a successful send and its commit repeats a reminder: a SIGKILL repeats at
 * most the sends in flight at that moment (SENDS_IN_FLIGHT), each at most once, since a row is sent again only
 * after the restart re-queued it and that send is committed like any other (test/reminders/dispatcher.test.ts
 * and test/e2e/multiInstance.test.ts hold it to that). Every send keeps Telegram's limits: its slot of the send
 * budget (shared by all instances on PostgreSQL), never more than PER_SECOND in any second, one a second per
 * chat, and one send per chat at a time. Late reminders say so; those whose deadline has passed are dropped.
 */
export class ReminderDispatcher {
  /** When the next send may go: slots `globalGapMs` apart (missed ones made up within CATCH_UP_MS). */
  private nextSlot = 0;
  /** When the latest send was to go. */
  private lastAt = -Infinity;
  /** Rows the latest tick claimed: a full batch means more are due, so the next tick follows at once. */
  private claimed = 0;
  private stopped = false;
  /**
   * The latest sends (at most PER_SECOND kept), each at the time its answer came back (its start while under
   * way): Telegram counts a send somewhere between the two, so no PER_SECOND + 1 sends can fall in one second
   * however late a request leaves after its start (a busy event loop) or however bunched the made-up slots are.
   */
  private readonly recent: Array<{ at: number; back?: Promise<unknown> }> = [];
  private readonly lastSendTo = new Map<number, number>();
  /** Each chat's send under way (settled either way): a chat's next send waits for it. */
  private readonly chatBusy = new Map<number, Promise<unknown>>();
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  private readonly limits: Required<DispatcherLimits>;
  private readonly inFlight: InFlight;

  constructor(private readonly deps: DispatcherDeps) {
    const given = deps.limits ?? { globalGapMs: GLOBAL_GAP_MS, perChatGapMs: PER_CHAT_GAP_MS, perSecond: PER_SECOND };
    this.limits = { inFlight: SENDS_IN_FLIGHT, ...given };
    this.inFlight = new InFlight(Math.max(1, this.limits.inFlight));
  }

  /** After a restart: every claim left behind belongs to a process that is gone. */
  async catchUp(): Promise<number> {
    const released = await this.deps.reminders.releaseStaleClaims(Number.MAX_SAFE_INTEGER);
    if (released > 0) this.deps.logger.warn({ released }, "re-queued reminders claimed by a stopped process");
    return released;
  }

  /** Claims and sends one batch of due reminders; returns what happened to each (in the order their sends began). */
  async tick(): Promise<Outcome[]> {
    const { reminders } = this.deps;
    const now = this.deps.clock.now();
    this.claimed = 0;
    if (now < this.pausedUntil) return [];
    const rows = await reminders.claimDue(now, BATCH_SIZE);
    this.claimed = rows.length;
    this.deps.hooks?.afterClaim?.(rows);
    const prefs = await this.prefsOf(rows);
    const batch: Batch = { halted: false, blocked: new Set() };
    const outcomes: Array<Promise<Outcome>> = [];
    // A row whose chat is not free yet (its second since the last send, or a send under way) goes once to the
    // end of the batch, so one person with several rows due does not hold up everyone else's.
    const queue = rows.map((row) => ({ row, deferred: false }));
    try {
      for (let i = 0; i < queue.length; i++) {
        const item = queue[i]!;
        if (!item.deferred && queue.length - i > 1 && !this.chatFree(item.row.userId)) {
          queue.push({ row: item.row, deferred: true });
          continue;
        }
        const launched = await this.launch(item.row, prefs.get(item.row.userId) ?? {}, batch);
        if (launched) outcomes.push(launched.outcome);
      }
    } catch (err) {
      batch.failure ??= { err }; // the rows not begun stay claimed, as after a crash; the sends under way end first
    }
    const settled = await Promise.allSettled(outcomes);
    if (batch.failure) throw batch.failure.err;
    return settled.map((s) => (s.status === "fulfilled" ? s.value : "failed"));
  }

  /**
   * Everyone's preferences in the batch at once: one read for all where the store has one (one statement on
   * PostgreSQL, not a round trip a person), else the reads one a person, overlapping.
   */
  private async prefsOf(rows: ReminderRow[]): Promise<Map<number, UserPrefs>> {
    const { users } = this.deps;
    const ids = [...new Set(rows.map((r) => r.userId))];
    if (ids.length === 0) return new Map();
    if (users.getMany) return users.getMany(ids);
    return new Map(await Promise.all(ids.map(async (id) => [id, await users.get(id)] as const)));
  }

  /** The latest quiet-hours answer per time zone, with the UTC minute it holds for. */
  private readonly quietByZone = new Map<string, { minute: number; quiet: boolean }>();

  /**
   * `isQuietTime`, asked once per time zone and minute: it formats the instant in the zone (Intl), which was a
   * twentieth of a reminder's CPU, and a batch's rows are nearly all within one minute. Exact: today's zone
   * offsets are whole minutes and change on a minute, so the local hour is the same for a whole UTC minute.
   */
  private quiet(now: number, timeZone: string): boolean {
    const minute = Math.floor(now / 60_000);
    const known = this.quietByZone.get(timeZone);
    if (known?.minute === minute) return known.quiet;
    const quiet = isQuietTime(now, timeZone);
    if (this.quietByZone.size >= 1_000) this.quietByZone.clear(); // zones named by people: keep it bounded
    this.quietByZone.set(timeZone, { minute, quiet });
    return quiet;
  }

  private chatFree(userId: number): boolean {
    if (this.chatBusy.has(userId)) return false;
    const last = this.lastSendTo.get(userId);
    return last === undefined || last + this.limits.perChatGapMs <= this.deps.clock.now() + this.limits.globalGapMs;
  }

  /**
   * Takes one row through the waits (a place among the sends in flight, its chat, interactive updates, the send
   * budget) and starts its send (the claim's fence, the send, its mark); returns the send's outcome to come (wrapped: an async function returning a
   * promise would wait for it), or undefined when the row went back.
   */
  private async launch(row: ReminderRow, prefs: UserPrefs, batch: Batch): Promise<{ outcome: Promise<Outcome> } | undefined> {
    const { reminders, clock } = this.deps;
    const giveBack = async (): Promise<undefined> => {
      if (!batch.failure) await reminders.release(row.id, row.dueAt, false);
      return undefined;
    };
    // Rows after a 429 go back untouched; so do the other rows of someone who blocked the bot.
    const stopped = () => batch.halted || batch.failure !== undefined || batch.blocked.has(row.userId);
    if (stopped()) return giveBack();
    let now = clock.now();
    if (now > row.deadlineEnd) {
      await reminders.markExpired(row.id);
      return { outcome: Promise.resolve<Outcome>("expired") };
    }
    const timeZone = prefs.timezone ?? DEFAULT_TIME_ZONE;
    if (this.quiet(now, timeZone)) {
      await reminders.release(row.id, nextAllowedTime(now, timeZone), false);
      return { outcome: Promise.resolve<Outcome>("quiet") };
    }
    await this.inFlight.take();
    let started = false;
    try {
      await this.chatBusy.get(row.userId);
      if (stopped()) return await giveBack();
      await this.deps.idle();
      const counted = await this.respectLimits(row.userId);
      if (stopped()) {
        if (counted) counted.at = clock.now();
        return await giveBack();
      }
      now = clock.now();
      this.lastSendTo.set(row.userId, now);
      const sending = this.send(row, prefs, now, batch, counted).finally(() => {
        if (counted) delete counted.back;
        this.inFlight.give();
        if (this.chatBusy.get(row.userId) === done) this.chatBusy.delete(row.userId);
      });
      const done = sending.catch(() => undefined);
      if (counted) counted.back = done;
      this.chatBusy.set(row.userId, done);
      started = true;
      return { outcome: sending };
    } finally {
      if (!started) this.inFlight.give();
    }
  }

  /**
   * Runs another background send (a rule-change alert) within this dispatcher's limits: its slot of the same
   * budget, the per-second window and the chat's second, so alerts and reminders together keep Telegram's
   * limits (on SQLite the budget lives only here).
   */
  async paced<T>(userId: number, send: () => Promise<T>): Promise<T> {
    await this.chatBusy.get(userId);
    const counted = await this.respectLimits(userId);
    this.lastSendTo.set(userId, this.deps.clock.now());
    const sending = send();
    const done = sending.catch(() => undefined);
    if (counted) counted.back = done;
    this.chatBusy.set(userId, done);
    try {
      return await sending;
    } finally {
      if (counted) {
        counted.at = this.deps.clock.now(); // the answer is back: Telegram counted the send by now
        delete counted.back;
      }
      if (this.chatBusy.get(userId) === done) this.chatBusy.delete(userId);
    }
  }

  /** One send and its own commit; what went wrong is told to the rest of the batch before any wait. */
  private async send(row: ReminderRow, prefs: UserPrefs, now: number, batch: Batch, counted?: { at: number }): Promise<Outcome> {
    const { reminders, logger, clock } = this.deps;
    const back = () => {
      if (counted) counted.at = clock.now(); // the answer is back: Telegram counted the send by now
    };
    try {
      // The waits before may outlast the claim's lease: if another instance took the row over, it sends it, not
      // we. Checked here, right before the send, so the round trip overlaps the sends in flight.
      if (reminders.holdClaim && !(await reminders.holdClaim(row, clock.now()))) {
        back();
        logger.info({ reminder: row.id }, "reminder claim taken over by another instance while waiting; not sent here");
        return "taken_over";
      }
      try {
        await this.deps.send(row, { late: now - row.plannedAt > LATE_AFTER_MS, locale: prefs.language ?? prefs.seenLocale });
        back();
      } catch (err) {
        back();
        return await this.failed(row, err, batch);
      }
      this.deps.hooks?.afterSend?.(row);
      await reminders.markSentClaimed(row, now);
    } catch (err) {
      batch.failure ??= { err };
      throw err;
    }
    logger.debug({ reminder: row.id }, "reminder sent");
    return "sent";
  }

  /** Waits for this send's turn; returns its entry in the per-second window (none without a per-second limit). */
  private async respectLimits(userId: number): Promise<{ at: number; back?: Promise<unknown> } | undefined> {
    const { globalGapMs, perChatGapMs, perSecond } = this.limits;
    // The send PER_SECOND back must have come back: only then is its time known.
    if (this.recent.length >= perSecond) await this.recent[0]!.back;
    const now = this.deps.clock.now();
    // Several instances share one budget in the database (Telegram's limit is per bot, not per process).
    const shared = globalGapMs > 0 ? ((await this.deps.reminders.reserveSendSlot?.(now, globalGapMs, CATCH_UP_MS)) ?? -Infinity) : -Infinity;
    // A slot missed only just now is made up (a stall must not cost its slots for good); an old one means the
    // dispatcher was idle, and the budget starts again from now, a gap after the latest send.
    const own = this.nextSlot >= now - CATCH_UP_MS ? this.nextSlot : Math.max(now, this.lastAt + globalGapMs);
    const windowFree = this.recent.length >= perSecond ? this.recent[0]!.at + 1_000 + WINDOW_MARGIN_MS : -Infinity;
    const other = Math.max(own, shared, (this.lastSendTo.get(userId) ?? -Infinity) + perChatGapMs);
    const at = Math.max(other, windowFree);
    // Held back by the window alone (the sends made up a second ago), the schedule stays where it was, or the
    // stall would cost its slots once a second after all.
    this.nextSlot = (windowFree > other ? own : at) + globalGapMs;
    this.lastAt = at;
    this.lastSendTo.set(userId, at); // at once: a send to the same chat waiting beside this one (an alert) sees it
    if (at > now) await this.deps.sleep(at - now);
    if (!Number.isFinite(perSecond)) return undefined; // no per-second limit: nothing to remember
    const entry = { at: Math.max(at, this.deps.clock.now()) };
    this.recent.push(entry);
    if (this.recent.length > perSecond) this.recent.shift();
    return entry;
  }

  private async failed(row: ReminderRow, err: unknown, batch: Batch): Promise<Outcome> {
    const { reminders, logger, clock } = this.deps;
    const now = clock.now();
    if (err instanceof GrammyError && err.error_code === 429) {
      batch.halted = true; // before any wait: no further send of this batch starts
      const seconds = err.parameters.retry_after ?? 5;
      this.pausedUntil = Math.max(this.pausedUntil, now + seconds * 1000);
      await reminders.release(row.id, row.dueAt, false);
      logger.warn({ retry_after: seconds }, "rate limited by the Bot API; pausing reminders");
      return "rate_limited";
    }
    if (err instanceof GrammyError && err.error_code === 403) {
      // The user blocked the bot: hold their reminders until a my_chat_member update says otherwise.
      batch.blocked.add(row.userId);
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
