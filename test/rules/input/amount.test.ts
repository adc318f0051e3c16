import { describe, expect, it } from "vitest";
import { parseAmount } from "../../../src/rules/input/index.js";

describe("parseAmount: plain numbers", () => {
  it.each([
    ["3500", 3500],
    ["3,500", 3500],
    ["3 500", 3500],
    ["3\u00a0500", 3500], // no-break space
    ["3\u202f500", 3500], // narrow no-break space
    ["3'500", 3500],
    ["3.500", 3500], // German thousands: exactly three digits after the dot
    ["3.5", 3.5],
    ["3,5", 3.5],
    ["3.50", 3.5],
    ["0.500", 0.5], // leading zero: a decimal
    ["1234.567", 1234.56], // four digits before the dot: a decimal, cut to cents (never rounded up onto a line)
    ["3.500,50", 3500.5],
    ["3,500.50", 3500.5],
    ["3 500,50", 3500.5],
    ["1.000.000", 1_000_000],
    ["1,000,000", 1_000_000],
    ["10 000 000", 10_000_000],
    ["0", 0],
    ["  3500  ", 3500],
  ])("%j -> %d", (text, amount) => {
    expect(parseAmount(text)).toEqual({ ok: true, amount });
  });
});

describe("parseAmount: currencies are reported, never converted", () => {
  it.each([
    ["$3,500", 3500, "USD"],
    ["$ 3500", 3500, "USD"],
    ["3500$", 3500, "USD"],
    ["USD 3500", 3500, "USD"],
    ["3500 usd", 3500, "USD"],
    ["3500 USD", 3500, "USD"],
    ["US$3500", 3500, "USD"],
    ["3500 долларов", 3500, "USD"],
    ["3 500 долл.", 3500, "USD"],
    ["3500 доллар", 3500, "USD"],
    ["3500 Dollar", 3500, "USD"],
    ["3500 dollars", 3500, "USD"],
    ["€3000", 3000, "EUR"],
    ["3000 EUR", 3000, "EUR"],
    ["3000 евро", 3000, "EUR"],
    ["3.000 €", 3000, "EUR"],
    ["3000 Euro", 3000, "EUR"],
    ["1 500 000 тенге", 1_500_000, "KZT"],
    ["1 500 000 ₸", 1_500_000, "KZT"],
    ["1500000 теңге", 1_500_000, "KZT"],
    ["300000 руб.", 300_000, "RUB"],
    ["300 000 ₽", 300_000, "RUB"],
    ["3000 CHF", 3000, "CHF"],
    ["£2500", 2500, "GBP"],
    ["3 тыс. долл.", 3000, "USD"],
    ["$3.5k", 3500, "USD"],
  ])("%j -> %d %s", (text, amount, currency) => {
    expect(parseAmount(text)).toEqual({ ok: true, amount, currency });
  });
});

describe("parseAmount: thousands words and monthly phrasing", () => {
  it.each([
    ["3k", 3000],
    ["3K", 3000],
    ["3.5k", 3500],
    ["3,5к", 3500],
    ["3,5 к", 3500],
    ["3 тыс.", 3000],
    ["3 тыс", 3000],
    ["3 тысячи", 3000],
    ["3 мың", 3000],
    ["3 Tsd.", 3000],
    ["3 thousand", 3000],
    ["1.2 млн", 1_200_000],
    ["3500 per month", 3500],
    ["3500/month", 3500],
    ["3500 в месяц", 3500],
    ["айына 3500", 3500],
    ["3500 pro Monat", 3500],
    ["about 3500", 3500],
    ["примерно 3500", 3500],
    ["~3500", 3500],
    ["зарплата 3500", 3500],
  ])("%j -> %d", (text, amount) => {
    expect(parseAmount(text)).toEqual({ ok: true, amount });
  });
});

describe("parseAmount: rejections", () => {
  it.each([["-3500"], ["−3500"], ["-$3500"], ["$-3500"], ["минус 3500"]])("%j is negative", (text) => {
    expect(parseAmount(text)).toEqual({ ok: false, error: "negative" });
  });

  it.each([["10 000 001"], ["50000000"], ["11 млн"], ["20000k"], ["1e9"]])("%j is too large", (text) => {
    if (text === "1e9") {
      // exponent notation is not something people type: unrecognised rather than huge
      expect(parseAmount(text)).toEqual({ ok: false, error: "unrecognised" });
      return;
    }
    expect(parseAmount(text)).toEqual({ ok: false, error: "too_large" });
  });

  it.each([
    [""],
    ["abc"],
    ["3000-4000"],
    ["3000 or 4000"],
    ["3000 per week"],
    ["35 00"],
    ["3,50,000"],
    ["12,345,67"],
    ["3.500.50"],
    ["$3500 EUR"],
    ["3500%"],
    ["3500-"],
    ["k3"],
    ["3500 constructor"], // object prototype keys are not currency words
    ["3500 __proto__"],
    ["3 toString"],
    ["1 ".repeat(300)], // very long input is rejected without work
  ])("%j is unrecognised", (text) => {
    expect(parseAmount(text)).toEqual({ ok: false, error: "unrecognised" });
  });
});
