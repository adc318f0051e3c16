/**
 * /plan after /check says first what the check said of the planned route: the verdict and, for an unsure or
 * not-eligible result, its reasons in /check's words, before any date.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES, type Locale } from "../../src/store/index.js";
import { OUTCOME_RECORD_VERSION, type OutcomeRecord } from "../../src/rules/outcome/index.js";
import { createHarness, FakeClock, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { belarusCheck, planMessage } from "../helpers/checkRuns.js";
import { violations } from "../fuzz/telegramRules.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ clock: new FakeClock(Date.parse("2026-12-04T06:00:00Z")) });
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);

/** An Algerian developer with no remote income: B9-1 unsure (the pilot's status), B12-1 not eligible. */
const ALGERIA = {
  en: { country: "Algeria", no: "no", yes: "yes", passport: "2035-01-31" },
  ru: { country: "Алжир", no: "нет", yes: "да", passport: "31.01.2035" },
  kk: { country: "Алжир", no: "жоқ", yes: "иә", passport: "31.01.2035" },
  de: { country: "Algerien", no: "nein", yes: "ja", passport: "31.01.2035" },
} as const;

async function algeriaCheck(user: TestUser, lng: Locale): Promise<void> {
  const s = ALGERIA[lng];
  await user.send("/check");
  await user.send(s.country);
  await user.send(s.no); // second citizenship
  await user.press(t(lng)("check:opt.programming"));
  for (const answer of [s.yes, s.yes, s.no, s.no, s.passport]) await user.send(answer); // degree, portfolio, remote income, record, passport
}


/** The first line of a text with {{vars}}: the part before the first variable, tags dropped. */
const head = (text: string) => text.split("X")[0]!.replace(/<\/?b>/g, "");

const planOf = (user: TestUser, lng: Locale = "en") => planMessage(user, t(lng))!;

function expectSendable(user: TestUser): void {
  expect(user.calls().flatMap(violations)).toEqual([]);
  for (const text of user.replies()) expect(text).not.toMatch(/\{\{|undefined|NaN|\[object|\b(plan|check|facts|fees|faq):[a-z_]+\./);
}

describe("/plan after an unsure /check", () => {
  it.each(SUPPORTED_LOCALES)("B9-1 opens with the unsure verdict and the pilot's unconfirmed status, before any date (%s)", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await algeriaCheck(user, lng);
    await user.send("/plan");
    const [verdict, plan] = user.replies();
    const lines = verdict!.split("\n");
    expect(lines[0]).toBe(`<b>${t(lng)("check:program.B9-1")}</b> — ${t(lng)("check:verdict.unsure")}`);
    expect(lines[1]).toMatch(/^⚠️ <b>/);
    expect(lines[1]).toContain(head(t(lng)("check:reason.pilot_status_unconfirmed", { pilotEnd: "X", pilotYear: 0 })));
    expect(lines[1]).toContain("astanahub.com");
    expect(lines[1]).toContain("egov.kz");
    expect(lines[1]).toMatch(/\[\d+(, \d+)*\]$/); // cited, as /check cites it
    expect(verdict).toContain("adilet.zan.kz"); // the pilot period's source, in the message's source list
    expect(verdict).not.toMatch(/2027/); // no date yet
    expect(plan).toContain(t(lng)("plan:route.b9_1.residence"));
    expectSendable(user);
  });

  it("B12-1 for an EAEU citizen opens with the unsure verdict and the reported EAEU caveat", async () => {
    const user = new TestUser(h);
    await belarusCheck(user, t("en"));
    await user.send("/plan");
    const [verdict, plan] = user.replies();
    const lines = verdict!.split("\n");
    expect(lines[0]).toBe(`<b>${t("en")("check:program.B12-1")}</b> — ${t("en")("check:verdict.unsure")}`);
    expect(lines[1]).toMatch(/^⚠️ /); // a reported fact
    expect(lines[1]).toContain(head(t("en")("check:reason.eaeu_citizen_no_visa_needed", { eaeuCountries: "X" })));
    expect(lines[1]).toContain("Belarus");
    expect(verdict).toContain("pcpartners.kz");
    expect(verdict).not.toContain(t("en")("check:reason.invitation_required")); // a caveat that changes no verdict
    expect(plan).toContain(t("en")("plan:route.b12_1.invitation"));
    expectSendable(user);
  });

  it("a B9-1 check stored while the pilot ran gets the unconfirmed status now that the period is over", async () => {
    const user = new TestUser(h);
    const record: OutcomeRecord = {
      version: OUTCOME_RECORD_VERSION,
      checked_at: "2025-06-02",
      programs: [{ program: "B9-1", verdict: "eligible", route: "b9_1.residence", reasons: [], fact_ids: [] }],
      fact_ids: [],
    };
    await h.services.stores.outcomes.write(String(user.user.id), record);
    await user.send("/plan");
    const lines = user.replies()[0]!.split("\n");
    expect(lines[0]).toBe(`<b>${t("en")("check:program.B9-1")}</b> — ${t("en")("check:verdict.eligible")}`);
    expect(lines[1]).toContain(head(t("en")("check:reason.pilot_status_unconfirmed", { pilotEnd: "X", pilotYear: 0 })));
  });

  it("a route the record calls not eligible says so, with the reason, before the dated plan", async () => {
    const user = new TestUser(h);
    const record: OutcomeRecord = {
      version: OUTCOME_RECORD_VERSION,
      checked_at: "2026-12-04",
      programs: [{ program: "B12-1", verdict: "not_eligible", route: "b12_1.no_invitation", reasons: ["income_below_threshold"], fact_ids: [] }],
      fact_ids: [],
    };
    await h.services.stores.outcomes.write(String(user.user.id), record);
    await user.send("/plan");
    const [verdict, plan] = user.replies();
    expect(verdict!.split("\n")[0]).toBe(`<b>${t("en")("check:program.B12-1")}</b> — ${t("en")("check:verdict.not_eligible")}`);
    expect(verdict).toContain(head(t("en")("check:reason.income_below_threshold", { income: "X" })));
    expect(plan).toContain(t("en")("plan:route.b12_1.no_invitation"));
  });
});
