import type { BotServices } from "./context.js";

/** A conversation untouched this long is abandoned; its answers are deleted. */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** Deletes the state of conversations nobody has touched for 24 hours; returns how many went. */
export async function sweepAbandonedConversations(services: Pick<BotServices, "stores" | "clock" | "logger">): Promise<number> {
  const removed = await services.stores.conversations.deleteStale(services.clock.now() - ABANDONED_AFTER_MS);
  if (removed > 0) services.logger.info({ removed }, "deleted abandoned conversation state");
  return removed;
}

/** Runs the sweep now and then every `intervalMs`; returns a function that stops it. */
export function startHousekeeping(services: Pick<BotServices, "stores" | "clock" | "logger">, intervalMs = 15 * 60 * 1000): () => void {
  const run = () =>
    void sweepAbandonedConversations(services).catch((err: unknown) => services.logger.error({ err }, "housekeeping failed"));
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
