import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";
import { chain } from "./route.js";

/** Whether a predicate's answer is a promise (grammY lets `filter` predicates be async). */
const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as { then?: unknown } | null)?.then === "function";

/**
 * grammY's Composer for the features, with the same registration methods (`command`, `callbackQuery`, `on`,
 * `chatType`, `use`, …) and the same order and `next` semantics, but a different way of running them.
 *
 * Why not grammY's own: its `filter` (under `command`, `callbackQuery`, `on` and `chatType`) goes through
 * `branch` and `lazy`, which for every update that passes by build a new Composer, its closures and three or four
 * promises, match or not; and every `use` joins the handlers with an async wrapper and an async `next`. A button
 * press passed some forty such filters on its way to the feature that answers it: grammY's composer was about a
 * quarter of the bytes a free-text question allocated (32 of 134 KB in a sampling heap profile) and a fifth of a
 * command's (16 of 88 KB). Here a filter is a synchronous check before the handler (a predicate that returns a
 * promise is still waited for), and the handlers are joined by route.ts's `chain`: a skipped handler costs one
 * function call and allocates nothing.
 *
 * What differs from grammY's: a `next` called twice by one handler runs the rest twice instead of throwing
 * ("`next` already called before!"); no feature does that (route.ts's `chain` says the same of the bot's layers).
 * Only `use` and `filter` are replaced; every other method of Composer is built on them and works unchanged.
 */
export class FeatureComposer<C extends Context> extends Composer<C> {
  private readonly layers: Array<MiddlewareFn<C>> = [];
  private joined: MiddlewareFn<C> = chain<C>();
  /** Stable, so a parent that took it keeps seeing handlers registered on this one later (as grammY's does). */
  private readonly entry: MiddlewareFn<C> = (ctx, next) => this.joined(ctx, next);

  constructor(...middleware: Array<Middleware<C>>) {
    super();
    this.add(...middleware);
  }

  override middleware(): MiddlewareFn<C> {
    return this.entry;
  }

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new FeatureComposer<C>(...middleware);
    this.add(composer);
    return composer;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => unknown, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => unknown, ...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new FeatureComposer<C>(...middleware);
    const handler = composer.middleware();
    this.add((ctx, next) => {
      const matches = predicate(ctx);
      if (isThenable(matches)) return Promise.resolve(matches).then((yes) => (yes ? handler(ctx, next) : next()));
      return matches ? handler(ctx, next) : next();
    });
    return composer;
  }

  private add(...middleware: Array<Middleware<C>>): void {
    for (const m of middleware) {
      // A grammY Composer given here may still gain handlers: read its middleware when it runs, as grammY does.
      this.layers.push(typeof m === "function" ? m : m instanceof FeatureComposer ? m.middleware() : (ctx, next) => m.middleware()(ctx, next));
    }
    this.joined = chain<C>(...this.layers);
  }
}
