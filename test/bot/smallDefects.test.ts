/** Issue 9, item 7: the smaller defects, each as a person would notice it. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderTelegramHtml, makeStyles } from "../../src/local/renderHtml.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ logLevel: "info" });
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);
const plain = (html: string) => renderTelegramHtml(html, makeStyles(false));

describe("unknown commands", () => {
  it("a 4,096-character unknown command is echoed short, within Telegram's limit", async () => {
    const user = new TestUser(h);
    await user.send(`/${"x".repeat(4095)}`);
    const reply = user.calls().find((c) => c.method === "sendMessage")!;
    expect(String(reply.payload.text).length).toBeLessThan(300);
    expect(String(reply.payload.text)).toContain(`/${"x".repeat(63)}…`);
  });

  it("HTML-like text in the command is shown as typed, not as &lt;b&gt;", async () => {
    const user = new TestUser(h);
    await user.send("/foo<b>bar</b>&");
    const reply = user.calls().find((c) => c.method === "sendMessage")!;
    expect(reply.payload.parse_mode).toBe("HTML");
    expect(plain(String(reply.payload.text))).toBe(t("en")("unhandled.unknown_command", { command: "/foo<b>bar</b>&", interpolation: { escapeValue: false } }));
  });
});

describe("'message is not modified'", () => {
  it("is no failure: choosing a language whose confirmation is unchanged says no 'Sorry'", async () => {
    const user = new TestUser(h);
    await user.send("/language");
    h.api.failNext("editMessageText", { error_code: 400, description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same" });
    await user.press("Deutsch");
    expect(user.replies()).not.toContain(t("de")("errors.internal"));
    expect(user.replies()).not.toContain(t("en")("errors.internal"));
    await user.send("/help");
    expect(user.lastText()).toContain(t("de")("help.title"));
  });
});

describe("updates without a chat", () => {
  it("an inline query or a chatless button press leaves an open /check as it was", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    const question = user.lastText();
    await h.bot.handleUpdate({ update_id: 900001, inline_query: { id: "iq", from: user.user, query: "visa", offset: "" } } as never);
    await h.bot.handleUpdate({ update_id: 900002, callback_query: { id: "cq", from: user.user, chat_instance: "c", inline_message_id: "im", data: "x" } } as never);
    expect(h.api.calls.some((c) => c.method === "answerInlineQuery")).toBe(true);
    // The person's next message still answers the first question of the check.
    await user.send("Algeria");
    expect(user.lastText()).not.toBe(question);
    await user.send("no");
    expect(user.buttons()).toContain(t("en")("check:opt.programming"));
  });
});

describe("/remind", () => {
  it("answers a photo and an edited message while it waits for a date, then takes the typed date", async () => {
    const user = new TestUser(h);
    await user.send("/remind");
    await user.press(t("en")("remind:milestone.entry"));
    await user.sendPhoto();
    expect(user.lastText()).toBe(t("en")("system:flow.text_only"));
    await user.editMessage("2026-11-27");
    expect(user.lastText()).toBe(t("en")("system:flow.edited"));
    await user.send("2026-11-27");
    expect(user.lastText()).toBe(t("en")("remind:intro"));
  });
});
