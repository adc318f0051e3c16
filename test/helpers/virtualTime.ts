import type { FakeClock } from "./testBot.js";

/**
 * Timers on a FakeClock, for code that waits on `sleep` while other work goes on (sends in flight): `sleep(ms)`
 * resolves once the clock reaches its time, and `run` moves the clock to the next timer once nothing else can
 * move: no promise left to settle and no call under way on an object wrapped with `track` (a store, whose
 * PostgreSQL queries take turns of the event loop). Time only moves forward and a sleep never ends early, so
 * whatever a test reads off the clock (gaps between sends) is what the code under test kept.
 */
export class VirtualTime {
  private timers: Array<{ at: number; resolve: () => void }> = [];
  private frozen = false;
  private busy = 0;

  constructor(readonly clock: FakeClock) {}

  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.clock.now() + Math.max(0, ms), resolve });
    });

  /** Nothing waiting on a timer ever wakes again (a process killed with SIGKILL). */
  freeze(): void {
    this.frozen = true;
    this.timers = [];
  }

  /** `target` with its async methods counted while under way: time stands still until they return. */
  track<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (obj, key) => {
        const value = Reflect.get(obj, key, obj) as unknown;
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(obj, args);
          if (!(out instanceof Promise)) return out;
          this.busy++;
          return out.finally(() => this.busy--);
        };
      },
    });
  }

  /** Moves time on until `work` settles; returns its result. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const out = work.finally(() => (done = true));
    out.catch(() => undefined);
    while (!done && !this.frozen) {
      // Let every promise that can move on do so (a query over a socket takes a turn of the event loop or more).
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setTimeout(r, 0));
      if (done || this.busy > 0 || this.timers.length === 0) continue;
      const at = Math.min(...this.timers.map((t) => t.at));
      if (at > this.clock.now()) this.clock.advance(at - this.clock.now());
      const due = this.timers.filter((t) => t.at <= this.clock.now());
      this.timers = this.timers.filter((t) => t.at > this.clock.now());
      for (const t of due) t.resolve();
    }
    return out;
  }
}
