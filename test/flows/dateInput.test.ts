/** Dates typed in /check and /remind: a dash date is as ambiguous as a slash one in English; a month alone lacks its day. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-21 14:00 in Almaty
});
afterEach(() => h.close());
const t = (lng: string) => h.services.i18n.getFixedT(lng);

const SCRIPTS = {
  en: { country: "Germany", yes: "yes", no: "no", income: "$4,500", months: "8", noDay: "December 2030" },
  ru: { country: "Германия", yes: "да", no: "нет", income: "4 500 долларов", months: "8", noDay: "декабрь 2030" },
  kk: { country: "Германия", yes: "иә", no: "жоқ", income: "4500$", months: "сегіз", noDay: "2030 жылғы желтоқсан" },
  de: { country: "Deutschland", yes: "ja", no: "nein", income: "4.500 USD", months: "8 Monate", noDay: "Dezember 2030" },
} as const;
type Lng = keyof typeof SCRIPTS;

/** A German remote developer's /check, up to the passport question. */
async function toPassportQuestion(lng: Lng): Promise<TestUser> {
  const s = SCRIPTS[lng];
  const user = new TestUser(h, { language_code: lng });
  await user.send("/check");
  await user.send(s.country);
  await user.send(s.no);
  await user.press(t(lng)("check:opt.programming"));
  for (const answer of [s.yes, s.yes, s.yes, s.income, s.months, s.no]) await user.send(answer);
  expect(user.lastText()).toContain(t(lng)("check:q.passport_expiry").split("\n")[0]);
  return user;
}

describe("/check: the passport date", () => {
  it("in English, 05-06-2030 could be read two ways, as 5/6/2030 is; a month without a day says the day is missing", async () => {
    const user = await toPassportQuestion("en");
    for (const typed of ["5/6/2030", "05-06-2030"]) {
      await user.send(typed);
      expect(user.lastText()).toContain(t("en")("check:error.ambiguous_date"));
    }
    for (const typed of ["Dec 2099", "December 2030"]) {
      await user.send(typed);
      expect(user.lastText()).toContain(t("en")("check:error.missing_day"));
    }
    await user.send("2030-06-05");
    expect(user.replies().join("\n")).toContain(t("en")("check:answered", { answer: "June 5, 2030" }));
  });

  it.each(["ru", "kk", "de"] as const)("in %s, a month without a day says the day is missing; 05-06-2030 is 5 June", async (lng) => {
    const user = await toPassportQuestion(lng);
    await user.send(SCRIPTS[lng].noDay);
    expect(user.lastText()).toBe(t(lng)("check:error.missing_day"));
    await user.send("05-06-2030");
    expect(user.replies().join("\n")).not.toContain(t(lng)("check:error.ambiguous_date"));
    expect(user.lastText()).not.toContain(t(lng)("check:q.passport_expiry").split("\n")[0]);
  });
});

describe("/remind: a milestone date", () => {
  it.each(Object.keys(SCRIPTS) as Lng[])("in %s, a month without a day says the day is missing", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/remind");
    await user.press(t(lng)("remind:milestone.b121_expiry"));
    await user.send(SCRIPTS[lng].noDay);
    expect(user.lastText()).toBe(t(lng)("remind:error.missing_day"));
  });

  it("in English, 05-06-2030 could be read two ways, as 5/6/2030 is; 2030-06-05 is taken", async () => {
    const user = new TestUser(h);
    await user.send("/remind");
    await user.press(t("en")("remind:milestone.b121_expiry"));
    for (const typed of ["5/6/2030", "05-06-2030"]) {
      await user.send(typed);
      expect(user.lastText()).toBe(t("en")("remind:error.ambiguous_date"));
    }
    await user.send("2030-06-05");
    expect(user.lastText()).toBe(t("en")("remind:intro"));
  });
});
