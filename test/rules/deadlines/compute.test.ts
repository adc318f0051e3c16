import { describe, expect, it } from "vitest";
import { computeDeadlines, type Deadline } from "../../../src/rules/index.js";

const TODAY = "2026-03-10";
const byId = (list: Deadline[]) => Object.fromEntries(list.map((d) => [d.id, d]));

describe("deadlines from milestones", () => {
  it("registration: 3 working days after entry, skipping Nauryz (21-25 March 2026)", () => {
    const d = byId(computeDeadlines({ entry: "2026-03-20" }, TODAY));
    expect(d.registration).toMatchObject({ kind: "deadline", date: "2026-03-30", facts: ["b9_1.host_notification"] });
    expect(byId(computeDeadlines({ entry: "2026-03-12" }, TODAY)).registration!.date).toBe("2026-03-17");
  });

  it("arrival: 30 calendar days after a positive decision, citing the 12-month ban", () => {
    const d = byId(computeDeadlines({ positive_decision: "2026-03-15" }, TODAY));
    expect(d.arrival_window).toMatchObject({ kind: "deadline", date: "2026-04-14", status: "upcoming" });
    expect(d.arrival_window!.facts).toContain("b9_1.reapply_ban");
  });

  it("the B9-1 visa year: from its expiry, or a year after the e-visa was issued", () => {
    expect(byId(computeDeadlines({ visa_expiry: "2026-09-01" }, TODAY)).residence_before_visa_end!.date).toBe("2026-09-01");
    expect(byId(computeDeadlines({ evisa_issued: "2026-02-10" }, TODAY)).residence_before_visa_end!.date).toBe("2027-02-09");
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

  it("tax residency: the day the stay would exceed 183 days, or today once it has", () => {
    expect(byId(computeDeadlines({ days_in_kz: 100 }, TODAY)).tax_residency).toMatchObject({ kind: "threshold", date: "2026-06-02" });
    expect(byId(computeDeadlines({ days_in_kz: 200 }, "2026-08-01")).tax_residency!.date).toBe("2026-08-01");
    expect(byId(computeDeadlines({ days_in_kz: 10 }, "2026-11-01")).tax_residency).toBeUndefined(); // not this year
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
