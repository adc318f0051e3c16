import ICAL from "ical.js";
import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ReminderDispatcher } from "../../src/reminders/dispatcher.js";
import { reminderSender } from "../../src/reminders/sendReminder.js";
import type { SentFile } from "../../src/local/botApiEmulator.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { reminderHour } from "../../src/bot/deadlines/times.js";
import { formatInstant } from "../../src/bot/render/dates.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-21 14:00 in Almaty
});
afterEach(() => h.close());
const t = (lng: string) => h.services.i18n.getFixedT(lng);

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

/** Sets one milestone in the /remind menu: press its line, then type the date. */
async function setDate(user: TestUser, lng: string, milestone: string, typed: string): Promise<void> {
  await user.press(t(lng)(`remind:milestone.${milestone}`));
  expect(user.lastText()).toContain(t(lng)(`remind:milestone.${milestone}`));
  await user.send(typed);
}

const TYPED = {
  en: { entry: "2026-11-27", passport: "15 March 2028" },
  ru: { entry: "27.11.2026", passport: "15 марта 2028" },
  kk: { entry: "27.11.2026", passport: "2028 жылғы 15 наурыз" },
  de: { entry: "27.11.2026", passport: "15. März 2028" },
} as const;

describe("/remind", () => {
  it.each(Object.keys(TYPED) as Array<keyof typeof TYPED>)("takes dates typed in %s and shows the deadlines", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/remind");
    expect(user.lastText()).toBe(t(lng)("remind:intro"));
    await setDate(user, lng, "entry", TYPED[lng].entry);
    await setDate(user, lng, "passport_expiry", TYPED[lng].passport);
    await user.press(t(lng)("remind:btn.done"));
    const summary = user.replies().find((r) => r.startsWith(t(lng)("remind:summary_title")))!;
    // Entry on Friday 27 Nov: 3 working days later is Wednesday 2 Dec.
    expect(summary).toContain(t(lng)("remind:deadline.registration.title"));
    expect(summary).toContain(new Intl.DateTimeFormat(lng === "kk" ? "kk-KZ" : lng, { dateStyle: "medium", timeZone: "UTC" }).format(new Date("2026-12-02T00:00:00Z")));
    expect(summary).toContain(t(lng)("remind:deadline.passport_residence.title"));
    expect(summary).toContain(t(lng)("facts:sources.title"));
    // registration: each working day from entry (Fri 27 Nov, Mon 30 Nov, Tue 1 Dec, Wed 2 Dec); the last day to
    // apply with this passport and the visa limit: 90, 60, 30, 7 and 0 days before, five each
    expect(user.lastText()).toBe(t(lng)("remind:reminders_set", { count: 14, tz: "Asia/Almaty", hour: reminderHour(lng) }));
    expect(await h.services.stores.milestones.read(String(user.user.id))).toEqual({ entry: "2026-11-27", passport_expiry: "2028-03-15" });
  });

  it("rejects an unreadable date and keeps asking; Today and Clear work", async () => {
    const user = new TestUser(h);
    await user.send("/remind");
    await user.press(t("en")("remind:milestone.hub_applied"));
    await user.send("someday");
    expect(user.lastText()).toBe(t("en")("remind:error.date"));
    await user.press(t("en")("remind:btn.today"));
    expect(user.buttons().some((b) => b.startsWith(t("en")("remind:milestone.hub_applied") + ":"))).toBe(true);
    await user.press(t("en")("remind:milestone.hub_applied"));
    await user.press(t("en")("remind:btn.clear"));
    expect(user.buttons()).toContain(t("en")("remind:milestone.hub_applied"));
  });
});

