import { describe, expect, it } from "vitest";
import { parseAmount } from "../../../src/rules/input/index.js";
import { buildIncome } from "../../../src/rules/eligibility/income.js";
import type { RateTable } from "../../../src/rules/rates/convert.js";

/** A fixed, made-up table for tests only (KZT per unit): round numbers so the expected values are easy to check. */
const FAKE: RateTable = { date: "2026-11-20", origin: "embedded", kztPer: { USD: 500, EUR: 550, GBP: 625, RUB: 5, CNY: 70, TRY: 12.5, CHF: 560 } };

/** Typed amounts in four languages: [text, amount, currency or undefined, "year" or undefined]. */
const AMOUNTS: Array<[string, number, string | undefined, "year" | undefined]> = [
  ["€3500", 3500, "EUR", undefined],
  ["£3,200 a month", 3200, "GBP", undefined],
  ["50k per year", 50_000, undefined, "year"],
  ["пять тысяч долларов", 5000, "USD", undefined],
  ["five thousand", 5000, undefined, undefined],
  ["five thousand dollars", 5000, "USD", undefined],
  ["three thousand five hundred", 3500, undefined, undefined],
  ["fünftausend", 5000, undefined, undefined],
  ["fünftausend Euro", 5000, "EUR", undefined],
  ["dreitausendfünfhundert Dollar", 3500, "USD", undefined],
  ["zwei tausend Euro", 2000, "EUR", undefined],
  ["бес мың доллар", 5000, "USD", undefined],
  ["үш мың бес жүз доллар", 3500, "USD", undefined],
  ["три тысячи пятьсот евро", 3500, "EUR", undefined],
  ["полторы тысячи евро", 1500, "EUR", undefined],
  ["4000 US-Dollar", 4000, "USD", undefined],
  ["4000 US dollars", 4000, "USD", undefined],
  ["60 000 USD в год", 60_000, "USD", "year"],
  ["60000 $ per year", 60_000, "USD", "year"],
  ["48k USD a year", 48_000, "USD", "year"],
  ["$48,000 annually", 48_000, "USD", "year"],
  ["48 000 долларов в год", 48_000, "USD", "year"],
  ["2 000 000 тенге в год", 2_000_000, "KZT", "year"],
  ["жылына 40 мың доллар", 40_000, "USD", "year"],
  ["50.000 € im Jahr", 50_000, "EUR", "year"],
  ["50.000 Euro pro Jahr", 50_000, "EUR", "year"],
  ["40000 EUR jährlich", 40_000, "EUR", "year"],
  ["3500 GBP", 3500, "GBP", undefined],
  ["3 200 фунтов", 3200, "GBP", undefined],
  ["3200 Pfund", 3200, "GBP", undefined],
  ["300 000 рублей", 300_000, "RUB", undefined],
  ["300000 RUB", 300_000, "RUB", undefined],
  ["300 тыс. руб.", 300_000, "RUB", undefined],
  ["1 500 000 ₸", 1_500_000, "KZT", undefined],
  ["1,5 млн тенге", 1_500_000, "KZT", undefined],
  ["2 млн теңге", 2_000_000, "KZT", undefined],
  ["25000 CNY", 25_000, "CNY", undefined],
  ["25 000 юаней", 25_000, "CNY", undefined],
  ["¥25000 CNY", 25_000, "CNY", undefined], // a bare ¥ is the yen or the yuan: amountSigns.test.ts
  ["25000 yuan", 25_000, "CNY", undefined],
  ["100000 TRY", 100_000, "TRY", undefined],
  ["₺100.000", 100_000, "TRY", undefined],
  ["100 000 лир", 100_000, "TRY", undefined],
  ["100000 lira", 100_000, "TRY", undefined],
  ["4000 CHF", 4000, "CHF", undefined],
  ["5000 AED", 5000, "AED", undefined],
  ["4000 PLN", 4000, "PLN", undefined],
  ["5000 CAD", 5000, "CAD", undefined],
  ["I earn 4000 USD", 4000, "USD", undefined],
  ["about $3,800 a month", 3800, "USD", undefined],
  ["примерно 4 тыс. долларов в месяц", 4000, "USD", undefined],
  ["зарплата 4500 евро", 4500, "EUR", undefined],
  ["шамамен 4000 доллар айына", 4000, "USD", undefined],
  ["ca. 4.000 € netto im Monat", 4000, "EUR", undefined],
  ["etwa 3500 Dollar monatlich", 3500, "USD", undefined],
  ["3,5k €", 3500, "EUR", undefined],
  ["$3.5k", 3500, "USD", undefined],
  ["4 500 долларов", 4500, "USD", undefined],
  ["4.500 USD", 4500, "USD", undefined],
  ["4500$", 4500, "USD", undefined],
  ["3000 per year", 3000, undefined, "year"],
];

