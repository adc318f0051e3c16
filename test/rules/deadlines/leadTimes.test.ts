import { describe, expect, it } from "vitest";
import { addCalendarDays, daysBetween, factNumber, isWorkingDay, LEAD_TIMES, leadChoicesOf, procedureStart, reminderDays } from "../../../src/rules/index.js";

const everyDay = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
};

describe("lead times", () => {
  it("every deadline that is reminded has a standard choice; lists run from the earliest day down to the day itself", () => {
    for (const [id, rule] of Object.entries(LEAD_TIMES)) {
      expect(leadChoicesOf(id)).toContain("standard");
      expect(rule.reason.length).toBeGreaterThan(20);
      for (const choice of leadChoicesOf(id)) {
        const days = reminderDays(id, "2026-06-15", choice);
        expect(days.at(-1), `${id} ${choice}`).toBe(0);
        expect([...days].sort((a, b) => b - a)).toEqual(days);
      }
    }
  });

  it("for a procedure whose length the facts give, every choice starts before the latest day to start it, on every day of 2026-2028", () => {
    const sourced = Object.entries(LEAD_TIMES).filter(([, r]) => "procedure" in r);
    expect(sourced.map(([id]) => id)).toEqual(["residence_before_visa_end"]);
    for (const [id] of sourced) {
      for (const date of everyDay("2026-03-01", "2028-12-31")) {
        const start = procedureStart(id, date)!;
        expect(start, date).toBeDefined();
        for (const choice of leadChoicesOf(id)) expect(reminderDays(id, date, choice)[0]!, `${id} ${date} ${choice}`).toBeGreaterThan(daysBetween(start, date));
      }
    }
  });

  it("counts the procedure back from the facts: the decision's calendar days, then Astana Hub's business days", () => {
    // 9 Feb 2027 − 45 calendar days = 26 Dec 2026; 17 working days before that, 16 Dec being a holiday: 2 Dec.
    expect(factNumber("b9_1.time.decision")).toBe(45);
    expect(procedureStart("residence_before_visa_end", "2027-02-09")).toBe("2026-12-02");
    expect(procedureStart("b121_renewal", "2027-02-09")).toBeUndefined(); // no sourced length: a product choice
  });

  it("registration: each working day of the notice period, counted back on Kazakhstan's calendar (Nauryz 2026)", () => {
    // Entry Friday 20 March 2026: due Monday 30 March; 21-25 March are days off.
    const days = reminderDays("registration", "2026-03-30");
    expect(days.map((n) => addCalendarDays("2026-03-30", -n))).toEqual(["2026-03-20", "2026-03-26", "2026-03-27", "2026-03-30"]);
    expect(days.map((n) => addCalendarDays("2026-03-30", -n)).every(isWorkingDay)).toBe(true);
    expect(reminderDays("registration", "2026-03-30", "fewer")).toEqual([0]);
  });

  it("an unknown deadline or choice falls back to a short default, never to nothing", () => {
    expect(reminderDays("something_new", "2027-01-01")).toEqual([7, 2, 0]);
    expect(reminderDays("arrival_window", "2027-01-01", "forever")).toEqual([14, 7, 2, 0]);
  });
});
