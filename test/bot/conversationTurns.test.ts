import { conversations, createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import { Bot, type Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";

/**
 * The conversations plugin as patched (patches/@grammyjs+conversations+2.1.1.patch, patches/README.md): a step
 * settles on microtask turns, not on a turn of the event loop, so under load it does not wait for every other
 * update in flight; and what the timer was there for still holds, an operation a chain of promises starts after
 * the flow waits is part of the step.
 */
type Ctx = ConversationFlavor<Context>;

const botInfo = { id: 42, is_bot: true, first_name: "T", username: "t_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } as UserFromGetMe;

function testBot(flow: (conversation: Conversation<Ctx, Context>, ctx: Context) => Promise<void>) {
  const sent: string[] = [];
  // A fake `client.fetch` (a transformer on bot.api would not reach the Api the plugin builds for each replay).
  const fetch = async (url: string, init: { body?: string }) => {
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = JSON.parse(init.body ?? "{}") as { text?: unknown };
    if (method === "sendMessage") sent.push(String(payload.text));
    const result = method === "sendMessage" ? { message_id: sent.length, date: 0, chat: { id: 7, type: "private", first_name: "A" } } : true;
    return { ok: true, status: 200, json: async () => ({ ok: true, result }) };
  };
  const bot = new Bot<Ctx>("1:test", { botInfo, client: { fetch: fetch as never } });
  bot.use(conversations());
  bot.use(createConversation(flow, "flow"));
  bot.command("go", (ctx) => ctx.conversation.enter("flow"));
  let id = 1;
  const message = (text: string): Update => ({
    update_id: id++,
    message: {
      message_id: id,
      date: 0,
      chat: { id: 7, type: "private", first_name: "A" },
      from: { id: 7, is_bot: false, first_name: "A" },
      text,
      ...(text.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.length }] } : {}),
    },
  });
  return { bot, sent, message };
}

describe("conversation steps and the event loop", () => {
  it("a step that asks and waits ends before the event loop turns", async () => {
    const { bot, sent, message } = testBot(async (conversation, ctx) => {
      await ctx.reply("first question");
      await conversation.wait();
      await ctx.reply("second question");
      await conversation.wait();
    });
    for (const text of ["/go", "an answer"]) {
      let turned = false;
      setImmediate(() => (turned = true));
      await bot.handleUpdate(message(text));
      // Unpatched, the step waited for a setTimeout(0): the immediate set before it had fired by then.
      expect(turned).toBe(false);
    }
    expect(sent).toEqual(["first question", "second question"]);
  });

  it("a message sent by a chain of awaits the flow did not wait for is still sent within the step", async () => {
    const { bot, sent, message } = testBot(async (conversation, ctx) => {
      // Floating on purpose: it starts its send only after 30 microtask turns, once the flow already waits.
      void (async () => {
        for (let i = 0; i < 30; i++) await undefined;
        await ctx.reply("sent late");
      })();
      await conversation.wait();
      await ctx.reply("after the answer");
    });
    await bot.handleUpdate(message("/go"));
    expect(sent).toEqual(["sent late"]);
    await bot.handleUpdate(message("an answer"));
    // Replayed, the late send is not sent again, and the flow goes on.
    expect(sent).toEqual(["sent late", "after the answer"]);
  });
});
