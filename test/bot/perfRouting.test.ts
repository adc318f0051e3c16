import { Bot, Composer, Context } from "grammy";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MENU_COMMANDS } from "../../src/bot/commands.js";
import type { BotContext } from "../../src/bot/context.js";
import { isCommandOrPress, isKind, onlyWhen } from "../../src/bot/middleware/route.js";
import { updateLogger } from "../../src/bot/middleware/updateLogger.js";
import { createLogger } from "../../src/logger.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { callbackUpdate, editedTextUpdate, makeUser, photoUpdate, textUpdate } from "../helpers/updates.js";

/**
 * The bot skips the features that answer only commands and button presses for updates that are neither
 * (src/bot/middleware/route.ts): what they must still hear, they hear, and what they never could, they are not
 * asked about.
 */
const me = { id: 42, is_bot: true as const, first_name: "Bot", username: "nomad_kz_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true, can_connect_to_business: false, has_main_web_app: false };
const user = makeUser({ id: 7001 });
const ctxOf = (update: Update) => new Context(update, undefined as never, me as never);

describe("which updates reach the command and button features", () => {
  it("a command (also inside a sentence) and a press do; plain text, a photo, an edited command, a caption do not", () => {
    expect(isCommandOrPress(ctxOf(textUpdate(user, "/help", 0)))).toBe(true);
    expect(isCommandOrPress(ctxOf(textUpdate(user, "/start@nomad_kz_bot check", 0)))).toBe(true);
    expect(isCommandOrPress(ctxOf(callbackUpdate(user, "faq:menu", undefined)))).toBe(true);
    expect(isCommandOrPress(ctxOf({ update_id: 1, channel_post: { message_id: 1, date: 0, chat: { id: -1, type: "channel", title: "c" }, text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] } } as Update))).toBe(true);
    expect(isCommandOrPress(ctxOf(textUpdate(user, "how much is the e-visa", 0)))).toBe(false);
    expect(isCommandOrPress(ctxOf(photoUpdate(user, 0)))).toBe(false);
    // grammY's `command` hears neither of these, so nothing in the skipped features could answer them.
    expect(isCommandOrPress(ctxOf(editedTextUpdate(user, "/help", 0)))).toBe(false);
    const captioned = photoUpdate(user, 0) as unknown as { message: Record<string, unknown> };
    captioned.message.caption = "/help";
    captioned.message.caption_entities = [{ type: "bot_command", offset: 0, length: 5 }];
    expect(isCommandOrPress(ctxOf(captioned as never))).toBe(false);
  });

  it("a skipped group is not run at all, and what follows it still is", async () => {
    const bot = new Bot("1:x", { botInfo: me as never });
    const seen: string[] = [];
    const group = new Composer<Context>();
    group.use((_ctx, next) => {
      seen.push("group");
      return next();
    });
    bot.use(onlyWhen(isCommandOrPress, group));
    bot.use(onlyWhen(isKind("inline_query"), () => void seen.push("inline")));
    bot.use(() => void seen.push("after"));
    await bot.handleUpdate(textUpdate(user, "a question", 0));
    expect(seen).toEqual(["after"]);
    seen.length = 0;
    await bot.handleUpdate(textUpdate(user, "/help", 0));
    expect(seen).toEqual(["group", "after"]);
    seen.length = 0;
    await bot.handleUpdate({ update_id: 9, inline_query: { id: "q", from: user, query: "visa", offset: "" } } as Update);
    expect(seen).toEqual(["inline"]);
  });
});

describe("the real bot still answers what the skipped features hear", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ logLevel: "silent" });
  });
  afterAll(() => h.close());

  it("every menu command gets its own answer, not the unknown-command reply", async () => {
    const t = h.services.i18n.getFixedT("en");
    const unknown = (c: string) => t("unhandled.unknown_command", { command: `/${c}` });
    for (const [i, command] of MENU_COMMANDS.entries()) {
      const person = new TestUser(h, { id: 7100 + i });
      await person.send(`/${command}`);
      expect(person.replies().length, command).toBeGreaterThan(0);
      expect(person.replies(), command).not.toContain(unknown(command));
    }
  });

  it("presses on the main menu's buttons are answered by their features, not as stale buttons", async () => {
    const t = h.services.i18n.getFixedT("en");
    const person = new TestUser(h, { id: 7200 });
    await person.send("/start");
    const labels = person.buttons();
    expect(labels.length).toBeGreaterThan(3);
    for (const label of labels) {
      await person.send("/start");
      await person.press(label);
      expect(person.notices(), label).not.toContain(t("errors.stale_button"));
      expect(person.calls().length, label).toBeGreaterThan(0);
    }
  });

  it("plain text still reaches the FAQ and the time-zone reader, a photo the last feature", async () => {
    const t = h.services.i18n.getFixedT("en");
    const person = new TestUser(h, { id: 7300 });
    await person.send("how long does the b9-1 permit last");
    expect(person.replies().length).toBe(1);
    expect(person.lastText()).not.toBe(t("unhandled.text"));
    await person.send("Europe/Berlin");
    expect(person.lastText()).toContain("Berlin");
    await person.sendPhoto();
    expect(person.lastText()).toBe(t("unhandled.media"));
  });

  it("a block still pauses the chat's reminders (my_chat_member goes to its feature)", async () => {
    const paused = vi.spyOn(h.services.stores.reminders, "setPaused");
    await h.bot.handleUpdate({
      update_id: 77,
      my_chat_member: {
        chat: { id: 7400, type: "private", first_name: "A" },
        from: makeUser({ id: 7400 }),
        date: 0,
        old_chat_member: { status: "member", user: me },
        new_chat_member: { status: "kicked", user: me, until_date: 0 },
      },
    } as Update);
    expect(paused).toHaveBeenCalledWith(7400, true);
  });
});

describe("the update logger with debug off", () => {
  it("builds nothing for the logger: it does not call it at all", async () => {
    const logger = createLogger({ level: "info", destination: { write: () => undefined } as never });
    const debug = vi.spyOn(logger, "debug");
    const log = updateLogger();
    const ctx = Object.assign(ctxOf(textUpdate(user, "hi", 0)), { services: { logger } }) as unknown as BotContext;
    let passed = false;
    await log(ctx, async () => {
      passed = true;
    });
    expect(passed).toBe(true);
    expect(debug).not.toHaveBeenCalled();
    // A level raised at run time is followed (pino swaps its level methods, so watch the new one).
    logger.level = "debug";
    const debugOn = vi.spyOn(logger, "debug");
    await log(ctx, async () => undefined);
    expect(debugOn).toHaveBeenCalledTimes(1);
  });
});
