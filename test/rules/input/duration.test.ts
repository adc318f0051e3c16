import { describe, expect, it } from "vitest";
import { parseDuration } from "../../../src/rules/input/duration.js";

/** A fixed "today", so "since March 2025" has one right answer: 20 whole months. */
const today = "2026-11-21";

const DURATIONS: Array<[string, number]> = [
  ["8", 8],
  ["8 months", 8],
  ["a year", 12],
  ["1 year", 12],
  ["about a year", 12],
  ["more than 2 years", 24],
  ["3 years", 36],
  ["half a year", 6],
  ["a year and a half", 18],
  ["1.5 years", 18],
  ["12+", 12],
  ["24+ months", 24],
  ["six months", 6],
  ["полгода", 6],
  ["два года", 24],
  ["полтора года", 18],
  ["больше года", 12],
  ["год с половиной", 18],
  ["уже 3 года", 36],
  ["2 года 3 месяца", 27],
  ["8 месяцев", 8],
  ["жарты жыл", 6],
  ["бір жыл", 12],
  ["2 жыл", 24],
  ["сегіз ай", 8],
  ["seit 2 Jahren", 24],
  ["seit einem Jahr", 12],
  ["ein halbes Jahr", 6],
  ["anderthalb Jahre", 18],
  ["8 Monate", 8],
];

const SINCE: Array<[string, number, string]> = [
  ["since March 2025", 20, "2025-03"],
  ["с марта 2025", 20, "2025-03"],
  ["с марта 2025 года", 20, "2025-03"],
  ["seit März 2025", 20, "2025-03"],
  ["2025 жылдың наурызынан бері", 20, "2025-03"],
  ["since 2024", 23, "2024-12"], // a year alone counts from its last month: the safe lower bound
];

describe("parseDuration", () => {
  it(`has at least 30 durations (${DURATIONS.length + SINCE.length})`, () => expect(DURATIONS.length + SINCE.length).toBeGreaterThanOrEqual(30));

  it.each(DURATIONS)("%j -> %d months", (text, months) => {
    expect(parseDuration(text, { today })).toEqual({ ok: true, months });
  });

  it.each(SINCE)("%j -> %d months, counted to today", (text, months, since) => {
    expect(parseDuration(text, { today })).toEqual({ ok: true, months, since });
  });

  it("counts 'since' to the day it is given, not to the clock", () => {
    expect(parseDuration("since March 2025", { today: "2025-09-30" })).toEqual({ ok: true, months: 6, since: "2025-03" });
  });

  it.each([["since 2027"], ["с декабря 2026"]])("%j starts in the future", (text) => {
    expect(parseDuration(text, { today })).toEqual({ ok: false, error: "future" });
  });

  it.each([[""], ["blah"], ["3 weeks"], ["six and a half"], ["x".repeat(300)]])("%j is unrecognised", (text) => {
    expect(parseDuration(text, { today })).toEqual({ ok: false, error: "unrecognised" });
  });
});
