import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SentFile } from "../../src/local/botApiEmulator.js";
import { addCalendarDays, addWorkingDays } from "../../src/rules/index.js";
import { SUPPORTED_LOCALES, type Locale } from "../../src/store/index.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

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
    const [plan, ...rest] = user.replies();
    expect(plan).toContain(t(lng)("plan:route.b12_1.no_invitation"));
    expect(plan).toContain(t(lng)("check:step.apply_at_consulate"));
    // The visa decision: 1-5 working days after applying today (S003).
    expect(plan).toContain(t(lng)("plan:when.expected_range", { from: day(lng, addWorkingDays(TODAY, 1)), to: day(lng, addWorkingDays(TODAY, 5)) }));
    expect(plan.length).toBeLessThanOrEqual(4096);
    const photo = user.calls().find((c) => c.method === "sendPhoto")!;
    expect(photo).toBeDefined();
    const file = photo.payload.photo as SentFile;
    expect(file.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(file.bytes.readUInt32BE(16)).toBe(1000);
    const checklist = rest.at(-1)!;
    expect(checklist).toContain(t(lng)("plan:checklist.title_on", { date: day(lng, TODAY) }));
    expect(checklist).toContain("⚠️");
    expect(user.buttons()).toEqual([t(lng)("plan:btn.remind")]);
  });
});
