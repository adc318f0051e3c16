/**
 * A /check step reads the person's language preferences once: the contexts the conversation builds for its
 * replay and for the update it waited for take them from the outer middleware's reading of the same update,
 * and a preference saved between two updates is seen by the next one.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, FakeClock, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness | undefined;
afterEach(() => h?.close());

function countReads(harness: Harness) {
  const users = harness.services.stores.users;
  const get = users.get.bind(users);
  const reads = { count: 0 };
  users.get = async (id) => {
    reads.count++;
    return get(id);
  };
  return reads;
}

describe("language preferences in /check", () => {
  it("are read once per step, and the questions stay in the person's language", async () => {
    h = await createHarness({ clock: new FakeClock(Date.parse("2026-12-01T06:00:00Z")), logLevel: "silent" });
    const de = h.services.i18n.getFixedT("de");
    const user = new TestUser(h, { language_code: "de" });
    const reads = countReads(h);
    await user.send("/check");
    expect(reads.count).toBe(1);
    expect(user.buttons()).toContain(de("check:opt.stateless"));
    for (const answer of ["Algerien", "nein"]) {
      reads.count = 0;
      await user.send(answer);
      expect(reads.count).toBe(1);
    }
    expect(user.buttons()).toContain(de("check:opt.programming"));
  });

  it("follow a language saved between two updates (nothing is kept from one update to the next)", async () => {
    h = await createHarness({ clock: new FakeClock(Date.parse("2026-12-01T06:00:00Z")), logLevel: "silent" });
    const user = new TestUser(h, { language_code: "de" });
    await user.send("/check");
    await user.send("Algerien");
    await h.services.stores.users.update(user.user.id, { language: "ru" });
    await user.send("нет");
    expect(user.buttons()).toContain(h.services.i18n.getFixedT("ru")("check:opt.programming"));
  });
});
