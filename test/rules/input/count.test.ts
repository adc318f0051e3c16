import { describe, expect, it } from "vitest";
import { parseCount } from "../../../src/rules/input/index.js";

describe("parseCount", () => {
  it.each([
    ["6", 6],
    [" 6 ", 6],
    ["0", 0],
    ["600", 600],
    ["6 months", 6],
    ["1 month", 1],
    ["6 мес", 6],
    ["6 мес.", 6],
    ["6 месяцев", 6],
    ["6мес", 6],
    ["6 ай", 6],
    ["6 Monate", 6],
    ["12 Monaten", 12],
    ["six", 6],
    ["Six months", 6],
    ["twelve", 12],
    ["zero", 0],
    ["шесть", 6],
    ["шесть месяцев", 6],
    ["один", 1],
    ["двенадцать", 12],
    ["алты", 6],
    ["алты ай", 6],
    ["үш", 3],
    ["уш", 3],
    ["он екі", 12],
    ["он бір ай", 11],
    ["он", 10],
    ["sechs", 6],
    ["sechs Monate", 6],
    ["fünf", 5],
    ["zwölf", 12],
    ["einen Monat", 1],
    ["6.0", 6],
  ])("%j -> %d", (text, value) => {
    expect(parseCount(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["-3", "negative"],
    ["- 3 months", "negative"],
    ["6.5", "not_integer"],
    ["2,5", "not_integer"],
    ["601", "too_large"],
    ["1000", "too_large"],
    ["1,000", "too_large"],
    ["", "unrecognised"],
    ["many", "unrecognised"],
    ["6 years", "unrecognised"],
    ["six seven", "unrecognised"],
    ["6 7", "unrecognised"],
    ["more than a year", "unrecognised"],
    ["thirteen", "unrecognised"],
    ["constructor", "unrecognised"], // object prototype keys are not number words
    ["toString", "unrecognised"],
    ["__proto__", "unrecognised"],
  ])("%j -> %s", (text, error) => {
    expect(parseCount(text)).toEqual({ ok: false, error });
  });
});
