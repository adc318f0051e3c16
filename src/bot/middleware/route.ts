import type { Context, Middleware, MiddlewareFn } from "grammy";

/**
 * Runs `middleware` only for the updates `applies` accepts; every other update goes straight on to what follows.
 *
 * grammY's own `filter` (and `command`, `callbackQuery`, `on`, `chatType`, which are built on it) builds, for every
 * update that passes by, a new Composer, its closures and three or four promises, whether the filter matches or
 * not. A feature of a few commands costs that once per handler, and a question typed as text passed about 70 of
 * them before it reached the FAQ: grammY's composer was a third of the bytes the mixed benchmark allocated (about
 * 120 KB an update). Here a synchronous check decides, and an update it turns away costs one function call. The
 * features now run on FeatureComposer (featureComposer.ts), whose filters are synchronous too; a group still saves
 * an update the checks of every handler inside it. The group's features are joined by `chain`.
 */
export function onlyWhen<C extends Context>(applies: (ctx: C) => boolean, ...middleware: Array<Middleware<C>>): MiddlewareFn<C> {
  const handler = chain<C>(...middleware);
  return (ctx, next) => (applies(ctx) ? handler(ctx, next) : next());
}

/**
 * Whether an update can be heard by a feature that answers only commands and button presses (handlers built with
 * grammY's `command` and `callbackQuery`, inside `chatType` or not): a button press, or a message or channel post
 * with a `bot_command` entity. grammY's `command` looks at exactly these (`:entities:bot_command`, that is the
 * `entities` of a message or channel post, never a caption's or an edited message's); any command entity is
 * accepted here, wherever it stands, so this lets through everything grammY could match and more.
 */
export function isCommandOrPress(ctx: Context): boolean {
  const update = ctx.update;
  if (update.callback_query !== undefined) return true;
  const entities = (update.message ?? update.channel_post)?.entities;
  if (entities === undefined) return false;
  for (const entity of entities) if (entity.type === "bot_command") return true;
  return false;
}

/** An update of one kind (`"inline_query"`, `"my_chat_member"`): for features with one `on(kind)` handler. */
export function isKind(kind: keyof Context["update"]): (ctx: Context) => boolean {
  return (ctx) => ctx.update[kind] !== undefined;
}

/**
 * The bot's fixed run of layers as one middleware: each runs with a `next` that starts the rest, as grammY's
 * `use` would run them one after another.
 *
 * grammY joins every `use` with an async wrapper and an async `next` (two promises, two closures and two
 * microtask hops a layer), and an update passed about twenty of those in createBot before it reached a
 * feature: the joins were about a tenth of the bytes a trivial update allocated. Here a layer costs one
 * closure for its `next`, and a layer that does not wait adds no promise of its own. What grammY's join adds and this
 * does not: a `next` called twice throws ("`next` already called before!"); none of the layers does that.
 * A synchronous throw of the first layer reaches the caller as it is (createBot installs this under grammY's
 * error boundary, which turns it into a rejection as before); a `next` never throws, it returns the rejection,
 * as grammY's does, so a layer that chains on the promise (`next().then(…)`) sees the failure too.
 */
export function chain<C extends Context>(...middleware: Array<Middleware<C>>): MiddlewareFn<C> {
  const fns = middleware.map((m) => (typeof m === "function" ? m : m.middleware()));
  return fns.reduceRight<MiddlewareFn<C>>(
    (rest, layer) => (ctx, next) => layer(ctx, () => settled(rest, ctx, next)),
    (_ctx, next) => next(),
  );
}

/** `rest` run as a `next` is: always a promise. `Promise.resolve` of a promise is that promise, so one is made only
 * when `rest` ended synchronously. */
function settled<C extends Context>(rest: MiddlewareFn<C>, ctx: C, next: () => Promise<void>): Promise<void> {
  try {
    return Promise.resolve(rest(ctx, next)) as Promise<void>;
  } catch (error) {
    return Promise.reject(error);
  }
}
