import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { privacyText } from "../../src/bot/features/privacy.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const LANGS = ["en", "ru", "kk", "de"] as const;
const t = (lng: string) => h.services.i18n.getFixedT(lng);

describe("/start, /help, /privacy, /language in the user's Telegram language", () => {
  it.each(LANGS)("answers in %s", async (lng) => {
    const user = new TestUser(h, { language_code: lng, first_name: "Aigerim" });
    await user.send("/start");
    expect(user.lastText().startsWith(t(lng)("start.welcome", { name: "Aigerim" }))).toBe(true);
    expect(user.buttons()).toContain(t(lng)("menu.language"));

    await user.send("/help");
    expect(user.lastText()).toContain(t(lng)("help.title"));
    expect(user.lastText()).toContain(`/language — ${t(lng)("commands.language")}`);

    await user.send("/privacy");
    expect(user.lastText()).toBe(privacyText(t(lng)));

    await user.send("/language");
    expect(user.lastText()).toBe(t(lng)("language.choose"));
    expect(user.buttons().join(" ")).toMatch(/English.*Русский.*Қазақша.*Deutsch/);
    if (lng !== "en") expect(t(lng)("help.title")).not.toBe(t("en")("help.title"));
  });

  it("uses the primary subtag of a regional code (de-AT) and English for unsupported languages", async () => {
    const austrian = new TestUser(h, { id: 11, language_code: "de-AT" });
    await austrian.send("/help");
    expect(austrian.lastText()).toContain(t("de")("help.title"));
    const french = new TestUser(h, { id: 12, language_code: "fr" });
    await french.send("/help");
    expect(french.lastText()).toContain(t("en")("help.title"));
    const unknown = new TestUser(h, { id: 13, language_code: undefined });
    await unknown.send("/help");
    expect(unknown.lastText()).toContain(t("en")("help.title"));
  });
});

describe("choosing a language", () => {
  it("switches the confirmation and every later reply to German, and remembers it", async () => {
    const user = new TestUser(h, { language_code: "en" });
    await user.send("/language");
    await user.press("Deutsch");
    expect(user.notices()).toEqual([t("de")("language.saved")]);
    expect(user.lastText()).toBe(t("de")("language.saved_long", { language: "Deutsch" }));
    expect(user.buttons()).toContain("✓ Deutsch");
    await user.send("/help");
    expect(user.lastText()).toContain(t("de")("help.title"));
    await user.send("something random");
    // The FAQ's answer to an off-topic message (no match, or out of scope), in German.
    expect([t("de")("faq:ui.no_match"), t("de")("faq:chat.out_of_scope")]).toContain(user.lastText());
    expect(await h.services.stores.users.get(user.user.id)).toMatchObject({ language: "de" });
  });

  it("is offered from the /start menu too", async () => {
    const user = new TestUser(h, { language_code: "ru" });
    await user.send("/start");
    await user.press(t("ru")("menu.language"));
    await user.press("Қазақша");
    expect(user.lastText()).toBe(t("kk")("language.saved_long", { language: "Қазақша" }));
  });

  it("rejects a forged language button without changing anything", async () => {
    const user = new TestUser(h, { language_code: "en" });
    await user.pressData("lang:xx");
    expect(user.notices()).toEqual([t("en")("errors.stale_button")]);
    expect((await h.services.stores.users.get(user.user.id)).language).toBeUndefined();
  });
});

describe("deep links", () => {
  it("accepts a language payload and ignores malformed ones", async () => {
    const user = new TestUser(h, { language_code: "en" });
    await user.send("/start lang_kk");
    expect(user.lastText().startsWith(t("kk")("start.welcome", { name: "Alex" }))).toBe(true);
    const other = new TestUser(h, { id: 77, language_code: "en" });
    await other.send("/start <script>alert(1)</script>");
    expect(other.lastText().startsWith(t("en")("start.welcome", { name: "Alex" }))).toBe(true);
    await other.send("/start lang_fr");
    expect(other.lastText().startsWith(t("en")("start.welcome", { name: "Alex" }))).toBe(true);
  });

  it("escapes a user's name in the HTML welcome", async () => {
    const user = new TestUser(h, { first_name: "<b>Bob</b> & co" });
    await user.send("/start");
    expect(user.lastText()).toContain("&lt;b&gt;Bob&lt;/b&gt; &amp; co");
  });
});

describe("/cancel", () => {
  it("says there is nothing to stop when no conversation is open", async () => {
    const user = new TestUser(h, { language_code: "kk" });
    await user.send("/cancel");
    expect(user.lastText()).toBe(t("kk")("cancel.nothing"));
  });
});

describe("anything unrecognised gets a short, polite answer", () => {
  it.each(LANGS)("in %s: text, sticker, photo, edits, unknown commands, stale buttons", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.sendSticker();
    expect(user.lastText()).toBe(t(lng)("unhandled.media"));
    await user.sendPhoto();
    expect(user.lastText()).toBe(t(lng)("unhandled.media"));
    await user.editMessage("changed my mind");
    expect(user.lastText()).toBe(t(lng)("unhandled.edited"));
    await user.send("/teleport now");
    expect(user.lastText()).toBe(t(lng)("unhandled.unknown_command", { command: "/teleport" }));
    await user.pressData("some:old:button");
    expect(user.notices()).toEqual([t(lng)("errors.stale_button")]);
  });
});

describe("group chats", () => {
  it("answer only commands addressed to the bot by name", async () => {
    const user = new TestUser(h);
    await user.sendInGroup("hello everyone");
    await user.sendInGroup("/help");
    await user.sendInGroup("/help@some_other_bot");
    expect(h.api.calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
    await user.sendInGroup(`/help@${h.api.botInfo.username}`);
    const sent = h.api.calls.filter((c) => c.method === "sendMessage");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload.chat_id).toBe(-100500);
  });
});

describe("failures", () => {
  it("tell the user in their language when a reply fails, and keep serving", async () => {
    const user = new TestUser(h, { language_code: "de" });
    h.api.failNext("sendMessage", { error_code: 400, description: "Bad Request: something odd" });
    await user.send("/help");
    expect(user.lastText()).toBe(t("de")("errors.internal"));
    await user.send("/help");
    expect(user.lastText()).toContain(t("de")("help.title"));
  });

  it("log update ids and kinds, never what the user typed", async () => {
    const user = new TestUser(h);
    await user.send("my secret passport AB1234567");
    const logs = h.logs.join("");
    expect(logs).toContain("update handled");
    expect(logs).not.toContain("AB1234567");
  });
});
