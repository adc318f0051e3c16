/**
 * Callback data is typed by whoever sends it: ids such as "__proto__", "constructor" or "toString" must find
 * nothing in the bot's tables (no Object.prototype member), be answered as an out-of-date button, and change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-21 14:00 in Almaty
});
afterEach(() => h.close());
const t = (lng: string) => h.services.i18n.getFixedT(lng);

const FORGED = ["__proto__", "constructor", "toString"];
const DATA = ["rl:lead:ID:0", "rl:lt:ID:early:0", "rl:lt:b121_renewal:ID:0", "rl:mute:ID:0", "rl:unmute:ID:0", "rem:done:ID"];

/** The latest message the bot sent this person (a forged press needs one to sit on, as in a private chat). */
function lastMessage(user: TestUser): Message {
  const sent = h.api.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === user.user.id).at(-1)!;
  return h.api.message(user.user.id, (sent.result as Message).message_id)!;
}

describe("forged deadline ids in /reminders and reminder buttons", () => {
  for (const id of FORGED) {
    for (const pattern of DATA) {
      const data = pattern.replace("ID", id);
      it(`${data}: answered as an out-of-date button, nothing changes`, async () => {
        const user = new TestUser(h);
        await user.send("/remind");
        await user.press(t("en")("remind:milestone.b121_expiry"));
        await user.send("2027-01-20");
        await user.press(t("en")("remind:btn.done"));
        await user.send("/reminders");
        const { reminders } = h.services.stores;
        const before = { rows: await reminders.upcoming(user.user.id), choices: await reminders.choices(user.user.id) };
        expect(before.rows.length).toBeGreaterThan(0);

        await user.pressData(data, lastMessage(user));
        expect(user.notices()).toEqual([t("en")("errors.stale_button")]);
        expect(user.replies()).toEqual([]);
        expect(await reminders.upcoming(user.user.id)).toEqual(before.rows);
        expect(await reminders.choices(user.user.id)).toEqual(before.choices);
      });
    }
  }
});

describe("forged ids on the other buttons", () => {
  // These handlers already check ids against a list or a Map; kept here so a later table lookup cannot regress them.
  const OTHER = ["faq:g:ID:0", "faq:t:ID", "doc:r:ID", "doc:t:b9r:ID", "fee:r:ID", "plan:r:ID", "lang:ID", "tz:ID", "tz:set:Etc/ID", "cmp:ID"];
  it("each is answered with a short notice, never the internal error", async () => {
    let n = 0;
    for (const id of FORGED) {
      for (const pattern of OTHER) {
        // A person each, so that no rate limit answers in place of the handler.
        const user = new TestUser(h, { id: 5000 + n++ });
        await user.send("/start");
        await user.pressData(pattern.replace("ID", id), lastMessage(user));
        expect(user.notices(), pattern).toHaveLength(1);
        expect(user.notices()[0], pattern).not.toBe("");
        expect(user.replies(), pattern).toEqual([]);
      }
    }
  });
});
