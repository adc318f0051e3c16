import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

/**
 * Runs `middleware` only for the updates `applies` accepts; every other update goes straight on to what follows.
 *
 * grammY's own `filter` (and `command`, `callbackQuery`, `on`, `chatType`, which are built on it) builds, for every
 * update that passes by, a new Composer, its closures and three or four promises, whether the filter matches or
 * not. A feature of a few commands costs that once per handler, and a question typed as text passed about 70 of
 * them before it reached the FAQ: grammY's composer was a third of the bytes the mixed benchmark allocated (about
 * 120 KB an update). Here a synchronous check decides, and an update it turns away costs one function call.
 */
export function onlyWhen<C extends Context>(applies: (ctx: C) => boolean, ...middleware: Array<Middleware<C>>): MiddlewareFn<C> {
  const handler = new Composer<C>(...middleware).middleware();
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
 * A synchronous throw reaches the caller as it is; createBot installs this under grammY's error boundary,
 * which turns it into a rejection as before.
 */
export function chain<C extends Context>(...middleware: Array<Middleware<C>>): MiddlewareFn<C> {
  const fns = middleware.map((m) => (typeof m === "function" ? m : m.middleware()));
  return fns.reduceRight<MiddlewareFn<C>>(
    // `Promise.resolve` of a promise is that promise: a `next` allocates one only when a layer ended synchronously.
    (rest, layer) => (ctx, next) => layer(ctx, () => Promise.resolve(rest(ctx, next)) as Promise<void>),
    (_ctx, next) => next(),
  );
}
