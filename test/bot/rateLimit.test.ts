/** Issue 9, item 6: one person flooding the bot is slowed down alone, politely and once per window. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAIR_USE } from "../../src/bot/middleware/rateLimit.js";
import { SUPPORTED_LOCALES } from "../../src/store/index.js";
import { LIMITS } from "../fuzz/telegramRules.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { callbackUpdate, textUpdate } from "../helpers/updates.js";

let h: Harness;
/** FAQ searches and conversation-state reads made for each person: the work a dropped update must not cost. */
let searches: number;
let stateReads: Map<string, number>;

beforeEach(async () => {
  h = await createHarness({ logLevel: "info" });
  searches = 0;
  const faq = h.services.faq;
  h.services.faq = () => {
    const search = faq();
    return { search: (q: string) => (searches++, search.search(q)) };
  };
  // Every update that gets past the limit loads its chat's conversation state (the session is lazy: no
  // feature reads it, so it is no measure of the work done).
  stateReads = new Map();
  const conversations = h.services.stores.conversations;
  const read = conversations.read.bind(conversations);
  conversations.read = (key: string) => {
    stateReads.set(key, (stateReads.get(key) ?? 0) + 1);
    return read(key);
  };
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);
const seconds = () => Math.floor(h.clock.now() / 1000);
const textsTo = (chatId: number) =>
  h.api.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId).map((c) => String(c.payload.text));

describe("flood control", () => {
  it("answers another person's /help every time while one person floods, and warns the flooder once per window", async () => {
    const flooder = new TestUser(h, { id: 501, language_code: "ru" });
    const other = new TestUser(h, { id: 502 });
    // 300 questions at once, with the other person's /help among them, all handled concurrently.
    const flood = Array.from({ length: 300 }, (_, i) => h.bot.handleUpdate(textUpdate(flooder.user, `сколько стоит виза ${i}`, seconds())));
    const helps = Array.from({ length: 5 }, () => h.bot.handleUpdate(textUpdate(other.user, "/help", seconds())));
    await Promise.all([...flood, ...helps]);

    expect(textsTo(502)).toHaveLength(5);
    for (const text of textsTo(502)) expect(text).toContain(t("en")("help.title"));
    const toFlooder = textsTo(501);
    expect(toFlooder).toHaveLength(FAIR_USE.limit + 1);
    expect(toFlooder.filter((x) => x === t("ru")("limits:flood.warning"))).toHaveLength(1);
    expect(textsTo(502).every((x) => x !== t("en")("limits:flood.warning"))).toBe(true);
    // What was dropped cost nothing downstream: one search and one state read per answered question.
    expect(searches).toBe(FAIR_USE.limit);
    expect(stateReads.get("501")).toBe(FAIR_USE.limit);

    // The next window: answered again, and a second flood earns exactly one more warning.
    h.clock.advance(FAIR_USE.windowMs);
    await flooder.send("сколько стоит виза");
    expect(flooder.replies()).toHaveLength(1);
    expect(flooder.lastText()).not.toBe(t("ru")("limits:flood.warning"));
    for (let i = 0; i < 100; i++) await flooder.send(`ещё ${i}`);
    expect(textsTo(501).filter((x) => x === t("ru")("limits:flood.warning"))).toHaveLength(2);
  });

  it("keeps another person's reply time as it was while the flood goes on", async () => {
    const flooder = new TestUser(h, { id: 601 });
    const other = new TestUser(h, { id: 602 });
    const long = "how much is the visa fee and what documents do I need ".repeat(80).slice(0, 4096);
    const helpsTaking = async (n: number) => {
      const started = performance.now();
      for (let i = 0; i < n; i++) await other.send("/help");
      return performance.now() - started;
    };
    await helpsTaking(2); // warm-up
    const baseline = await helpsTaking(8);
    // The flooder uses up the window, then 300 more 4,096-character questions arrive while /help is asked.
    for (let i = 0; i < FAIR_USE.limit; i++) await flooder.send(long);
    const flood = Array.from({ length: 300 }, () => h.bot.handleUpdate(textUpdate(flooder.user, long, seconds())));
    const during = await helpsTaking(8);
    await Promise.all(flood);
    expect(textsTo(602).filter((x) => x.includes(t("en")("help.title")))).toHaveLength(18);
    expect(textsTo(601)).toHaveLength(FAIR_USE.limit + 1);
    // A relative bound, generous for a loaded machine: without flood control the 300 searches take seconds.
    expect(during).toBeLessThan(4 * baseline + 150);
  });

  it("keeps button presses from spinning: the first one over the limit says why, then a few get an empty answer", async () => {
    const user = new TestUser(h, { id: 701, language_code: "de" });
    await user.send("/faq");
    const menu = h.api.calls.filter((c) => c.method === "sendMessage").at(-1)!.result as never;
    for (let i = 0; i < 3 * FAIR_USE.limit; i++) await h.bot.handleUpdate(callbackUpdate(user.user, "faq:menu", menu));
    const answers = h.api.calls.filter((c) => c.method === "answerCallbackQuery");
    // The /faq message used one update of the window; every press up to the limit and `limit` after it are answered.
    const within = FAIR_USE.limit - 1;
    expect(answers).toHaveLength(within + FAIR_USE.limit);
    expect(answers[within]!.payload).toMatchObject({ text: t("de")("limits:flood.warning"), show_alert: true });
    expect(answers.slice(within + 1).every((a) => a.payload.text === undefined)).toBe(true);
    expect(textsTo(701).filter((x) => x === t("de")("limits:flood.warning"))).toHaveLength(0); // a toast, not a message
  });

  it("has a warning short enough for a toast in every language", () => {
    for (const lng of SUPPORTED_LOCALES) expect(t(lng)("limits:flood.warning").length, lng).toBeLessThanOrEqual(LIMITS.toast);
  });

  it("warns in the language the person chose, and never counts a block or an unblock", async () => {
    const user = new TestUser(h, { id: 801, language_code: "en" });
    await user.send("/language");
    await user.press("Қазақша");
    for (let i = 0; i < FAIR_USE.limit; i++) await user.send(`/help`);
    expect(textsTo(801).filter((x) => x === t("kk")("limits:flood.warning"))).toHaveLength(1);
    const blocked = {
      update_id: 9_000_001,
      my_chat_member: {
        chat: { id: 801, type: "private", first_name: "Alex" },
        from: user.user,
        date: seconds(),
        old_chat_member: { status: "member", user: h.api.botInfo },
        new_chat_member: { status: "kicked", user: h.api.botInfo, until_date: 0 },
      },
    };
    await h.bot.handleUpdate(blocked as never);
    expect(await h.services.stores.reminders.isPaused(801)).toBe(true);
    expect(h.logs.join("\n")).not.toContain("update failed");
  });
});
