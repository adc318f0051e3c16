import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ReminderDispatcher } from "../../src/reminders/dispatcher.js";
import { reminderSender } from "../../src/reminders/sendReminder.js";
import { formatDay } from "../../src/bot/render/dates.js";
import { procedureStart } from "../../src/rules/index.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-21 09:00 UTC, 14:00 in Almaty
});
afterEach(() => h.close());
const t = (lng: string) => h.services.i18n.getFixedT(lng);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

function dispatcher(): ReminderDispatcher {
  const { stores, clock, logger, i18n } = h.services;
  return new ReminderDispatcher({
    reminders: stores.reminders,
    users: stores.users,
    send: reminderSender(new Api("1:x", { fetch: h.api.fetch as never }), i18n, clock),
    clock,
    sleep: async (ms) => h.clock.advance(ms),
    idle: async () => undefined,
    logger,
  });
}

/** Runs the dispatcher every `step` until `untilIso`, as the bot's timer would. */
async function runUntil(untilIso: string, step = HOUR): Promise<void> {
  const d = dispatcher();
  const end = Date.parse(untilIso);
  while (h.clock.now() < end) {
    while ((await d.tick()).length > 0);
    h.clock.advance(step);
  }
}

/** Reminder messages sent for a deadline, by its title. */
const sentFor = (lng: string, deadlineId: string) =>
  h.api.calls.filter((c) => c.method === "sendMessage" && String(c.payload.text).startsWith(`⏰ <b>${t(lng)(`remind:deadline.${deadlineId}.title`)}</b>`));

async function remind(user: TestUser, dates: Record<string, string>): Promise<void> {
  await user.send("/remind");
  for (const [milestone, date] of Object.entries(dates)) {
    await user.press(t("en")(`remind:milestone.${milestone}`));
    await user.send(date);
  }
  await user.press(t("en")("remind:btn.done"));
}

describe.each(["live process", "restart"] as const)("choices hold (%s)", (mode) => {
  it("snooze, delete and mute survive a time-zone change and a re-saved /remind; nothing is sent twice", async () => {
    const user = new TestUser(h, { id: 6001 });
    // B12-1 on 20 Jan: 30, 14, 7, 0 days before; C2 on 20 Feb: 60, 30, 7, 0.
    await remind(user, { b121_expiry: "2027-01-20", c2_expiry: "2027-02-20" });
    h.clock.set("2026-12-21T05:00:00Z"); // 10:00 in Almaty: the B12-1 30-day reminder
    await runUntil("2026-12-21T06:00:00Z");
    expect(sentFor("en", "b121_renewal")).toHaveLength(1);

    await user.send("/reminders");
    expect(user.lastText()).toContain(t("en")("remind:deadline.b121_renewal.title"));
    const [d14, d7] = (await h.services.stores.reminders.upcoming(user.user.id)).filter((r) => r.deadlineId === "b121_renewal");
    expect([d14!.offsetId, d7!.offsetId]).toEqual(["d14", "d7"]);
    await user.press(/^💤 1:/); // the 14-day reminder: a day later
    await user.press(t("en")("remind:list.delete", { n: 2 })); // the 7-day reminder
    await user.press("▶️");
    await user.press(t("en")("remind:list.mute")); // C2: no more reminders
    await user.send("/settings");
    await user.press(t("en")("remind:settings.change_tz"));
    await user.press("Europe/Berlin");

    // A restart brings a new emulated Bot API: keep what the old one delivered.
    const earlier = sentFor("en", "b121_renewal").map((c) => String(c.payload.text));
    if (mode === "restart") {
      h = await h.restart();
      user.useHarness(h);
    }
    await user.send("/remind");
    await user.press(t("en")("remind:btn.done")); // saved again, unchanged
    expect(user.replies().join("\n")).not.toContain(t("en")("remind:plan.changed", { title: "", from: "", to: "" }).slice(0, 6));

    const rows = await h.services.stores.reminders.upcoming(user.user.id);
    const b121 = rows.filter((r) => r.deadlineId === "b121_renewal");
    expect(b121.map((r) => r.offsetId)).toEqual(["d14", "d0"]); // the deleted one stays deleted
    expect(b121[0]!.dueAt).toBe(d14!.dueAt + DAY); // the snooze holds, even in the new zone
    expect(b121[0]!.id).toBe(d14!.id);
    expect(rows.some((r) => r.id === d7!.id)).toBe(false);
    expect(rows.filter((r) => r.deadlineId === "c2_renewal")).toEqual([]); // still muted
    expect(new Date(b121[1]!.dueAt).toISOString()).toBe("2027-01-20T09:00:00.000Z"); // 10:00 in Berlin

    await runUntil("2027-02-21T00:00:00Z");
    const texts = [...new Set([...earlier, ...sentFor("en", "b121_renewal").map((c) => String(c.payload.text))])];
    expect(sentFor("en", "b121_renewal")).toHaveLength(mode === "restart" ? 2 : 3);
    expect(texts).toHaveLength(3); // 30 days, the snoozed 14 days, and the day itself: each once
    expect(sentFor("en", "c2_renewal")).toHaveLength(0);
    const statuses = (await h.services.stores.reminders.all(user.user.id)).filter((r) => r.deadlineId === "b121_renewal").map((r) => [r.offsetId, r.status]);
    expect(statuses).toEqual([["d30", "sent"], ["d14", "sent"], ["d0", "sent"]]);
  });

  it("a changed date replans that deadline and says so once; a deadline no longer given goes", async () => {
    const user = new TestUser(h, { id: 6002 });
    await remind(user, { b121_expiry: "2027-01-20", c2_expiry: "2027-02-20" });
    await user.send("/reminders");
    await user.press(t("en")("remind:list.delete", { n: 1 }));
    if (mode === "restart") {
      h = await h.restart();
      user.useHarness(h);
    }
    await user.send("/remind");
    await user.press(new RegExp(`^${t("en")("remind:milestone.b121_expiry")}`));
    await user.send("2027-02-10");
    await user.press(new RegExp(`^${t("en")("remind:milestone.c2_expiry")}`));
    await user.press(t("en")("remind:btn.clear"));
    await user.press(t("en")("remind:btn.done"));
    const title = (id: string) => t("en")(`remind:deadline.${id}.title`);
    expect(user.lastText()).toContain(t("en")("remind:plan.changed", { title: title("b121_renewal"), from: formatDay("2027-01-20", "en"), to: formatDay("2027-02-10", "en") }));
    expect(user.lastText()).toContain(t("en")("remind:plan.removed", { title: title("c2_renewal") }));
    const rows = await h.services.stores.reminders.upcoming(user.user.id);
    // A new date starts afresh: all of 60, 30, 14, 7, 0 days before 10 Feb (the deletion was for the old date).
    expect(rows.map((r) => r.offsetId)).toEqual(["d60", "d30", "d14", "d7", "d0"]);
    expect(rows.every((r) => r.payload.date === "2027-02-10")).toBe(true);

    await user.send("/remind");
    await user.press(t("en")("remind:btn.done"));
    expect(user.lastText()).not.toContain(title("b121_renewal") + "</b>");
    expect(user.lastText()).toBe(t("en")("remind:reminders_set", { count: 5, tz: "Asia/Almaty", hour: "10:00 AM" }));
  });
});

