import { describe, expect, it } from "vitest";
import { computeDeadlines, DAYS_IN_KZ_BASIS, parseStoredMilestones, type Deadline } from "../../../src/rules/index.js";

const TODAY = "2026-03-10";
const byId = (list: Deadline[]) => Object.fromEntries(list.map((d) => [d.id, d]));

describe("deadlines from milestones", () => {
  it("registration: 3 working days after entry, skipping Nauryz (21-25 March 2026)", () => {
    const d = byId(computeDeadlines({ entry: "2026-03-20" }, TODAY));
    expect(d.registration).toMatchObject({ kind: "deadline", date: "2026-03-30", facts: ["b9_1.host_notification"] });
    expect(byId(computeDeadlines({ entry: "2026-03-12" }, TODAY)).registration!.date).toBe("2026-03-17");
  });

  it.each([
    ["2026-03-15", "2026-04-13"],
    ["2026-12-01", "2026-12-30"],
    ["2026-12-15", "2027-01-13"], // across the new year
  ])("arrival: a decision on %s gives %s, the 30th day counting the decision day as the first", (decision, last) => {
    const d = byId(computeDeadlines({ positive_decision: decision }, TODAY));
    expect(d.arrival_window).toMatchObject({ kind: "deadline", date: last, basedOn: ["positive_decision"] });
    expect(d.arrival_window!.facts).toEqual(["b9_1.time.arrival_window", "b9_1.reapply_ban"]);
  });

  it.each([
    // e-visa issued, passport expiry, visa end, what decided it
    ["2026-02-10", undefined, "2027-02-09", "visa_length"],
    ["2026-02-10", "2027-03-31", "2026-12-31", "passport"], // passport − 3 months is earlier than issue + 1 year − 1 day
    ["2026-02-10", "2027-05-09", "2027-02-09", "visa_length"], // both limits fall on the same day
    ["2026-02-10", "2027-05-10", "2027-02-09", "visa_length"], // the passport allows a day more: the visa length decides
    ["2026-03-15", "2027-05-31", "2027-02-28", "passport"], // 31 May − 3 months is the end of February, never 3 March
  ] as const)("B9-1 visa end without its own expiry: e-visa %s, passport %s → latest possible %s, set by the %s", (issued, passport, end, limit) => {
    const d = byId(computeDeadlines({ evisa_issued: issued, ...(passport ? { passport_expiry: passport } : {}) }, TODAY)).residence_before_visa_end!;
    expect(d).toMatchObject({ kind: "deadline", date: end, latestPossible: true, limitedBy: limit });
    expect(d.basedOn).toEqual(passport ? ["evisa_issued", "passport_expiry"] : ["evisa_issued"]);
    expect(d.facts).toContain("b9_1.evisa_validity");
    if (passport) expect(d.facts).toContain("visa.passport.validity_after_visa");
  });

  it("B9-1 visa end from the visa's own expiry: that date as given, never marked latest possible", () => {
    const d = byId(computeDeadlines({ visa_expiry: "2026-09-01", evisa_issued: "2025-09-02", passport_expiry: "2026-10-01" }, TODAY)).residence_before_visa_end!;
    expect(d).toMatchObject({ date: "2026-09-01", basedOn: ["visa_expiry"] });
    expect(d.latestPossible).toBeUndefined();
    expect(d.limitedBy).toBeUndefined();
    expect(byId(computeDeadlines({ passport_expiry: "2027-03-31" }, TODAY)).residence_before_visa_end).toBeUndefined(); // no visa yet
  });

  it("passport: the last day to apply with more than 180 days left, and the latest day a visa can run to", () => {
    const d = byId(computeDeadlines({ passport_expiry: "2027-01-31" }, TODAY));
    expect(d.passport_residence!.date).toBe("2026-08-03");
    expect(d.passport_visa_limit!.date).toBe("2026-10-31");
  });

  it("renewals of B12-1 and the family C2 visa fall on their expiry dates", () => {
    const d = byId(computeDeadlines({ b121_expiry: "2026-12-01", c2_expiry: "2027-01-15" }, TODAY));
    expect(d.b121_renewal!.date).toBe("2026-12-01");
    expect(d.c2_renewal!.date).toBe("2027-01-15");
  });

  it("Astana Hub stages are estimates: 2, then 5 working days, then a 5-10 working-day window", () => {
    const d = byId(computeDeadlines({ hub_applied: "2026-03-02" }, TODAY));
    expect(d.hub_document_check).toMatchObject({ kind: "estimate", date: "2026-03-04" });
    expect(d.hub_interview).toMatchObject({ kind: "estimate", date: "2026-03-12" }); // 9 March is a day off
    expect(d.hub_petition).toMatchObject({ kind: "estimate", from: "2026-03-19", date: "2026-03-31" }); // 21-25 March off (Nauryz)
    expect(byId(computeDeadlines({ hub_applied: "2026-03-02", petition_issued: "2026-03-20" }, TODAY)).hub_petition).toBeUndefined();
  });

  it("residence decision expected 45 calendar days after the application, unless decided", () => {
    expect(byId(computeDeadlines({ residence_applied: "2026-03-01" }, TODAY)).residence_decision!.date).toBe("2026-04-15");
    expect(byId(computeDeadlines({ residence_applied: "2026-03-01", positive_decision: "2026-04-01" }, TODAY)).residence_decision).toBeUndefined();
  });

  it.each([
    // today, days in Kazakhstan in the last 12 months (today included), the day the line is reached
    ["2026-03-10", 1, "2026-09-08"], // today + 182 days is the 183rd day
    ["2026-03-10", 0, "2026-09-09"],
    ["2026-03-10", 182, "2026-03-11"], // tomorrow
    ["2026-11-01", 10, "2027-04-23"], // in the next calendar year: still shown (any 12 consecutive months)
    ["2026-12-20", 5, "2027-06-16"],
  ] as const)("tax residency on %s with %i days: the 183rd day, %s", (today, days, line) => {
    const d = byId(computeDeadlines({ days_in_kz: days }, today)).tax_residency!;
    expect(d).toMatchObject({ kind: "threshold", date: line, status: "upcoming", basedOn: ["days_in_kz"] });
    expect(d.reached).toBeUndefined();
  });

  it.each([183, 200, 366])("tax residency with %i days: reached today", (days) => {
    expect(byId(computeDeadlines({ days_in_kz: days }, "2026-08-01")).tax_residency).toMatchObject({ date: "2026-08-01", status: "today", reached: true });
  });

  it("the tax line cites the day count, the progressive rates and the centre of vital interests", () => {
    expect(byId(computeDeadlines({ days_in_kz: 100 }, TODAY)).tax_residency!.facts).toEqual(
      expect.arrayContaining(["tax.resident_days", "tax.days_count_arrival_departure", "tax.resident_rate", "tax.resident_rate_higher", "tax.progressive_threshold", "tax.vital_interests"]),
    );
  });

  it("marks passed items, sorts by date, and flags counts through a computed calendar year", () => {
    const list = computeDeadlines({ entry: "2026-03-02", b121_expiry: "2026-12-01" }, TODAY);
    expect(list.map((d) => [d.id, d.status])).toEqual([["registration", "passed"], ["b121_renewal", "upcoming"]]);
    expect(byId(computeDeadlines({ entry: "2027-05-01" }, TODAY)).registration!.computedCalendar).toBe(true);
    expect(byId(computeDeadlines({ entry: "2026-05-01" }, TODAY)).registration!.computedCalendar).toBeUndefined();
  });

  it("never throws for dates outside the calendar: old working-day items are simply gone", () => {
    expect(computeDeadlines({ entry: "2019-05-01", hub_applied: "2150-01-01" }, TODAY)).toEqual([]);
    expect(() => computeDeadlines({ entry: "31.05.2026" } as never, TODAY)).toThrow(/YYYY-MM-DD/);
  });
});

describe("stored milestones from before the 12-month rule", () => {
  it("drops a day count saved without its 12-month basis, so no tax line is drawn from it", () => {
    expect(parseStoredMilestones({ days_in_kz: 120, entry: "2026-03-02" })).toEqual({ entry: "2026-03-02" });
  });

  it("keeps a day count saved with the 12-month basis", () => {
    const m = parseStoredMilestones({ days_in_kz: 120, days_in_kz_basis: DAYS_IN_KZ_BASIS });
    expect(m).toEqual({ days_in_kz: 120, days_in_kz_basis: DAYS_IN_KZ_BASIS });
    expect(computeDeadlines(m!, "2026-12-01").some((d) => d.id === "tax_residency")).toBe(true);
  });

  it("reads nothing from a damaged record, and an empty one as empty", () => {
    expect(parseStoredMilestones({ entry: "not a date" })).toBeUndefined();
    expect(parseStoredMilestones(undefined)).toEqual({});
  });
});
