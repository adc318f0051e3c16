import type { Context, NextFunction } from "grammy";

/**
 * Each update starts on a turn of the event loop of its own (a `setImmediate`), so a run of updates that never
 * wait on I/O (a question answered from memory, a Bot API reply already buffered) cannot hold the loop.
 *
 * Without it, whatever waits on a timer starves while other updates are in flight: the step watchdog and the
 * reminder dispatcher run on timers, and a timer fires only once the microtask queue is empty. With 100 updates in
 * flight and replies at once, a /check step (then on the conversations plugin, which settled each step on a
 * `setTimeout(0)`) that costs 4 ms took up to 2.4 s, waiting for the whole in-flight set to drain first.
 * `setImmediate` keeps the order in which updates were handed over (callbacks run first in, first out), so
 * per-chat order, which `sequentialize` keeps after this, is unchanged. Costs a few microseconds an update.
 */
export function fairTurn<C extends Context>() {
  return async (_ctx: C, next: NextFunction) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await next();
  };
}
