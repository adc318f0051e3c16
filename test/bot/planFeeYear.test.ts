/**
 * /plan fees: a fee whose step may be paid in a year whose MRP is not published (2027, FACTS.md 7) is given in
 * MRP with a note that its tenge amount is not known; a step entirely in 2026 keeps the 2026 tenge amount.
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


const planOf = (user: TestUser, lng: Locale = "en") => planMessage(user, t(lng))!;

function expectSendable(user: TestUser): void {
  expect(user.calls().flatMap(violations)).toEqual([]);
  for (const text of user.replies()) expect(text).not.toMatch(/\{\{|undefined|NaN|\[object|\b(plan|check|facts|fees):[a-z_]+\./);
}

describe("/plan fees in a year whose MRP is not published", () => {
  const FEE_2026 = /129[\s,.\u00a0\u202f]?750/;

  it.each(SUPPORTED_LOCALES)("a fee whose window runs into 2027 is given in MRP, with no tenge amount (%s)", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await h.services.stores.outcomes.write(String(user.user.id), {
      version: OUTCOME_RECORD_VERSION,
      checked_at: "2026-12-04",
      programs: [{ program: "B12-1", verdict: "eligible_with_invitation", route: "b12_1.invitation", reasons: ["invitation_required"], fact_ids: [] }],
      fact_ids: [],
    } satisfies OutcomeRecord);
    await user.send("/plan"); // the invitation takes up to 30 calendar days: the fee may be paid up to 2027-01-03
    const plan = planOf(user, lng);
    const fee = plan.split("\n").find((l) => l.includes(t(lng)("plan:fee", { fee: "X" }).split("X")[0]!))!;
    expect(fee).toBeDefined();
    expect(fee).not.toMatch(FEE_2026);
    expect(fee).toContain(t(lng)("fees:no_mrp_year", { year: 2027 }));
    expect(fee).not.toContain("KZT");
    expect(plan).not.toContain("inform.kz"); // the 2026 MRP is not cited for a fee it does not price
    expectSendable(user);
  });

  it("a fee step entirely in 2026 keeps the 2026 tenge amount", async () => {
    h.clock.set("2026-11-21T06:00:00Z");
    const user = new TestUser(h);
    await belarusCheck(user, t("en"));
    await user.send("/plan"); // the fee window ends on 2026-12-21
    const plan = planOf(user);
    expect(plan).toMatch(FEE_2026);
    expect(plan).not.toContain(t("en")("fees:no_mrp_year", { year: 2026 }).slice(0, 20));
  });

  it("the Belarus check of 2026-12-04: the consular fee in MRP with the note for 2027", async () => {
    const user = new TestUser(h);
    await belarusCheck(user, t("en"));
    await user.send("/plan");
    const plan = planOf(user);
    expect(plan).toContain(`30 MRP ${t("en")("fees:no_mrp_year", { year: 2027 })}`);
    expect(plan).not.toMatch(FEE_2026);
  });
});