const day = (lng: string, iso: string) =>
  new Intl.DateTimeFormat(lng === "kk" ? "kk-KZ" : lng, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const summaryOf = (user: TestUser, lng: string) => user.replies().find((r) => r.startsWith(t(lng)("remind:summary_title")))!;

/** What a person reads, per language, for the rules that never lean late. */
const SAYS = {
  en: {
    daysLabel: "Days in Kazakhstan in the last 12 months",
    daysQuestion: "How many days have you spent in Kazakhstan in the last 12 months? Count today",
    window: "within any 12 months in a row",
    rates: /10% on annual income up to 8,500 MRP \(.+\) and 15% on the part above/,
    vital: "With a residence permit, your family and a home in Kazakhstan you can be resident whatever the number of days.",
    reached: "(already reached)",
    assumes: "This date assumes you stay from today on; days that drop out of that period can move it later.",
    latest: "Latest possible date: check the date printed on your visa.",
    byPassport: "Your passport sets it: a visa must end at least 3 months before the passport expires.",
    byLength: "It is worked out from the e-visa's length (up to 1 year from the day of issue).",
    notification: "Go by the date printed on your notification.",
    tooLate: "no longer fits before this day: apply at once",
  },
  ru: {
    daysLabel: "Дней в Казахстане за последние 12 месяцев",
    daysQuestion: "Сколько дней вы провели в Казахстане за последние 12 месяцев? Считайте сегодняшний день",
    window: "за любые 12 месяцев подряд",
    rates: /10% с годового дохода до 8\s500 МРП \(.+\) и 15% с части свыше/u,
    vital: "Если у вас есть вид на жительство, а в Казахстане живёт ваша семья и есть жильё, вы можете быть резидентом независимо от числа дней.",
    reached: "(уже достигнут)",
    assumes: "Дата рассчитана при условии, что вы остаётесь в стране с сегодняшнего дня",
    latest: "Это самая поздняя возможная дата: сверьтесь с датой, указанной в визе.",
    byPassport: "Её ограничивает паспорт: виза должна заканчиваться не позднее чем за 3 месяца до окончания срока его действия.",
    byLength: "Она рассчитана по сроку действия электронной визы (до 1 года со дня выдачи).",
    notification: "Ориентируйтесь на дату, указанную в вашем уведомлении.",
    tooLate: "до этого дня уже не укладываются: подавайте заявку немедленно",
  },
} as const;
const LANGS = Object.keys(SAYS) as Array<keyof typeof SAYS>;

describe("/remind: the tax-residency line", () => {
  it.each(LANGS)("in %s: asks for the days in the last 12 months and shows the 183rd day with the 2026 rates", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/remind");
    await user.press(SAYS[lng].daysLabel);
    expect(user.lastText()).toContain(SAYS[lng].daysQuestion);
    await user.send("182"); // today (21 Nov 2026) included: the 183rd day is tomorrow
    expect(user.buttons()).toContain(`${SAYS[lng].daysLabel}: 182`);
    await user.press(t(lng)("remind:btn.done"));
    const summary = summaryOf(user, lng);
    expect(summary).toContain(`<b>${t(lng)("remind:deadline.tax_residency.title")}</b>: ${day(lng, "2026-11-22")} (${t(lng)("remind:when.left", { count: 1 })})`);
    expect(summary).toContain(SAYS[lng].window);
    expect(summary).toMatch(SAYS[lng].rates);
    expect(summary).toContain(SAYS[lng].vital);
    expect(summary).toContain(SAYS[lng].assumes);
    expect(user.lastText()).toBe(summary); // a threshold is shown, not reminded
  });

  it.each(LANGS)("in %s: 183 days counting today is the line reached, and it is shown as such", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/remind");
    await user.press(SAYS[lng].daysLabel);
    await user.send("183");
    await user.press(t(lng)("remind:btn.done"));
    const summary = summaryOf(user, lng);
    expect(summary).toContain(`${day(lng, "2026-11-21")} ${SAYS[lng].reached}`);
    expect(summary).not.toContain(SAYS[lng].assumes);
    expect(summary).toMatch(SAYS[lng].rates);
  });
});

