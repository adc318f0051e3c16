import type { BotServices } from "./context.js";

/** A conversation untouched this long is abandoned; its answers are deleted. */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;
/** A person silent this long, with no reminder since or to come, has all their data deleted. */
export const INACTIVE_AFTER_MONTHS = 12;
/** Values that failed to decrypt are set aside this long (for an operator to look at), then deleted. */
export const UNREADABLE_KEPT_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
/** People erased per batch by the daily sweep, so one run never holds the database for long. */
const ERASE_BATCH = 200;

type Deps = Pick<BotServices, "stores" | "clock" | "logger">;

/** The same calendar instant `months` earlier (UTC), clamped to the month's last day. */
export function monthsBefore(ms: number, months: number): number {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/** Deletes the state of conversations nobody has touched for 24 hours; returns how many went. */
export async function sweepAbandonedConversations(services: Deps): Promise<number> {
  const removed = await services.stores.conversations.deleteStale(services.clock.now() - ABANDONED_AFTER_MS);
  if (removed > 0) services.logger.info({ removed }, "deleted abandoned conversation state");
  return removed;
}

/**
 * The daily job: erases everything about people inactive for 12 months (no message from them and
 * no reminder to them since, none still to come), sessions untouched as long, and unreadable
 * values set aside more than 30 days ago. Returns what went.
 */
export async function sweepInactive(services: Deps): Promise<{ people: number; sessions: number; unreadable: number }> {
  const { stores, clock, logger } = services;
  const cutoff = monthsBefore(clock.now(), INACTIVE_AFTER_MONTHS);
  let people = 0;
  for (;;) {
    const batch = await stores.personal.inactiveSince(cutoff, ERASE_BATCH);
    for (const userId of batch) await stores.personal.erase(userId);
    people += batch.length;
    if (batch.length < ERASE_BATCH) break;
  }
  const sessions = await stores.sessions.deleteStale(cutoff);
  const unreadable = await stores.personal.sweepUnreadable(clock.now() - UNREADABLE_KEPT_DAYS * DAY_MS);
  if (people + sessions + unreadable > 0) logger.info({ people, sessions, unreadable }, "deleted the data of inactive people");
  return { people, sessions, unreadable };
}

/**
 * Runs the conversation sweep now and every `intervalMs`, and the inactivity sweep now and once a
 * day; returns a function that stops both.
 */
export function startHousekeeping(services: Deps, intervalMs = 15 * 60 * 1000, dailyMs = DAY_MS): () => void {
  const guard = (job: () => Promise<unknown>) => () => void job().catch((err: unknown) => services.logger.error({ err }, "housekeeping failed"));
  const conversations = guard(() => sweepAbandonedConversations(services));
  const daily = guard(() => sweepInactive(services));
  conversations();
  daily();
  const timers = [setInterval(conversations, intervalMs), setInterval(daily, dailyMs)];
  for (const t of timers) t.unref();
  return () => timers.forEach((t) => clearInterval(t));
}
