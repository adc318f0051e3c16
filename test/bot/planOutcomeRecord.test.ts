import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outcomeRecord } from "../../src/flows/check/record.js";
import { assess, toProfile, type Answers } from "../../src/rules/index.js";
import { loadOutcome, parseStoredOutcome } from "../../src/rules/outcome/index.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { remoteDeveloperCheck } from "../helpers/checkRuns.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // fake clock: 2026-11-21 in Almaty
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);

/** A German remote developer with a valid passport, answered in English. */
async function runCheck(user: TestUser): Promise<void> {
  await remoteDeveloperCheck(user, t("en"));
}

describe("the /check outcome record", () => {
  it("is stored when the result is shown, with routes, reasons and the facts cited, and no answer as typed", async () => {
    const user = new TestUser(h);
    let writes = 0;
    const outcomes = h.services.stores.outcomes;
    const write = outcomes.write.bind(outcomes);
    outcomes.write = (key, value) => {
      writes++;
      return write(key, value);
    };
    await runCheck(user);
    const record = await loadOutcome(h.services.stores, user.user.id);
    expect(record).toBeDefined();
    expect(record!.checked_at).toBe("2026-11-21");
    expect(record!.citizenship).toBe("DE");
    expect(record!.currency).toBeUndefined();
    const [b91, b121] = record!.programs;
    expect(b91).toMatchObject({ program: "B9-1", verdict: "unsure", route: "b9_1.residence" });
    expect(b121).toMatchObject({ program: "B12-1", verdict: "eligible", route: "b12_1.no_invitation" });
    expect(b121!.fact_ids).toContain("b12_1.fee.consular");
    expect(b91!.fact_ids).toContain("b9_1.time.decision");
    expect(record!.fact_ids).toEqual(expect.arrayContaining([...b91!.fact_ids, ...b121!.fact_ids]));
    expect(JSON.stringify(record)).not.toMatch(/2030|4500|4,500|Germany/);
    expect(writes).toBe(1);

    // Pressing a checklist button on the result replays the step: the record is not written again.
    await user.press(/B12-1/);
    expect(writes).toBe(1);
  });

  it("keeps the last outcome: a later check replaces it", async () => {
    const user = new TestUser(h);
    await runCheck(user);
    await user.send("/check");
    await user.send("Brazil");
    await user.send("no");
    await user.press(t("en")("check:opt.none"));
    await user.send("no");
    const record = await loadOutcome(h.services.stores, user.user.id);
    expect(record!.programs.map((p) => p.verdict)).toEqual(["not_eligible", "not_eligible"]);
    expect(record!.programs.map((p) => p.route)).toEqual(["none", "none"]);
    expect(record!.citizenship).toBe("BR");
  });

  it("names the currency typed, and a stored value that is not a record reads as absent", async () => {
    const answers: Answers = {
      citizenship: "DE",
      second_citizenship_q: "no",
      it_specialty: "none",
      remote_income: "yes",
      monthly_income: { usd: 4000, amount: 3500, currency: "EUR", period: "month", rate: { date: "2026-11-20", kztPerUnit: 600, kztPerUsd: 520 } } as never,
      income_months: 12,
      criminal_record: "no",
      passport_expiry: "2031-01-01",
    };
    const profile = toProfile(answers);
    const record = outcomeRecord(assess(profile, { today: "2026-11-21" }).results, profile, answers, "2026-11-21");
    expect(record.currency).toBe("EUR");
    expect(parseStoredOutcome(JSON.parse(JSON.stringify(record)))).toEqual(record);
    for (const bad of [undefined, null, "x", { ...record, version: 2 }, { ...record, programs: [] }, { ...record, checked_at: "21.11.2026" }, { ...record, note: "free text" }]) {
      expect(parseStoredOutcome(bad)).toBeUndefined();
    }
    await h.services.stores.outcomes.write("42", { ...record, programs: [{ program: "B9-1", verdict: "maybe" }] });
    expect(await loadOutcome(h.services.stores, 42)).toBeUndefined();
    expect(await loadOutcome(h.services.stores, 43)).toBeUndefined();
  });
});