describe("deadline texts", () => {
  it.each(["en", "ru", "kk", "de"])("in %s type no number: every number comes from a fact", (lng) => {
    const keys = [
      "remind:ask_days",
      "remind:milestone.days_in_kz",
      "remind:latest_possible.visa_length",
      "remind:latest_possible.passport",
      ...["title", "action", "until_reached", "rates"].map((k) => `remind:deadline.tax_residency.${k}`),
      "remind:deadline.arrival_window.action",
      "remind:deadline.residence_before_visa_end.action",
    ];
    for (const key of keys) {
      const raw = String(h.services.i18n.getResource(lng, "remind", key.slice("remind:".length)));
      expect(raw, key).not.toBe("undefined");
      expect(raw.replace(/\{\{[^}]+\}\}/g, "").replace(/\bB\d+(-\d+)?\b/g, ""), `${lng} ${key}`).not.toMatch(/\d/);
    }
  });
});

describe("/remind: dates that never lean late", () => {
  it.each(LANGS)("in %s: the B9-1 visa end without its own expiry is the latest possible, in the list and the reminder", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/remind");
    await setDate(user, lng, "evisa_issued", "10.02.2026");
    await setDate(user, lng, "passport_expiry", "31.03.2027"); // − 3 months = 31 Dec 2026, before 9 Feb 2027
    await user.press(t(lng)("remind:btn.done"));
    const summary = summaryOf(user, lng);
    expect(summary).toContain(`<b>${t(lng)("remind:deadline.residence_before_visa_end.title")}</b>: ${day(lng, "2026-12-31")}`);
    expect(summary).toContain(SAYS[lng].latest);
    expect(summary).toContain(SAYS[lng].byPassport);
    expect(summary).not.toContain(SAYS[lng].byLength);

    const d = dispatcher();
    h.clock.set("2026-12-24T05:00:00Z"); // 10:00 in Almaty, a week before
    await d.tick();
    const reminder = h.api.calls
      .filter((c) => c.method === "sendMessage" && String(c.payload.text).startsWith(`⏰ <b>${t(lng)("remind:deadline.residence_before_visa_end.title")}</b>`))
      .map((c) => String(c.payload.text));
    expect(reminder).toHaveLength(3); // 30, 14 and 7 days before, the first two late
    expect(reminder.at(-1)).toContain(SAYS[lng].latest);
    expect(reminder.at(-1)).toContain(SAYS[lng].byPassport);
    // Too late for the usual Astana Hub and decision times: it says so instead of naming a start date.
    expect(reminder.at(-1)).toContain(SAYS[lng].tooLate);
  });

  it.each(LANGS)("in %s: set by the visa length without a passport date; the visa's own expiry is shown as it is", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/remind");
    await setDate(user, lng, "evisa_issued", "10.02.2026");
    await user.press(t(lng)("remind:btn.done"));
    const summary = summaryOf(user, lng);
    expect(summary).toContain(`${day(lng, "2027-02-09")}`);
    expect(summary).toContain(`${SAYS[lng].latest}</b> ${SAYS[lng].byLength}`);
    await user.press(t(lng)("remind:btn.export"));
    const file = h.api.calls.find((c) => c.method === "sendDocument")!.payload.document as SentFile;
    const events = new ICAL.Component(ICAL.parse(file.content)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const visaEnd = events.find((e) => e.summary === t(lng)("remind:deadline.residence_before_visa_end.title"))!;
    expect(visaEnd.startDate.toString()).toBe("2027-02-09");
    expect(visaEnd.description).toContain(`${SAYS[lng].latest} ${SAYS[lng].byLength}`);

    await user.send("/remind");
    await setDate(user, lng, "visa_expiry", "20.01.2027");
    await user.press(t(lng)("remind:btn.done"));
    const exact = summaryOf(user, lng);
    expect(exact).toContain(`<b>${t(lng)("remind:deadline.residence_before_visa_end.title")}</b>: ${day(lng, "2027-01-20")}`);
    expect(exact).not.toContain(SAYS[lng].latest);
    const rows = (await h.services.stores.reminders.upcoming(user.user.id)).filter((r) => r.deadlineId === "residence_before_visa_end");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.payload.latestPossible === undefined)).toBe(true);
  });

  it.each(LANGS)("in %s: the arrival window ends on the 30th day counting the decision day, and says to go by the notification", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/remind");
    await setDate(user, lng, "positive_decision", "20.11.2026");
    await user.press(t(lng)("remind:btn.done"));
    const summary = summaryOf(user, lng);
    expect(summary).toContain(`<b>${t(lng)("remind:deadline.arrival_window.title")}</b>: ${day(lng, "2026-12-19")}`);
    expect(summary).toContain(SAYS[lng].notification);
  });
});

