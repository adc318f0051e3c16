import { Api, type ApiClientOptions, type Context } from "grammy";

type Fetch = (url: string, init?: unknown) => Promise<unknown>;

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
 * Each update gets its own `ctx.api`, whose fetch marks the update busy while a Bot API call (retries and
 * their waits included) is in flight; the conversations plugin builds its Api from `ctx.api`'s options,
 * so the calls of a flow count too. An update with no call in flight and none finished for `idleMs` is
 * given up: `run` rejects with `StepStalledError` (the step guard then keeps the conversation as it was
 * and tells the person through the Api it had before), and any later Bot API call of that update is
 * refused, so a step that was only slow cannot speak after the chat moved on.
 *
 * The update is found through its Api, not through an `AsyncLocalStorage`: that one turns on Node's
 * promise hooks for every promise of the process, which cost 15-30% of the CPU time per update in the
 * mixed benchmark (bench/README.md).
 */
export class StepWatchdog {
  constructor(
    readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs one update's handling with `ctx.api` watched; rejects with `StepStalledError` if it stalls. */
  run<T>(ctx: Context, handle: () => Promise<T>): Promise<T> {
    const scope: Scope = { busy: 0, last: this.now(), abandoned: false };
    const outer = ctx.api;
    const base = outer.options?.fetch as unknown as Fetch | undefined;
    // createBot always gives the client a fetch (the retrying one); without one nothing could be watched.
    if (!base) return handle();
    const api = new Api(outer.token, { ...outer.options, fetch: this.watched(base, scope) as unknown as ApiClientOptions["fetch"] });
    api.config.use(...outer.config.installedTransformers());
    (ctx as { api: Api }).api = api;
    const work = handle();
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

  private watched(base: Fetch, scope: Scope): Fetch {
    return async (url, init) => {
      if (scope.abandoned) throw Object.assign(new Error("Bot API call refused: its update was given up"), { code: "ESTEPABANDONED" });
      scope.busy++;
      try {
        return await base(url, init);
      } finally {
        scope.busy--;
        scope.last = this.now();
      }
    };
  }
}
