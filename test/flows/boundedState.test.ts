/**
 * Issue 9, item 6: a conversation takes a bounded number of unusable answers in a row before it
 * offers to start over, and what it stores stays small however many updates it has seen.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAIR_USE } from "../../src/bot/middleware/rateLimit.js";
import { MAX_INVALID_IN_A_ROW } from "../../src/flows/step.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ logLevel: "info" });
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);
const q = (lng: string, id: string) => t(lng)(`check:q.${id}`).split("\n")[0]!;
/** The stored conversation state of a person, as the store returns it, in bytes of JSON. */
const storedBytes = async (user: TestUser) => Buffer.byteLength(JSON.stringify((await h.services.stores.conversations.read(String(user.user.id))) ?? null));

/** A stored /check or /remind stays below this, whatever was sent to it. */
const BOUND = 16_000;
/** Keeps a long run of answers under the flood limit (which counts on the fake clock). */
const pace = () => h.clock.advance((2 * FAIR_USE.windowMs) / FAIR_USE.limit);
/** The last question the bot asked: its buttons are where the person scrolls back to. */
const lastQuestion = () => h.api.calls.filter((c) => c.method === "sendMessage").at(-1)!.result as never;
/** Texts no question accepts, up to Telegram's 4,096 characters. */
const garbage = (i: number) => `${"ничего ".repeat(i % 600)}zz${i}`.slice(0, 4096);

describe("/check under a stream of unusable answers", () => {
  it("keeps its stored state bounded over 1,000 garbage answers, and still works afterwards", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("India");
    const question = lastQuestion();
    const early = await storedBytes(user);
    let largest = 0;
    for (let i = 0; i < 1000; i++) {
      pace();
      if (i % 3 === 0) await user.sendSticker();
      else await user.send(garbage(i));
      if (i % 100 === 99) largest = Math.max(largest, await storedBytes(user));
    }
    expect(largest).toBeLessThan(BOUND);
    expect(largest).toBeLessThan(early + 2_000);
    await user.pressData("chk:a:no", question);
    expect(user.lastText()).toContain(q("en", "it_specialty"));
    await user.press(t("en")("check:opt.programming"));
    expect(user.lastText()).toContain(q("en", "has_degree"));
  }, 60_000); // 1,000 updates: on PostgreSQL (TEST_ENGINE=postgres) each takes several round trips to the server

  it(`offers to start over after ${MAX_INVALID_IN_A_ROW} unusable answers in a row, keeping each answer's hint`, async () => {
    const user = new TestUser(h, { language_code: "ru" });
    await user.send("/check");
    for (let i = 1; i < MAX_INVALID_IN_A_ROW; i++) {
      await user.send("Атлантида");
      expect(user.lastText()).toBe(t("ru")("check:error.invalid_country"));
    }
    await user.send("Атлантида");
    const offer = t("ru")("limits:flow.check_restart", { restart: t("ru")("check:btn.restart") });
    expect(user.lastText()).toContain(t("ru")("check:error.invalid_country"));
    expect(user.lastText()).toContain(offer);
    expect(user.buttons()).toEqual([t("ru")("check:btn.restart")]);
    await user.press(t("ru")("check:btn.restart"));
    expect(user.lastText()).toContain(q("ru", "citizenship"));
    await user.send("Индия");
    expect(user.lastText()).toContain(q("ru", "second_citizenship_q"));
  });

  it("counts only answers in a row: a usable answer starts the count again", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    for (let i = 1; i < MAX_INVALID_IN_A_ROW; i++) await user.send("Atlantis");
    await user.send("India");
    for (let i = 1; i < MAX_INVALID_IN_A_ROW; i++) await user.send("perhaps");
    expect(user.lastText()).toBe(t("en")("check:error.choose_button"));
    expect(user.replies().join("\n")).not.toContain(t("en")("limits:flow.check_restart", { restart: t("en")("check:btn.restart") }));
  });

  it("keeps its stored state bounded when a person goes back and forth and restarts many times", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("India");
    const early = await storedBytes(user);
    for (let i = 0; i < 150; i++) {
      pace();
      await user.press("No");
      pace();
      await user.press(t("en")("check:btn.back"));
      if (i % 10 === 0) {
        h.clock.advance(FAIR_USE.windowMs);
        await user.press(t("en")("check:btn.restart"));
        await user.send("Germny"); // "did you mean", then the suggestion
        await user.press("Germany");
      }
    }
    expect(await storedBytes(user)).toBeLessThan(early + 2_000);
    await user.press("No");
    expect(user.lastText()).toContain(q("en", "it_specialty"));
  });

  it("keeps the count and the answers across a restart of the bot", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("Kenya");
    for (let i = 1; i < MAX_INVALID_IN_A_ROW; i++) await user.send("dunno");
    const restarted = await h.restart();
    h = restarted;
    user.useHarness(restarted);
    await user.send("dunno");
    expect(user.lastText()).toContain(t("en")("limits:flow.check_restart", { restart: t("en")("check:btn.restart") }));
    await user.send("no");
    expect(user.lastText()).toContain(q("en", "it_specialty"));
  });
});

describe("/remind under a stream of unusable answers", () => {
  it("keeps its stored state bounded over 1,000 garbage answers, and still saves the dates", async () => {
    const user = new TestUser(h);
    await user.send("/remind");
    await user.press(t("en")("remind:milestone.entry"));
    const early = await storedBytes(user);
    let largest = 0;
    for (let i = 0; i < 1000; i++) {
      pace();
      if (i % 4 === 0) await user.sendPhoto();
      else if (i % 4 === 1) await user.editMessage(garbage(i));
      else await user.send(garbage(i));
      if (i % 100 === 99) largest = Math.max(largest, await storedBytes(user));
    }
    expect(largest).toBeLessThan(BOUND);
    expect(largest).toBeLessThan(early + 2_000);
    await user.send("2026-11-27");
    await user.press(t("en")("remind:btn.done"));
    expect(await h.services.stores.milestones.read(String(user.user.id))).toEqual({ entry: "2026-11-27" });
  }, 60_000); // 1,000 updates: on PostgreSQL (TEST_ENGINE=postgres) each takes several round trips to the server

  it(`offers to start over after ${MAX_INVALID_IN_A_ROW} unusable answers in a row; starting over drops what was not saved`, async () => {
    const user = new TestUser(h, { language_code: "de" });
    await user.send("/remind");
    await user.press(t("de")("remind:milestone.entry"));
    await user.send("2026-11-27");
    await user.press(t("de")("remind:milestone.passport_expiry"));
    for (let i = 1; i < MAX_INVALID_IN_A_ROW; i++) {
      await user.send("irgendwann");
      expect(user.lastText()).toBe(t("de")("remind:error.date"));
    }
    await user.send("irgendwann");
    expect(user.lastText()).toContain(t("de")("remind:error.date"));
    expect(user.lastText()).toContain(t("de")("limits:flow.remind_restart", { restart: t("de")("limits:flow.btn_restart") }));
    await user.press(t("de")("limits:flow.btn_restart"));
    expect(user.lastText()).toBe(t("de")("remind:intro"));
    expect(user.buttons()).toContain(t("de")("remind:milestone.entry")); // the unsaved entry date is gone
    await user.press(t("de")("remind:btn.done"));
    expect(await h.services.stores.milestones.read(String(user.user.id))).toEqual({});
  });
});