describe("in a group", () => {
  it("the personal commands point to a private chat, whose deep link opens /remind", async () => {
    const user = new TestUser(h);
    await user.sendInGroup(`/remind@${h.api.botInfo.username}`);
    const reply = h.api.calls.at(-1)!;
    expect(reply.payload).toMatchObject({ chat_id: -100500, text: t("en")("remind:private_only") });
    expect(JSON.stringify(reply.payload.reply_markup)).toContain(`https://t.me/${h.api.botInfo.username}?start=remind`);
    await user.send("/start remind");
    expect(user.lastText()).toBe(t("en")("remind:intro"));
  });
});

describe("reminders on a fake clock", () => {
  it("arrive at 10:00 in the user's time zone, in their language, never at night, and Done stops them", async () => {
    const user = new TestUser(h, { language_code: "de" });
    await h.services.stores.users.update(user.user.id, { timezone: "Europe/Berlin" });
    await user.send("/remind");
    await setDate(user, "de", "b121_expiry", "2026-12-20");
    await user.press(t("de")("remind:btn.done"));
    const d = dispatcher();
    const sent = () => h.api.calls.filter((c) => c.method === "sendMessage" && String(c.payload.text).startsWith("⏰"));

    // The B12-1 extension: 60, 30, 14, 7 and 0 days before; on 21 Nov the first two have passed.
    h.clock.set("2026-12-06T08:59:00Z"); // 09:59 in Berlin, two weeks before
    await d.tick();
    expect(sent()).toHaveLength(0);
    h.clock.set("2026-12-06T09:00:00Z"); // 10:00 in Berlin
    await d.tick();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.payload.text).toContain(t("de")("remind:deadline.b121_renewal.title"));
    expect(sent()[0]!.payload.text).toContain(t("de")("remind:when.left", { count: 14 }));
    expect(sent()[0]!.payload.text).toContain("Beginnen Sie jetzt, die vollständigen Unterlagen zu sammeln");

    h.clock.set("2026-12-13T22:30:00Z"); // 23:30 in Berlin: the week-before reminder is due but it is night
    await d.tick();
    expect(sent()).toHaveLength(1);
    h.clock.set("2026-12-14T07:00:00Z"); // 08:00 in Berlin
    await d.tick();
    expect(sent()).toHaveLength(2);
    expect(sent()[1]!.payload.text).toContain(t("de")("remind:reminder.late"));

    await user.press(t("de")("remind:reminder.done_button"));
    expect(user.notices()).toEqual([t("de")("remind:reminder.done")]);
    h.clock.set("2026-12-20T09:00:00Z");
    await d.tick();
    expect(sent()).toHaveLength(2);
  });
});