describe("parseAmount: any currency and period", () => {
  it(`has at least 60 amounts (${AMOUNTS.length})`, () => expect(AMOUNTS.length).toBeGreaterThanOrEqual(60));

  it.each(AMOUNTS)("%j -> %d %s per %s", (text, amount, currency, period) => {
    expect(parseAmount(text)).toEqual({ ok: true, amount, ...(currency ? { currency } : {}), ...(period ? { period } : {}) });
  });

  it.each([["five or six thousand"], ["three banana"], ["тысяча и одна ночь"], ["50k per year or so"]])("%j is unrecognised", (text) => {
    expect(parseAmount(text)).toEqual({ ok: false, error: "unrecognised" });
  });
});

describe("buildIncome: per month, in US dollars, on a fixed rate table", () => {
  it.each([
    // [text, US dollars a month]
    ["50k per year", 4166.66], // 4166.666...: cut to cents, never rounded up (an amount below the line stays below)
    ["$4,500", 4500],
    ["€3500", 3850], // 3500 x 550 / 500
    ["£3,200 a month", 4000], // 3200 x 625 / 500
    ["300 000 рублей", 3000], // 300000 x 5 / 500
    ["1 500 000 ₸", 3000], // 1500000 / 500
    ["25000 CNY", 3500], // 25000 x 70 / 500
    ["100000 TRY", 2500], // 100000 x 12.5 / 500
    ["40000 EUR jährlich", 3666.67], // 40000 / 12 x 550 / 500
    ["2 000 000 тенге в год", 333.33],
  ])("%j -> USD %d a month", (text, usd) => {
    const parsed = parseAmount(text);
    if (!parsed.ok) throw new Error(`not parsed: ${text}`);
    const built = buildIncome(parsed, FAKE);
    expect(built.ok && built.value.usd).toBe(usd);
  });

  it("carries the rate and its date when it converts, and none for dollars", () => {
    const eur = buildIncome({ amount: 3500, currency: "EUR" }, FAKE);
    expect(eur).toEqual({
      ok: true,
      value: { usd: 3850, amount: 3500, currency: "EUR", period: "month", rate: { date: "2026-11-20", kztPerUnit: 550, kztPerUsd: 500, origin: "embedded" } },
    });
    expect(buildIncome({ amount: 3500 }, FAKE)).toEqual({ ok: true, value: { usd: 3500, amount: 3500, currency: "USD", period: "month" } });
  });

  it("refuses to convert without a rate: no table, or a currency the table lacks", () => {
    expect(buildIncome({ amount: 3500, currency: "EUR" }, undefined)).toEqual({ ok: false, error: "no_rate" });
    expect(buildIncome({ amount: 3500, currency: "AED" }, FAKE)).toEqual({ ok: false, error: "no_rate" });
    expect(buildIncome({ amount: 3500, currency: "EUR" }, { ...FAKE, kztPer: { EUR: 550 } })).toEqual({ ok: false, error: "no_rate" });
  });
});
