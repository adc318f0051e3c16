import { describe, expect, it } from "vitest";
import { factsReviewReport } from "../../src/rules/index.js";

describe("facts:review report", () => {
  it("on 2026-12-01: nothing past review, and the 2027 gaps (MRP, calendar, Kurban Ait)", () => {
    const r = factsReviewReport("2026-12-01");
    expect(r.years).toEqual([2026, 2027]);
    expect(r.pastReview).toEqual([]);
    expect(r.gaps).toEqual([
      { year: 2027, what: "mrp" },
      { year: 2027, what: "calendar", missing: ["kurban_ait", "day_swaps"] },
      { year: 2027, what: "kurban_ait" },
    ]);
  });

  it("in mid-2025 nothing is missing: 2025 and 2026 are published with their MRP and Kurban Ait", () => {
    expect(factsReviewReport("2025-06-01").gaps).toEqual([]);
  });

  it("on 2027-03-01: the news facts checked in November 2026 are past review, oldest due first", () => {
    const r = factsReviewReport("2027-03-01");
    expect(r.pastReview.length).toBeGreaterThan(0);
    expect(r.pastReview.every((f) => f.review === "news" && f.due < "2027-03-01")).toBe(true);
    expect(r.pastReview.map((f) => f.id)).toContain("b9_1.pilot_period");
    // Checked 2026-12-01, due 2027-03-01: not past review on its due day.
    expect(r.pastReview.map((f) => f.id)).not.toContain("b9_1.pilot_extension");
    expect(r.pastReview.map((f) => f.id)).not.toContain("b9_1.fee.evisa");
    expect([...r.pastReview].sort((a, b) => a.due.localeCompare(b.due))).toEqual(r.pastReview);
    expect(r.gaps.map((g) => `${g.year} ${g.what}`)).toEqual(["2027 mrp", "2027 calendar", "2027 kurban_ait", "2028 mrp", "2028 calendar", "2028 kurban_ait"]);
  });
});