describe("snoozing on the deadline's day", () => {
  it("moves the on-the-day reminder to later that day, outside quiet hours, and it is delivered before the deadline", async () => {
    const user = new TestUser(h, { id: 6003 });
    await remind(user, { b121_expiry: "2026-12-10" });
    await runUntil("2026-12-10T03:30:00Z"); // 08:30 in Almaty, the day itself, before its 10:00 reminder
    await user.send("/reminders");
    const [row] = await h.services.stores.reminders.upcoming(user.user.id);
    expect(row!.offsetId).toBe("d0");
    const later = Date.parse("2026-12-10T08:00:00Z"); // 13:00 in Almaty: a day later would be past the deadline
    expect(user.buttons()).toContain(t("en")("remind:list.snooze", { n: 1, when: "Dec 10, 2026, 1:00 PM" }));
    await user.press(/^💤 1:/);
    expect((await h.services.stores.reminders.upcoming(user.user.id))[0]!.dueAt).toBe(later);

    const before = sentFor("en", "b121_renewal").length; // 14 and 7 days before
    await runUntil("2026-12-11T00:00:00Z", 15 * 60_000);
    const sent = sentFor("en", "b121_renewal").slice(before);
    expect(sent).toHaveLength(1);
    const at = (sent[0]!.result as { date: number }).date * 1000;
    expect(at).toBeGreaterThanOrEqual(later);
    expect(at).toBeLessThan(Date.parse("2026-12-10T17:00:00Z")); // before 22:00 in Almaty
    expect((await h.services.stores.reminders.all(user.user.id)).map((r) => r.status)).toContain("sent");
  });

  it("says so instead of offering a snooze when no time is left before the deadline outside quiet hours", async () => {
    const user = new TestUser(h, { id: 6004 });
    await remind(user, { b121_expiry: "2026-12-10" });
    await runUntil("2026-12-10T03:00:00Z");
    h.clock.set("2026-12-10T16:15:00Z"); // 21:15 in Almaty: the 10:00 reminder has not gone out (the bot was down)
    await user.send("/reminders");
    expect(user.buttons()).toContain(t("en")("remind:list.snooze_none", { n: 1 }));
    await user.press(t("en")("remind:list.snooze_none", { n: 1 }));
    expect(user.notices()).toEqual([t("en")("remind:list.snooze_none_toast")]);
    const [row] = await h.services.stores.reminders.upcoming(user.user.id);
    expect(row!.snoozed).toBeUndefined();
  });
});

