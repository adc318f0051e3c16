import { describe, expect, it } from "vitest";
import { floorCents, parseAmount } from "../../../src/rules/input/amount.js";
import { buildIncome } from "../../../src/rules/eligibility/income.js";

describe("parseAmount: dollars of other countries", () => {
  it.each([
    // a country prefix on the sign ("ca" alone is German "circa", "a" an English filler: only joined to "$")
    ["CA$4000", 4000, "CAD"],
    ["C$4000", 4000, "CAD"],
    ["CAD$4000", 4000, "CAD"],
    ["4000 CA$", 4000, "CAD"],
    ["A$4,200 a month", 4200, "AUD"],
    ["AU$4200", 4200, "AUD"],
    ["NZ$6000", 6000, "NZD"],
    ["HK$40,000", 40_000, "HKD"],
    ["S$5000", 5000, "SGD"],
    ["SG$5000", 5000, "SGD"],
    ["MX$60,000", 60_000, "MXN"],
    ["US$3500", 3500, "USD"],
    // a country word before the dollar word, in four languages
    ["4000 Canadian dollars", 4000, "CAD"],
    ["4000 canadian dollar", 4000, "CAD"],
    ["4000 канадских долларов", 4000, "CAD"],
    ["4000 канадских долл.", 4000, "CAD"],
    ["4000 Канада доллары", 4000, "CAD"],
    ["4000 kanadische Dollar", 4000, "CAD"],
    ["4000 Kanada-Dollar", 4000, "CAD"],
    ["4200 Australian dollars", 4200, "AUD"],
    ["4200 австралийских долларов", 4200, "AUD"],
    ["4200 Австралия доллары", 4200, "AUD"],
    ["4200 australische Dollar", 4200, "AUD"],
    ["6000 New Zealand dollars", 6000, "NZD"],
    ["6000 новозеландских долларов", 6000, "NZD"],
    ["6000 Жаңа Зеландия доллары", 6000, "NZD"],
    ["6000 Neuseeland-Dollar", 6000, "NZD"],
    ["40000 Hong Kong dollars", 40_000, "HKD"],
    ["40000 гонконгских долларов", 40_000, "HKD"],
    ["40000 Hongkong-Dollar", 40_000, "HKD"],
    ["5000 Singapore dollars", 5000, "SGD"],
    ["5000 сингапурских долларов", 5000, "SGD"],
    ["5000 Singapur-Dollar", 5000, "SGD"],
    // a bare "$" and a bare dollar word stay US dollars
    ["$4000", 4000, "USD"],
    ["4000$", 4000, "USD"],
    ["ca. $4000", 4000, "USD"],
    ["ca $4000", 4000, "USD"],
    ["a $4000 salary", 4000, "USD"],
    ["4000 dollars", 4000, "USD"],
    ["4000 долларов", 4000, "USD"],
  ])("%j -> %d %s", (text, amount, currency) => {
    expect(parseAmount(text)).toEqual({ ok: true, amount, currency });
  });
});

describe("parseAmount: ¥ is the yen or the yuan", () => {
  it.each([["¥450000"], ["450000¥"], ["¥ 450 000 a month"], ["￥450000"], ["¥450k"]])("%j is ambiguous: JPY or CNY", (text) => {
    expect(parseAmount(text)).toMatchObject({ ok: false, error: "ambiguous_currency", candidates: ["JPY", "CNY"] });
  });

  it.each([
    ["¥450000 JPY", 450_000, "JPY"],
    ["450000 JPY", 450_000, "JPY"],
    ["450000 yen", 450_000, "JPY"],
    ["450000 Yen", 450_000, "JPY"],
    ["450 000 иен", 450_000, "JPY"],
    ["450000 иена", 450_000, "JPY"],
    ["¥25000 CNY", 25_000, "CNY"],
    ["¥25000 yuan", 25_000, "CNY"],
    ["25000 CNY", 25_000, "CNY"],
    ["25 000 юаней", 25_000, "CNY"],
    ["25000 Yuan", 25_000, "CNY"],
  ])("%j -> %d %s", (text, amount, currency) => {
    expect(parseAmount(text)).toEqual({ ok: true, amount, currency });
  });

  it("refuses ¥ with a currency it cannot stand for", () => {
    expect(parseAmount("¥3000 EUR")).toEqual({ ok: false, error: "unrecognised" });
  });
});

describe("amounts below the line are never rounded up onto it", () => {
  it.each([
    ["$2,999.999", 2999.99],
    ["2999.995", 2999.99],
    ["2.999,999 $", 2999.99],
    ["0.29", 0.29], // binary noise (0.29 x 100 = 28.999...) costs no cent
    ["1234.009", 1234],
    ["3000", 3000],
  ])("%j -> %d", (text, amount) => {
    expect(parseAmount(text)).toMatchObject({ ok: true, amount });
  });

  it("cuts US dollars a month to cents: USD 35,999.99 a year is below USD 3,000 a month", () => {
    const built = buildIncome({ amount: 35_999.99, currency: "USD", period: "year" }, undefined);
    expect(built.ok && built.value.usd).toBe(2999.99);
    expect(buildIncome({ amount: 36_000, period: "year" }, undefined)).toMatchObject({ ok: true, value: { usd: 3000 } });
  });

  it("floorCents keeps whole cents exact", () => {
    expect([0.29, 1.1, 4.35, 9_999_999.99, 2999.999, 4166.666].map(floorCents)).toEqual([0.29, 1.1, 4.35, 9_999_999.99, 2999.99, 4166.66]);
  });
});
