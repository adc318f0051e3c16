import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { monthsBefore, startHousekeeping, sweepInactive } from "../../src/bot/housekeeping.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-21
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);
const rowsOf = async (id: number) => (await h.store.cells()).filter((c) => c.value === id || c.value === String(id));

async function setUpPerson(id: number, visaExpiry?: string): Promise<TestUser> {
  const user = new TestUser(h, { id });
  await user.send("/settings");
  await user.press(t("en")("remind:settings.change_tz"));
  await user.press("Europe/Berlin");
  if (visaExpiry) {
    await user.send("/remind");
    await user.press(t("en")("remind:milestone.b121_expiry"));
    await user.send(visaExpiry);
    await user.press(t("en")("remind:btn.done"));
  }
  return user;
}

describe("the daily sweep of inactive people", () => {
  it("deletes everything about a person 12 months after their last message, not a day before", async () => {
    await setUpPerson(41);
    const keeper = await setUpPerson(42);
    expect((await rowsOf(41)).length).toBeGreaterThan(1);

    h.clock.set("2027-06-01T09:00:00Z");
    await keeper.send("/help"); // the other person writes again in the meantime
    h.clock.set("2027-11-20T09:00:00Z");
    expect((await sweepInactive(h.services)).people).toBe(0);
    expect((await rowsOf(41)).length).toBeGreaterThan(1);

    h.clock.set("2027-11-22T09:00:00Z");
    expect((await sweepInactive(h.services)).people).toBe(1);
    expect(await rowsOf(41)).toEqual([]);
    expect((await h.services.stores.users.get(42)).timezone).toBe("Europe/Berlin");
  });

  it("keeps a silent person while reminders are still to come, and deletes them 12 months after the last one", async () => {
    await setUpPerson(51, "2029-05-20");
    const last = Math.max(...(await h.services.stores.reminders.upcoming(51)).map((r) => r.dueAt));
    h.clock.set("2028-01-10T09:00:00Z");
    expect((await sweepInactive(h.services)).people).toBe(0);
    expect(await h.services.stores.milestones.read("51")).toEqual({ b121_expiry: "2029-05-20" });

    h.clock.set(new Date(last + 366 * 86_400_000).toISOString());
    expect((await sweepInactive(h.services)).people).toBe(1);
    expect(await rowsOf(51)).toEqual([]);
  });

  it("sweeps sessions untouched for 12 months (group chats too) and unreadable values after 30 days", async () => {
    // The session is lazy and no feature keeps anything in it yet: a group's session as an older version
    // (or a later feature) writes it.
    await h.services.stores.sessions.write("-100500", { seen: true });
    expect(await h.services.stores.sessions.read("-100500")).toBeDefined();
    await h.services.stores.users.update(62, { timezone: "Asia/Almaty" });
    await h.store.sql("UPDATE users SET prefs = ? WHERE user_id = 62", [Buffer.alloc(40)]);
    await h.services.stores.users.get(62);
    expect(await h.store.sql("SELECT source FROM unreadable")).toEqual([{ source: "users" }]);

    h.clock.advance(31 * 86_400_000);
    expect((await sweepInactive(h.services)).unreadable).toBe(1);
    expect(await h.services.stores.sessions.read("-100500")).toBeDefined();
    h.clock.set("2027-11-22T09:00:00Z");
    await sweepInactive(h.services);
    expect(await h.services.stores.sessions.read("-100500")).toBeUndefined();
  });

  it("runs at start and then daily, on the injected clock", async () => {
    await setUpPerson(71);
    h.clock.set("2028-01-01T09:00:00Z");
    const stop = startHousekeeping(h.services, 60_000, 86_400_000);
    // The sweep started at once runs in the background: wait for its result (a PostgreSQL round trip takes longer).
    await vi.waitFor(async () => expect(await rowsOf(71)).toEqual([]), { timeout: 5_000, interval: 20 });
    stop();
  });

  it("counts calendar months", () => {
    expect(new Date(monthsBefore(Date.parse("2027-11-21T09:00:00Z"), 12)).toISOString()).toBe("2026-11-21T09:00:00.000Z");
    expect(new Date(monthsBefore(Date.parse("2028-02-29T00:00:00Z"), 12)).toISOString()).toBe("2027-02-28T00:00:00.000Z");
  });
});
