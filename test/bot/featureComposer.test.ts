import { Composer, Context } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { FeatureComposer } from "../../src/bot/middleware/featureComposer.js";
import { callbackUpdate, editedTextUpdate, makeUser, photoUpdate, textUpdate } from "../helpers/updates.js";

/**
 * The features run on FeatureComposer (src/bot/middleware/featureComposer.ts) instead of grammY's Composer: the same
 * registrations must answer every update as grammY's would, in the same order, with the same `ctx.match`, the
 * same `next` and the same failures.
 */
const me = { id: 42, is_bot: true as const, first_name: "Bot", username: "nomad_kz_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true, can_connect_to_business: false, has_main_web_app: false };
const user = makeUser({ id: 7301 });
const group = { id: -100, type: "group" as const, title: "g" };

/** One registration of every kind the features use, tracing what runs; written once, built on either class. */
function register(root: Composer<Context>, seen: string[]): void {
  const trace = (name: string) => (ctx: Context) => void seen.push(`${name}:${JSON.stringify(ctx.match ?? null)}`);
  const passOn = (name: string) => (ctx: Context, next: () => Promise<void>) => (seen.push(`${name}:${JSON.stringify(ctx.match ?? null)}`), next());
  root.use(async (_ctx, next) => {
    seen.push("outer>");
    await next();
    seen.push("<outer");
  });
  const privateChats = root.chatType("private");
  root.command("start", passOn("start"));
  root.command(["help", "about"], trace("help"));
  root.callbackQuery("menu", trace("menu"));
  root.callbackQuery([/^item:(\d+)$/, "other"], trace("item"));
  root.filter(async (ctx) => ctx.message?.text === "async yes", trace("async filter"));
  root.drop((ctx) => ctx.message?.text !== "dropped", trace("drop"));
  root.hears(/^hi (\w+)/, passOn("hears"));
  root.on("edited_message", trace("edited"));
  root.on("message:photo", trace("photo"));
  // Registered after the composers above were installed: grammY sees them on the next update, so must we.
  privateChats.command("settings", trace("private settings"));
  privateChats.on("message:text", passOn("private text"));
  const nested = privateChats.use(passOn("private use"));
  nested.callbackQuery(/^tz:(\w+)$/, trace("private tz"));
  root.on("message", trace("last message"));
  root.on("callback_query", trace("last press"));
}

const updates: Array<[string, Update]> = [
  ["a command", textUpdate(user, "/start now", 0)],
  ["a command of two", textUpdate(user, "/about", 0)],
  ["a command in a group", textUpdate(user, "/help@nomad_kz_bot", 0, group)],
  ["a private command registered late", textUpdate(user, "/settings", 0)],
  ["the same in a group", textUpdate(user, "/settings", 0, group)],
  ["plain text", textUpdate(user, "how much is the visa", 0)],
  ["group text", textUpdate(user, "how much is the visa", 0, group)],
  ["hears", textUpdate(user, "hi there", 0)],
  ["an async filter", textUpdate(user, "async yes", 0)],
  ["drop", textUpdate(user, "dropped", 0)],
  ["a press", callbackUpdate(user, "menu", undefined)],
  ["a press by regex", callbackUpdate(user, "item:12", undefined)],
  ["a press by string in a list", callbackUpdate(user, "other", undefined)],
  ["a press under a nested use", callbackUpdate(user, "tz:Berlin", undefined)],
  ["a stale press", callbackUpdate(user, "nothing", undefined)],
  ["an edited message", editedTextUpdate(user, "/help", 0)],
  ["a photo", photoUpdate(user, 0)],
];

async function traceOf(make: () => Composer<Context>, update: Update): Promise<string[]> {
  const seen: string[] = [];
  const composer = make();
  register(composer, seen);
  await composer.middleware()(new Context(update, undefined as never, me as never), async () => void seen.push("next of the composer"));
  return seen;
}

describe("FeatureComposer runs a feature as grammY's Composer does", () => {
  it.each(updates)("%s", async (_name, update) => {
    const grammy = await traceOf(() => new Composer<Context>(), update);
    const ours = await traceOf(() => new FeatureComposer<Context>(), update);
    expect(ours).toEqual(grammy);
    expect(ours.length).toBeGreaterThan(2); // the trace saw something besides the outer layer
  });

  it("a handler that fails, synchronously or not, rejects the composer's promise; what follows does not run", async () => {
    for (const failing of [
      () => {
        throw new Error("sync");
      },
      async () => {
        throw new Error("async");
      },
    ]) {
      const feature = new FeatureComposer<Context>();
      let after = false;
      feature.command("help", failing);
      feature.use(() => void (after = true));
      const run = Promise.resolve().then(() => feature.middleware()(new Context(textUpdate(user, "/help", 0), undefined as never, me as never), async () => undefined));
      await expect(run).rejects.toThrow(/sync/);
      expect(after).toBe(false);
    }
  });

  it("a handler skipped by its filter costs no promise: an update nobody hears ends synchronously", () => {
    const feature = new FeatureComposer<Context>();
    feature.command("help", () => undefined);
    feature.callbackQuery("menu", () => undefined);
    feature.chatType("private").on("message:photo", () => undefined);
    let reached = false;
    feature.middleware()(new Context(textUpdate(user, "a question", 0), undefined as never, me as never), () => {
      reached = true;
      return Promise.resolve();
    });
    // With grammY's Composer the next of the composer runs only after a chain of awaited promises.
    expect(reached).toBe(true);
  });
});