describe("/reminders", () => {
  it("shows one deadline a page with its reminders; snooze names where it moves, delete and mute hold", async () => {
    const user = new TestUser(h);
    await user.send("/remind");
    await setDate(user, "en", "b121_expiry", "2027-01-20");
    await setDate(user, "en", "c2_expiry", "2027-02-20");
    await user.press(t("en")("remind:btn.done"));
    await user.send("/reminders");
    expect(user.lastText()).toContain(t("en")("remind:list.title", { page: 1, pages: 2 }));
    expect(user.lastText()).toContain(t("en")("remind:deadline.b121_renewal.title"));
    expect(user.lastText()).not.toContain(t("en")("remind:deadline.c2_renewal.title"));
    const before = await h.services.stores.reminders.upcoming(user.user.id);
    expect(before).toHaveLength(8); // B12-1: 30, 14, 7, 0 days before (60 has passed); C2: 60, 30, 7, 0
    const first = before[0]!;
    await user.press(/^💤 1:/);
    const snoozed = (await h.services.stores.reminders.upcoming(user.user.id)).find((r) => r.id === first.id)!;
    expect(snoozed.dueAt - first.dueAt).toBe(24 * 3600_000);
    expect(user.notices()).toEqual([t("en")("remind:list.snoozed", { when: formatInstant(snoozed.dueAt, "en", "Asia/Almaty") })]);
    await user.press(t("en")("remind:list.delete", { n: 1 }));
    expect(await h.services.stores.reminders.upcoming(user.user.id)).toHaveLength(7);
    await user.press(t("en")("remind:list.mute"));
    const left = await h.services.stores.reminders.upcoming(user.user.id);
    expect(new Set(left.map((r) => r.deadlineId))).toEqual(new Set(["c2_renewal"]));
    await user.press("▶️");
    expect(user.lastText()).toContain(t("en")("remind:deadline.c2_renewal.title"));
  });
});

describe(".ics export", () => {
  it("sends the deadlines as a calendar file that parses back with the right dates", async () => {
    const user = new TestUser(h, { language_code: "ru" });
    await user.send("/remind");
    await setDate(user, "ru", "entry", "27.11.2026");
    await setDate(user, "ru", "positive_decision", "01.12.2026");
    await user.press(t("ru")("remind:btn.done"));
    // An entry before the decision, and a decision dated in the future, are shown to confirm.
    expect(user.lastText()).toContain(t("ru")("remind:check.title"));
    await user.press(t("ru")("remind:btn.confirm"));
    await user.press(t("ru")("remind:btn.export"));
    const doc = h.api.calls.find((c) => c.method === "sendDocument")!;
    const file = doc.payload.document as SentFile;
    expect(file.filename).toBe(t("ru")("remind:ics.filename"));
    const events = new ICAL.Component(ICAL.parse(file.content)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const byTitle = new Map(events.map((e) => [e.summary, e.startDate.toString()]));
    expect(byTitle.get(t("ru")("remind:deadline.registration.title"))).toBe("2026-12-02");
    // 30 days counting the decision day (1 Dec) as the first: the last day is 30 Dec.
    expect(byTitle.get(t("ru")("remind:deadline.arrival_window.title"))).toBe("2026-12-30");
  });
});

describe("blocking the bot", () => {
  it("pauses reminders on a 403 and resumes them after a my_chat_member unblock", async () => {
    const user = new TestUser(h);
    await user.send("/remind");
    await setDate(user, "en", "b121_expiry", "2026-12-20");
    await user.press(t("en")("remind:btn.done"));
    h.clock.set("2026-12-13T05:00:00Z");
    h.api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(await dispatcher().tick()).toEqual(["blocked"]);
    expect(await h.services.stores.reminders.isPaused(user.user.id)).toBe(true);
    await h.bot.handleUpdate({
      update_id: 99,
      my_chat_member: {
        chat: { id: user.user.id, type: "private", first_name: "Alex" },
        from: user.user,
        date: 1,
        old_chat_member: { status: "kicked", user: h.api.botInfo, until_date: 0 },
        new_chat_member: { status: "member", user: h.api.botInfo },
      },
    } as never);
    expect(await h.services.stores.reminders.isPaused(user.user.id)).toBe(false);
    // Both reminders due (14 and 7 days before) waited while blocked, none was lost.
    expect(await dispatcher().tick()).toEqual(["sent", "sent"]);
  });
});
