import { describe, expect, it } from "vitest";
import { routeFeeFacts, routeFees } from "../../src/rules/fees/index.js";
import { getFact, kztForMrp } from "../../src/rules/index.js";

const table = { date: "2026-11-20", origin: "nbk" as const, kztPer: { USD: 500, EUR: 550 } };

describe("route fees", () => {
  it("list each fee as the facts give it and total them with the year's MRP", () => {
    const f = routeFees("b9_1.evisa", 2026);
    expect(f.lines).toEqual([
      { fact: "b9_1.fee.evisa", kind: "usd", usd: getFact("b9_1.fee.evisa").value },
      { fact: "b9_1.fee.multiple_entry", kind: "mrp", mrp: 30, kzt: kztForMrp(30, 2026) },
      { fact: "b9_1.fee.residence_state_duty", kind: "not_stated" },
    ]);
    expect(f).toMatchObject({ kztTotal: 129750, usdTotal: 80, mrpTotal: 30, notStated: 1, mrpFact: "mrp.2026" });
    expect(routeFees("b12_1.invitation", 2025).kztTotal).toBe(117960); // S003's figure for 2025
    expect(routeFeeFacts("b9_1.residence")).toEqual(["b9_1.fee.residence_state_duty"]);
  });

  it("give no tenge amount for a year without a confirmed MRP", () => {
    const f = routeFees("b12_1.no_invitation", 2027);
    expect(f.kztTotal).toBeUndefined();
    expect(f.mrpFact).toBeUndefined();
    expect(f.lines[0]).toEqual({ fact: "b12_1.fee.consular", kind: "mrp", mrp: 30 });
    expect(routeFees("b12_1.no_invitation", 2027, { currency: "EUR", rates: table }).converted).toEqual({ ok: false, currency: "EUR", reason: "no_mrp" });
  });

  it("convert the total through tenge only with a rate, never without", () => {
    expect(routeFees("b9_1.evisa", 2026, { currency: "EUR", rates: table }).converted).toEqual({ ok: true, currency: "EUR", amount: 308.64, rateDate: "2026-11-20", fallback: false });
    expect(routeFees("b9_1.evisa", 2026, { currency: "KZT", rates: table }).converted).toMatchObject({ ok: true, amount: 169750 });
    expect(routeFees("b9_1.evisa", 2026, { currency: "EUR" }).converted).toEqual({ ok: false, currency: "EUR", reason: "no_table" });
    expect(routeFees("b9_1.evisa", 2026, { currency: "GBP", rates: table }).converted).toEqual({ ok: false, currency: "GBP", reason: "no_rate" });
    expect(routeFees("b9_1.evisa", 2026, { currency: "EUR", rates: { ...table, kztPer: { EUR: 550 } } }).converted).toMatchObject({ ok: false, reason: "no_rate" });
    // Only dollar fees and a person paying in dollars: no rate needed.
    expect(routeFees("b9_1.residence", 2026, { currency: "USD" }).converted).toMatchObject({ ok: true, amount: 0 });
    expect(routeFees("b9_1.evisa", 2026, { currency: "EUR", rates: { ...table, fallback: true } }).converted).toMatchObject({ ok: true, fallback: true });
  });
});
