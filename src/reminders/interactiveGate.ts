import type { MiddlewareFn } from "grammy";

/**
 * Counts updates being handled, so background sends (reminders) wait while people are chatting:
 * interactive replies go first. `idle()` resolves when no update is in flight, or after `maxWaitMs`
 * so a busy bot still delivers reminders.
 */
export class InteractiveGate {
  private inFlight = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly maxWaitMs = 5_000) {}

  readonly middleware: MiddlewareFn = async (_ctx, next) => {
    this.inFlight++;
    try {
      await next();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const w of this.waiters.splice(0)) w();
    }
  };

  get busy(): boolean {
    return this.inFlight > 0;
  }

  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.maxWaitMs);
      timer.unref?.();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
