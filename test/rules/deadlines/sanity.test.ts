import { describe, expect, it } from "vitest";
import { checkMilestones } from "../../../src/rules/index.js";

const TODAY = "2026-12-01";
const codes = (m: Record<string, string>) => checkMilestones(m, TODAY).map((i) => `${i.code}:${i.fields.join(">")}`);

describe("dates that look wrong", () => {
  it("a sensible set raises nothing (a planned entry in the future is fine)", () => {
    expect(codes({ hub_applied: "2026-05-04", petition_issued: "2026-05-25", residence_applied: "2026-06-01", positive_decision: "2026-07-10", entry: "2026-12-20", passport_expiry: "2031-01-01" })).toEqual([]);
  });

  it("procedure steps out of order: a Hub application after the residence application", () => {
    expect(codes({ hub_applied: "2026-07-01", residence_applied: "2026-06-01" })).toEqual(["order:hub_applied>residence_applied"]);
    expect(codes({ residence_applied: "2026-08-01", positive_decision: "2026-07-01" })).toEqual(["order:residence_applied>positive_decision"]);
  });

  it("an entry before the positive decision, a passport that expired before the visa was issued, a visa that ends before it began", () => {
    expect(codes({ positive_decision: "2026-08-01", entry: "2026-07-01" })).toEqual(["entry_before_decision:entry>positive_decision"]);
    expect(codes({ evisa_issued: "2026-05-01", passport_expiry: "2026-04-30" })).toEqual(["passport_before_visa:passport_expiry>evisa_issued"]);
    expect(codes({ evisa_issued: "2026-05-01", visa_expiry: "2026-04-01" })).toEqual(["order:evisa_issued>visa_expiry"]);
  });

  it("a decision in the future, a step before the program began, a date far away", () => {
    expect(codes({ positive_decision: "2026-12-02" })).toEqual(["in_future:positive_decision"]);
    expect(codes({ hub_applied: "2025-02-28" })).toEqual(["before_program:hub_applied"]);
    expect(codes({ hub_applied: "2025-03-01" })).toEqual([]);
    expect(codes({ passport_expiry: "2062-01-01" })).toEqual(["far_away:passport_expiry"]);
    expect(codes({ entry: "1990-01-01" })).toEqual(["far_away:entry"]);
  });
});
