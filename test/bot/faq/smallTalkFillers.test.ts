/**
 * Issue 11: a particle or filler inside a small-talk phrase ("ты вообще кто?", "who even are you", "сен өзі
 * кімсің") hid the phrase, and the message was searched as a question (it got eligibility or "what I can do").
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { smallTalkOf } from "../../../src/bot/faq/search/smallTalk.js";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

describe("fillers around small-talk phrases", () => {
  it.each(["ты вообще кто?", "кто же ты", "who even are you", "сен өзі кімсің", "wer bist du denn eigentlich"])("%j is 'who are you'", (text) => {
    expect(smallTalkOf(text)).toBe("about_bot");
  });

  it.each(["а сколько стоит виза", "so what are the fees", "also wie lange dauert es"])("%j is no small talk", (text) => {
    expect(smallTalkOf(text)).toBeUndefined();
  });
});

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe("fillers in dialogue", () => {
  it.each([
    ["en", "who even are you"],
    ["ru", "ты вообще кто?"],
    ["kk", "сен өзі кімсің"],
    ["de", "wer bist du denn eigentlich"],
  ])("in %s, %j gets the 'who are you' reply", async (lng, text) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(text);
    expect(user.lastText()).toBe(h.services.i18n.getFixedT(lng)("faq:chat.about_bot"));
  });
});
