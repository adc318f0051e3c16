import { Bot, Composer, Context, type MiddlewareFn } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { chain } from "../../src/bot/middleware/route.js";
import { makeUser, textUpdate } from "../helpers/updates.js";

/**
 * createBot runs its layers through `chain` (src/bot/middleware/route.ts) instead of one grammY `use` each: the
 * layers must still run in order, each able to stop the rest, to wait for it, and to fail into the error boundary.
 */
const me = { id: 42, is_bot: true as const, first_name: "Bot", username: "nomad_kz_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true, can_connect_to_business: false, has_main_web_app: false };
const update: Update = textUpdate(makeUser({ id: 7101 }), "hello", 0);

function botWith(...layers: Parameters<typeof chain<Context>>) {
  const bot = new Bot("1:x", { botInfo: me as never });
  const errors: unknown[] = [];
  const app = bot.errorBoundary((err) => void errors.push(err.error));
  app.use(chain<Context>(...layers));
  return { bot, errors };
}

describe("the bot's layers joined by chain", () => {
  it("run in order around what follows, a Composer among them, and the last one's next leaves the chain", async () => {
    const seen: string[] = [];
    const layer =
      (name: string): MiddlewareFn<Context> =>
      async (_ctx, next) => {
        seen.push(`${name}>`);
        await next();
        seen.push(`<${name}`);
      };
    const feature = new Composer<Context>();
    feature.use((_ctx, next) => (seen.push("feature"), next()));
    const { bot } = botWith(layer("a"), feature, layer("b"));
    bot.use(() => void seen.push("after"));
    await bot.handleUpdate(update);
    // grammY's error boundary calls what follows it once the bounded part is done.
    expect(seen).toEqual(["a>", "feature", "b>", "<b", "<a", "after"]);
  });

  it("a layer that does not call next stops the rest; one that ends synchronously still lets the layer before it go on", async () => {
    const seen: string[] = [];
    const { bot } = botWith(
      async (_ctx, next) => {
        await next();
        seen.push("first, after the rest");
      },
      (_ctx, next) => (seen.push("sync"), next()),
      () => void seen.push("stops here"),
      () => void seen.push("never"),
    );
    await bot.handleUpdate(update);
    expect(seen).toEqual(["sync", "stops here", "first, after the rest"]);
  });

  it("a layer that throws, synchronously or not, reaches the error boundary and what follows does not run", async () => {
    const cases: Array<[string, MiddlewareFn<Context>]> = [
      ["sync", () => {
        throw new Error("sync");
      }],
      ["async", async () => {
        throw new Error("async");
      }],
    ];
    for (const [message, failing] of cases) {
      let after = false;
      const { bot, errors } = botWith((_ctx, next) => next(), failing);
      bot.use(() => void (after = true));
      await bot.handleUpdate(update);
      expect(errors.map((e) => (e as Error).message)).toEqual([message]);
      expect(after).toBe(false);
    }
  });

  it("a next never throws: a layer that fails synchronously is a rejection the layer before it can catch", async () => {
    const caught: string[] = [];
    const { bot, errors } = botWith(
      (_ctx, next) => next().catch((err: Error) => void caught.push(err.message)),
      () => {
        throw new Error("sync below");
      },
    );
    await bot.handleUpdate(update);
    expect(caught).toEqual(["sync below"]);
    expect(errors).toEqual([]);
  });
});