describe("lead times", () => {
  it("the B9-1 visa end is first reminded 90 days ahead, with the day to apply to Astana Hub by", async () => {
    const user = new TestUser(h, { id: 6005, language_code: "ru" });
    await user.send("/remind");
    await user.press(t("ru")("remind:milestone.visa_expiry"));
    await user.send("30.06.2027");
    await user.press(t("ru")("remind:btn.done"));
    const rows = (await h.services.stores.reminders.upcoming(user.user.id)).filter((r) => r.deadlineId === "residence_before_visa_end");
    expect(rows.map((r) => r.offsetId)).toEqual(["d90", "d60", "d30", "d14", "d7", "d0"]);
    const first = rows[0]!;
    expect(Date.parse("2027-06-30T00:00:00Z") - first.dueAt).toBeGreaterThanOrEqual(60 * DAY);
    const startBy = procedureStart("residence_before_visa_end", "2027-06-30")!;
    expect(first.payload.startBy).toBe(startBy);

    h.clock.set(new Date(first.dueAt).toISOString());
    await dispatcher().tick();
    const text = String(sentFor("ru", "residence_before_visa_end")[0]!.payload.text);
    expect(text).toContain(`подайте заявку в Astana Hub до <b>${formatDay(startBy, "ru")}</b>`);
    expect(text).toContain("12–17 рабочих дней");
    expect(text).toContain("45 календарных дней");
  });

  it("can be changed per deadline from /reminders, and the choice survives a re-saved /remind", async () => {
    const user = new TestUser(h, { id: 6006 });
    await remind(user, { passport_expiry: "2028-03-15" });
    await user.send("/reminders");
    await user.press(t("en")("remind:lead.button"));
    expect(user.lastText()).toContain(t("en")("remind:lead.product"));
    expect(user.buttons()).toContain(`✓ ${t("en")("remind:lead.days", { list: "90 · 60 · 30 · 7 · 0" })}`);
    await user.press(t("en")("remind:lead.days", { list: "120 · 90 · 60 · 30 · 7 · 0" }));
    expect(user.notices()).toEqual([t("en")("remind:lead.saved")]);
    const offsets = async () => (await h.services.stores.reminders.upcoming(user.user.id)).filter((r) => r.deadlineId === "passport_residence").map((r) => r.offsetId);
    expect(await offsets()).toEqual(["d120", "d90", "d60", "d30", "d7", "d0"]);
    await user.send("/remind");
    await user.press(t("en")("remind:btn.done"));
    expect(await offsets()).toEqual(["d120", "d90", "d60", "d30", "d7", "d0"]);
    await user.pressData("rl:lt:passport_residence:forever:0");
    expect(user.notices()).toEqual([t("en")("errors.stale_button")]);
  });

  it("registration is reminded each working day from entry until the notice is due", async () => {
    const user = new TestUser(h, { id: 6007 });
    await remind(user, { entry: "2026-11-27" }); // Friday; due Wednesday 2 Dec
    const rows = await h.services.stores.reminders.upcoming(user.user.id);
    expect(rows.map((r) => new Date(r.dueAt).toISOString().slice(0, 10))).toEqual(["2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02"]);
  });
});

describe("/remind: dates that look wrong", () => {
  it("are named, and can be corrected or saved as they are", async () => {
    const user = new TestUser(h, { id: 6008, language_code: "de" });
    await user.send("/remind");
    await user.press(t("de")("remind:milestone.residence_applied"));
    await user.send("01.06.2026");
    await user.press(t("de")("remind:milestone.hub_applied"));
    await user.send("01.07.2026"); // after the residence application
    await user.press(t("de")("remind:btn.done"));
    expect(user.lastText()).toContain(t("de")("remind:check.title"));
    expect(user.lastText()).toContain(
      t("de")("remind:check.order", { a: t("de")("remind:milestone.hub_applied"), aDate: formatDay("2026-07-01", "de"), b: t("de")("remind:milestone.residence_applied"), bDate: formatDay("2026-06-01", "de") }),
    );
    expect(await h.services.stores.milestones.read(String(user.user.id))).toBeUndefined(); // nothing saved yet
    await user.send("egal");
    expect(user.lastText()).toBe(t("de")("remind:error.review"));
    await user.press(t("de")("remind:btn.correct"));
    expect(user.lastText()).toBe(t("de")("remind:intro"));
    await user.press(new RegExp(`^${t("de")("remind:milestone.hub_applied")}`));
    await user.send("01.05.2026");
    await user.press(t("de")("remind:btn.done"));
    expect(await h.services.stores.milestones.read(String(user.user.id))).toEqual({ residence_applied: "2026-06-01", hub_applied: "2026-05-01" });

    await user.send("/remind");
    await user.press(t("de")("remind:milestone.passport_expiry"));
    await user.send("01.01.2062"); // a typo for 2026?
    await user.press(t("de")("remind:btn.done"));
    expect(user.lastText()).toContain(t("de")("remind:check.far_away", { a: t("de")("remind:milestone.passport_expiry"), aDate: formatDay("2062-01-01", "de"), count: 15 }));
    await user.press(t("de")("remind:btn.confirm"));
    expect((await h.services.stores.milestones.read(String(user.user.id)) as Record<string, string>).passport_expiry).toBe("2062-01-01");
  });
});
