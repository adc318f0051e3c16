import { describe, expect, it } from "vitest";
import { comparisonRows, filterRows, filtersToMask, maskToFilters, passes } from "../../src/rules/compare/index.js";
import { getFact } from "../../src/rules/index.js";

describe("comparison rows", () => {
  it("come from S001's table and S004's five EU programs, Kazakhstan's first", () => {
    const rows = comparisonRows();
    expect(rows.slice(0, 2).map((r) => r.program)).toEqual(["Digital Nomad Residency", "Neo Nomad Visa"]);
    expect(rows.filter((r) => r.table === "S004").map((r) => r.country).sort()).toEqual(["ES", "HU", "IT", "MT", "PT"]);
    for (const r of rows) expect(getFact(r.fact).source).toEqual([r.table]);
  });

  it("keep the numbers exactly as the sources write them, with currency and period", () => {
    const by = (id: string) => comparisonRows().find((r) => r.fact === id)!;
    expect(by("compare.s004.pt")).toMatchObject({ income_amount: 3480, income_currency: "EUR", income_period: "month", savings_amount: 10440, duration_max: 2, dependants: "yes" });
    expect(by("compare.s004.es")).toMatchObject({ income_amount: 2762, income_currency: "EUR", duration_max: 3 });
    expect(by("compare.s004.hu")).toMatchObject({ income_amount: 3000, duration_max: 1, dependants: "no" });
    expect(by("compare.s004.mt")).toMatchObject({ income_amount: 3500, duration_max: 12, duration_max_unit: "months", dependants: "not_stated" });
    expect(by("compare.s004.it")).toMatchObject({ income_amount: 32400, income_period: "year", savings_amount: 30000 });
    expect(by("compare.s001.kz_neo_nomad_visa")).toMatchObject({ income_amount: 3000, income_currency: "USD", income_period: "month", duration_min: 1, duration_max: 2 });
    expect(by("compare.s001.jp_digital_nomad_visa")).toMatchObject({ income_amount: 10000000, income_currency: "JPY", income_period: "year" });
    expect(by("compare.s001.ge_it_residence_permit")).toMatchObject({ citizenship_path: "yes", citizenship_years: 10 });
  });

  it("filter on what the source says; 'not stated' passes no filter", () => {
    expect(filterRows(["no_income"]).map((r) => r.country)).toEqual(["KZ", "BT", "KG"]);
    const malta = comparisonRows().find((r) => r.country === "MT")!;
    expect(passes(malta, "family")).toBe(false);
    expect(filterRows(["family", "residence"]).every((r) => r.dependants === "yes")).toBe(true);
    expect(filterRows([])).toHaveLength(comparisonRows().length);
  });

  it("encode filters as a small mask and refuse any other", () => {
    expect(maskToFilters(filtersToMask(["family", "residence"]))).toEqual(["family", "residence"]);
    for (const bad of [-1, 8, 1.5, Number.NaN]) expect(maskToFilters(bad)).toBeUndefined();
  });
});
