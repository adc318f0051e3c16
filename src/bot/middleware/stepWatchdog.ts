import { AsyncLocalStorage } from "node:async_hooks";
import type { ApiClientOptions } from "grammy";

/** What the watchdog knows of one update being handled. */
interface Scope {
  /** Bot API calls of this update in flight (retry waits included). */
  busy: number;
  /** When the last of them finished, or the update started. */
  last: number;
  /** Set once the update was given up: its later Bot API calls are refused. */
  abandoned: boolean;
}

/** Thrown into the step guard when an update made no progress for too long. */
export class StepStalledError extends Error {
  override name = "StepStalledError";
  constructor(idleMs: number) {
    super(`the update made no Bot API call for ${idleMs} ms and was given up`);
  }
}

/**
 * Releases a chat whose update never finishes. The conversations plugin (2.1.1, grammyjs/conversations#155)
 * never settles a replay when a Bot API call inside a conversation fails with an error that is not an
 * `HttpError` and the flow catches it: under `sequentialize` (and the per-chat lock of webhook mode)
 * every later message of that chat would wait behind it until a restart.
 *
 * Each update runs in its own async scope; every Bot API call (a fetch, retries and their waits
 * included) marks the scope busy. An update with no call in flight and none finished for `idleMs`
 * is given up: `run` rejects with `StepStalledError` (the step guard then keeps the conversation as
 * it was and tells the person), and any later Bot API call of that update is refused, so a step
 * that was only slow cannot speak after the chat moved on.
 */
export class StepWatchdog {
  private readonly scopes = new AsyncLocalStorage<Scope>();

  constructor(
    readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Wraps the client's fetch (outside the retries) so that the watchdog sees every call. */
  client(options: ApiClientOptions): ApiClientOptions {
    const base = options.fetch as unknown as (url: string, init?: unknown) => Promise<unknown>;
    const fetch = async (url: string, init?: unknown) => {
      const scope = this.scopes.getStore();
      if (!scope) return base(url, init);
      if (scope.abandoned) throw Object.assign(new Error("Bot API call refused: its update was given up"), { code: "ESTEPABANDONED" });
      scope.busy++;
      try {
        return await base(url, init);
      } finally {
        scope.busy--;
        scope.last = this.now();
      }
    };
    return { ...options, fetch: fetch as unknown as ApiClientOptions["fetch"] };
  }

  /** Runs one update's handling; rejects with `StepStalledError` if it stalls. */
  run<T>(handle: () => Promise<T>): Promise<T> {
    const scope: Scope = { busy: 0, last: this.now(), abandoned: false };
    const work = this.scopes.run(scope, handle);
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      const check = () => {
        if (scope.busy === 0 && this.now() - scope.last >= this.idleMs) {
          scope.abandoned = true;
          reject(new StepStalledError(this.idleMs));
          return;
        }
        timer = setTimeout(check, Math.max(5, Math.min(1000, this.idleMs / 4)));
        timer.unref();
      };
      check();
    });
    // The abandoned work may still fail later; nobody waits for it any more.
    work.catch(() => undefined);
    return Promise.race([work, stalled]).finally(() => clearTimeout(timer));
  }
}
