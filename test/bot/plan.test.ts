import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SentFile } from "../../src/local/botApiEmulator.js";
import { addCalendarDays, addWorkingDays } from "../../src/rules/index.js";
import { SUPPORTED_LOCALES, type Locale } from "../../src/store/index.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { violations } from "../fuzz/telegramRules.js";
import { OUTCOME_RECORD_VERSION, type OutcomeRecord } from "../../src/rules/outcome/index.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // fake clock: 2026-11-21 (a Saturday) in Almaty
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);
const TODAY = "2026-11-21";

/** A German remote developer: B9-1 unsure (Germany is on no published e-visa list), B12-1 without an invitation. */
const SCRIPTS = {
  en: { country: "Germany", yes: "yes", no: "no", income: "$4,500", months: "8", passport: "31 May 2030" },
  ru: { country: "Германия", yes: "да", no: "нет", income: "4 500 долларов", months: "8", passport: "31.05.2030" },
  kk: { country: "Германия", yes: "иә", no: "жоқ", income: "4500$", months: "сегіз", passport: "2030 жылғы 31 мамыр" },
  de: { country: "Deutschland", yes: "ja", no: "nein", income: "4.500 USD", months: "8 Monate", passport: "31. Mai 2030" },
} as const;

async function runCheck(user: TestUser, lng: Locale): Promise<void> {
  const s = SCRIPTS[lng];
  await user.send("/check");
  await user.send(s.country);
  await user.send(s.no);
  await user.press(t(lng)("check:opt.programming"));
  for (const answer of [s.yes, s.yes, s.yes, s.income, s.months, s.no, s.passport]) await user.send(answer);
}

