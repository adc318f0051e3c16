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
  /** Rejects the update's `run` (set before the scope is watched). */
  giveUp: (error: StepStalledError) => void;
}

const noop = () => undefined;

function sameTransformers(outer: Api, options: ApiClientOptions): Api {
  const api = new Api(outer.token, options);
  api.config.use(...outer.config.installedTransformers());
  return api;
}

/** Thrown into the step guard when an update made no progress for too long. */
export class StepStalledError extends Error {
  override name = "StepStalledError";
  constructor(idleMs: number) {
    super(`the update made no Bot API call for ${idleMs} ms and was given up`);
  }
}

/**
 * Releases a chat whose update never finishes (a store that never answers; until the flows left it, the
 * conversations plugin's replay that never settled after a caught non-HTTP fault, grammyjs/conversations#155):
 * under `sequentialize` (and the per-chat lock of webhook mode) every later message of that chat would wait
 * behind it until a restart.
 *
 * Each update gets its own `ctx.api`, whose fetch marks the update busy while a Bot API call (retries and
 * their waits included) is in flight; the flows run on the update's context, so their calls count too. An
 * update with no call in flight and none finished for `idleMs` is
 * given up: `run` rejects with `StepStalledError` (the step guard then keeps the flow's state as it was
 * and tells the person through the Api it had before), and any later Bot API call of that update is
 * refused, so a step that was only slow cannot speak after the chat moved on.
 *
 * A call in flight is not the watchdog's to give up: it is bounded by the retry policy (transport/retryingFetch.ts:
 * 20 s an attempt, 45 s a call), after which it fails as a network error and the step guard or the flow handles it
 * as any other failed call; the idle time starts again when it ends. Giving the update up while its call is still
 * open would not stop that call from reaching the chat.
 *
 * The update is found through its Api, not through an `AsyncLocalStorage`: that one turns on Node's
 * promise hooks for every promise of the process, which cost 15-30% of the CPU time per update in the
 * mixed benchmark (bench/README.md).
 */
export class StepWatchdog {
  /** The updates being handled now, checked together on one timer. */
  private readonly active = new Set<Scope>();
  private timer: NodeJS.Timeout | undefined;

  /**
   * @param apiFor builds an update's Api from the bot's (`outer`) and the client options with the watched fetch; by
   * default a grammY Api with `outer`'s transformers (createBot's makes its JSON calls direct: transport/directCall.ts).
   */
  constructor(
    readonly idleMs: number,
    private readonly now: () => number = Date.now,
    private readonly apiFor: (outer: Api, options: ApiClientOptions) => Api = sameTransformers,
  ) {}

  /** Runs one update's handling with `ctx.api` watched; rejects with `StepStalledError` if it stalls. */
  run<T>(ctx: Context, handle: () => Promise<T>): Promise<T> {
    const outer = ctx.api;
    const base = outer.options?.fetch as unknown as Fetch | undefined;
    // createBot always gives the client a fetch (the retrying one); without one nothing could be watched.
    if (!base) return handle();
    const scope: Scope = { busy: 0, last: this.now(), abandoned: false, giveUp: noop };
    const api = this.apiFor(outer, { ...outer.options, fetch: this.watched(base, scope) as unknown as ApiClientOptions["fetch"] });
    (ctx as { api: Api }).api = api;
    // One promise an update, settled by the work or by the sweep, whichever comes first (a later settling is
    // ignored: the abandoned work may still fail, and nobody waits for it any more). Not a timer and a race per
    // update: a timer an update was most of what the watchdog cost (Node keeps timers in ordered lists).
    return new Promise<T>((resolve, reject) => {
      scope.giveUp = reject;
      this.watch(scope);
      handle().then(
        (value) => {
          this.unwatch(scope);
          resolve(value);
        },
        (error: unknown) => {
          this.unwatch(scope);
          reject(error);
        },
      );
    });
  }

  private watch(scope: Scope): void {
    this.active.add(scope);
    if (this.timer) return;
    // Every update is checked once a period, so one is given up between `idleMs` and `idleMs` plus a period
    // after its last Bot API call, as with a timer of its own started when it began.
    this.timer = setInterval(() => this.sweep(), Math.max(5, Math.min(1000, this.idleMs / 4)));
    this.timer.unref();
  }

  private unwatch(scope: Scope): void {
    this.active.delete(scope);
    if (this.active.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private sweep(): void {
    const now = this.now();
    for (const scope of this.active) {
      if (scope.busy === 0 && now - scope.last >= this.idleMs) {
        scope.abandoned = true;
        this.unwatch(scope);
        scope.giveUp(new StepStalledError(this.idleMs));
      }
    }
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
