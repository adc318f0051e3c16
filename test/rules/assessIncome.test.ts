import { describe, expect, it } from "vitest";
import { assess, type Profile } from "../../src/rules/index.js";
import { answeredPath, reopen } from "../../src/rules/eligibility/state.js";
import { answerCurrent, currentNode, initialState, type CheckState } from "../../src/rules/index.js";

const TODAY = "2026-11-21";
const base: Profile = {
  citizenships: ["DE"],
  itSpecialty: "programming",
  hasDegree: true,
  hasPortfolio: true,
  remoteForeignIncome: true,
  monthlyIncomeUsd: 3100,
  incomeMonths: 12,
  criminalRecord: false,
  passportExpiry: "2032-01-01",
};
const b121 = (p: Profile) => assess(p, { today: TODAY }).results[1]!;

describe("B12-1 income converted from another currency", () => {
  it.each([
    [2851, "unsure"], // just under 5% below the line: the rate on the statement day decides
    [3000, "unsure"],
    [3150, "unsure"], // exactly 5% above
    [3151, "eligible"],
    [2849, "not_eligible"],
  ] as const)("USD %d a month converted -> %s", (usd, verdict) => {
    const r = b121({ ...base, monthlyIncomeUsd: usd, incomeConverted: true });
    expect(r.verdict).toBe(verdict);
    if (verdict === "unsure") expect(r.reasons).toContain("income_depends_on_rate");
  });

  it("typed in dollars, the same amounts are judged on the line alone", () => {
    expect(b121({ ...base, monthlyIncomeUsd: 3100 }).verdict).toBe("eligible");
    expect(b121({ ...base, monthlyIncomeUsd: 2900 }).verdict).toBe("not_eligible");
  });
});

describe("Change from the outcome", () => {
  function walk(answers: unknown[]): CheckState {
    let s: CheckState = initialState;
    for (const a of answers) {
      const r = answerCurrent(s, a);
      if (!r.ok) throw new Error(`refused ${String(a)}: ${r.error}`);
      s = r.state;
    }
    return s;
  }

  it("reopens one question, keeps the others and asks only what the new answer brings onto the path", () => {
    const done = walk(["KE", "no", "programming", "yes", "yes", "no", "no", "2032-01-31"]);
    expect(currentNode(done)).toBe("outcome");
    const reopened = reopen(done, "remote_income");
    expect(currentNode(reopened)).toBe("remote_income");
    expect(reopened.answers.passport_expiry).toBe("2032-01-31");
    let s = answerCurrent(reopened, "yes");
    expect(s.ok && s.next).toBe("monthly_income");
    s = answerCurrent((s as { state: CheckState }).state, 4500);
    expect(s.ok && s.next).toBe("income_months");
    s = answerCurrent((s as { state: CheckState }).state, 12);
    expect(s.ok && s.next).toBe("outcome");
    expect(answeredPath((s as { state: CheckState }).state.answers)).toEqual([
      "citizenship", "second_citizenship_q", "it_specialty", "has_degree", "has_portfolio", "remote_income",
      "monthly_income", "income_months", "criminal_record", "passport_expiry",
    ]);
  });

  it("drops questions the new answer takes off the path from the answers shown", () => {
    const done = walk(["KE", "no", "programming", "yes", "yes", "no", "no", "2032-01-31"]);
    const s = answerCurrent(reopen(done, "it_specialty"), "none");
    expect(s.ok && s.next).toBe("outcome");
    expect(answeredPath((s as { state: CheckState }).state.answers)).not.toContain("has_degree");
  });
});