const day = (lng: Locale, iso: string) => new Intl.DateTimeFormat(lng === "kk" ? "kk-KZ" : lng, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/** Telegram's limits and valid HTML for every call the bot made to the person. */
function expectSendable(user: TestUser): void {
  expect(user.calls().flatMap(violations)).toEqual([]);
  for (const text of user.replies()) expect(text).not.toMatch(/\{\{|undefined|NaN|\[object|\b(plan|check|facts):[a-z_]+\./);
}

/** A stored outcome in which B9-1 may fit (unsure) and B12-1 needs an invitation. */
const OUTCOME: OutcomeRecord = {
  version: OUTCOME_RECORD_VERSION,
  checked_at: "2026-11-20",
  programs: [
    { program: "B9-1", verdict: "unsure", route: "b9_1.residence", reasons: ["pilot_status_unconfirmed"], fact_ids: ["b9_1.pilot_period"] },
    { program: "B12-1", verdict: "eligible_with_invitation", route: "b12_1.invitation", reasons: ["invitation_required"], fact_ids: ["b12_1.invitation_issuer"] },
  ],
  citizenship: "IN",
  fact_ids: ["b9_1.pilot_period", "b12_1.invitation_issuer"],
};

describe("/plan", () => {
  it.each(SUPPORTED_LOCALES)("without a check result says so and offers /check (%s)", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/plan");
    expect(user.lastText()).toBe(t(lng)("plan:no_outcome"));
    expect(user.buttons()).toEqual([t(lng)("plan:btn.check")]);
  });

  it.each(SUPPORTED_LOCALES)("after /check gives the dated plan, its timeline picture and the checklist (%s)", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await runCheck(user, lng);
    await user.send("/plan");
    const [verdict, plan, ...rest] = user.replies();
    // What the check said of the route comes first, in its own message.
    expect(verdict).toBe(`<b>${t(lng)("check:program.B12-1")}</b> — ${t(lng)("check:verdict.eligible")}`);
    expect(plan).toContain(t(lng)("plan:route.b12_1.no_invitation"));
    expect(plan).toContain(t(lng)("check:step.apply_at_consulate"));
    // The visa decision: 1-5 working days after applying today (S003).
    expect(plan).toContain(t(lng)("plan:when.expected_range", { from: day(lng, addWorkingDays(TODAY, 1)), to: day(lng, addWorkingDays(TODAY, 5)) }));
    expect(plan!.length).toBeLessThanOrEqual(4096);
    const photo = user.calls().find((c) => c.method === "sendPhoto")!;
    expect(photo).toBeDefined();
    const file = photo.payload.photo as SentFile;
    expect(file.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(file.bytes.readUInt32BE(16)).toBe(1000);
    const checklist = rest.at(-1)!;
    expect(checklist).toContain(t(lng)("plan:checklist.title_on", { date: day(lng, TODAY) }));
    expect(checklist).toContain("⚠️");
    expect(user.buttons()).toEqual([t(lng)("plan:btn.remind")]);
    expectSendable(user);
  });

  it.each(SUPPORTED_LOCALES)("ticks the steps a date entered shows done and dates the rest from it (%s)", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await h.services.stores.outcomes.write(String(user.user.id), OUTCOME);
    await user.send("/plan");
    const before = user.replies()[1]!;
    expect(before).toContain(t(lng)("plan:route.b12_1.invitation")); // eligible with an invitation ranks above unsure
    expect(before).not.toMatch(/^✅ \d/m);
    const planKeyboard = user.calls().filter((c) => c.method === "sendMessage")[1]!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string }>> };
    expect(planKeyboard.inline_keyboard.flat().map((b) => b.text)).toContain(t(lng)("plan:btn.route", { route: t(lng)("plan:route.b9_1.residence") }));

    // The person enters the Astana Hub application and the residence application in /remind: the plan follows.
    await h.services.stores.milestones.write(String(user.user.id), { hub_applied: "2026-11-02", residence_applied: "2026-11-19" });
    await user.send("/plan");
    const after = user.replies()[1]!;
    expect(after).toContain(t(lng)("plan:route.b9_1.residence")); // the dates show the person is on this route
    expect(after).toContain(`✅ 2. ${t(lng)("check:step.astana_hub_application")}`);
    expect(after).toContain(t(lng)("plan:when.done_on", { date: day(lng, "2026-11-19") }));
    expect(after).toContain(t(lng)("plan:when.expected_by", { date: day(lng, addCalendarDays("2026-11-19", 45)) }));
    expectSendable(user);
  });

  it.each(SUPPORTED_LOCALES)("after /remind saves a date, offers the updated plan, which follows it (%s)", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    // Without a check result there is no plan to offer.
    await user.send("/remind");
    await user.press(t(lng)("remind:milestone.hub_applied"));
    await user.send("02.11.2026");
    await user.press(t(lng)("remind:btn.done"));
    expect(user.buttons()).not.toContain(t(lng)("plan:btn.updated_plan"));

    await h.services.stores.outcomes.write(String(user.user.id), OUTCOME);
    await user.send("/remind");
    await user.press(t(lng)("remind:milestone.residence_applied"));
    await user.send("19.11.2026");
    await user.press(t(lng)("remind:btn.done"));
    await user.press(t(lng)("plan:btn.updated_plan"));
    const plan = user.replies()[1]!;
    expect(plan).toContain(t(lng)("plan:route.b9_1.residence"));
    expect(plan).toContain(t(lng)("plan:when.done_on", { date: day(lng, "2026-11-19") }));
    expect(user.calls().some((c) => c.method === "sendPhoto")).toBe(true);
    expectSendable(user);
  });

  it.each(SUPPORTED_LOCALES)("gives the fee in KZT of this year, and switches to another route the outcome leaves open (%s)", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await h.services.stores.outcomes.write(String(user.user.id), OUTCOME);
    await user.send("/plan");
    const first = user.calls().filter((c) => c.method === "sendMessage")[1]!;
    expect(String(first.payload.text)).toMatch(/129[\s,.\u00a0\u202f]?750/); // 30 MRP at 4,325 KZT (2026)
    const buttons = (first.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; url?: string; callback_data?: string }>> }).inline_keyboard.flat();
    expect(buttons.find((b) => b.url)?.url).toBe("https://www.gov.kz/memleket/entities/mfa"); // the embassy finder of the facts
    const other = buttons.find((b) => b.text === t(lng)("plan:btn.route", { route: t(lng)("plan:route.b9_1.evisa") }))!;
    await user.pressData(other.callback_data!, h.api.message(user.user.id, (first.result as { message_id: number }).message_id));
    const plan = user.replies()[1]!;
    expect(plan).toContain(t(lng)("plan:route.b9_1.evisa"));
    expect(plan).toContain(t(lng)("check:step.evisa_entry"));
    expect(plan).toContain(t(lng)("plan:when.deadline_by", { date: day(lng, addWorkingDays(addWorkingDays(addWorkingDays(TODAY, 5), 10), 7)) }).split(":")[0]!);
    expect(user.calls().some((c) => c.method === "sendPhoto")).toBe(true);
    expectSendable(user);
  });

  it("says when neither program fits, and treats a stored value that is no outcome as none", async () => {
    const user = new TestUser(h);
    await h.services.stores.outcomes.write(String(user.user.id), {
      ...OUTCOME,
      programs: OUTCOME.programs.map((p) => ({ ...p, verdict: "not_eligible", route: "none" })),
    });
    await user.send("/plan");
    expect(user.lastText()).toBe(t("en")("plan:nothing_fits"));
    await h.services.stores.outcomes.write(String(user.user.id), { programs: "tampered" });
    await user.send("/plan");
    expect(user.lastText()).toBe(t("en")("plan:no_outcome"));
    const sent = h.api.calls.filter((c) => c.method === "sendMessage").at(-1)!;
    await user.pressData("plan:r:zz", h.api.message(user.user.id, (sent.result as { message_id: number }).message_id));
    expect(user.notices()).toEqual([t("en")("check:error.stale")]);
    expect(user.replies()).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)("checks the passport entered against the planned residence application (%s)", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    const b91Only = { ...OUTCOME, programs: [OUTCOME.programs[0]!, { ...OUTCOME.programs[1]!, verdict: "not_eligible" as const, route: "none" as const }] };
    await h.services.stores.outcomes.write(String(user.user.id), b91Only);
    // The residence application is planned for 15 December 2026 at the latest; it needs more than 180 days left.
    await h.services.stores.milestones.write(String(user.user.id), { passport_expiry: "2027-05-01" });
    await user.send("/plan");
    const checklist = user.replies().at(-1)!;
    const vars = { days: 180, date: day(lng, addCalendarDays("2027-05-01", -181)), submission: day(lng, "2026-12-15") };
    expect(checklist).toContain(`❌ ${t(lng)("plan:checklist.passport.problem", vars)}`);
    expect(checklist).toContain(t(lng)("plan:checklist.title_on", { date: day(lng, "2026-12-15") }));
    expect(checklist).toContain(`⚠️ ${t(lng)("plan:checklist.form_language")}`);
    expectSendable(user);
  });
});

describe("/plan in a group", () => {
  it("points to a private chat instead of showing a plan there", async () => {
    const user = new TestUser(h);
    await h.services.stores.outcomes.write(String(user.user.id), OUTCOME);
    await user.sendInGroup(`/plan@${h.api.botInfo.username}`);
    expect(user.calls().filter((c) => c.method === "sendMessage").map((c) => c.payload.text)).toEqual([t("en")("plan:private_only")]);
    expect(user.calls().some((c) => c.method === "sendPhoto")).toBe(false);
  });
});
