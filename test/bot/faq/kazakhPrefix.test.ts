/**
 * Issue 11: a Russian word the Kazakh suffix rules misread ("погода" as "пого" + locative "-да") left a stem no
 * topic holds that then matched every longer term it begins ("поговор…"), so the word counted as explained.
 */
import { describe, expect, it } from "vitest";
import { matchesAsPrefix, processTerm } from "../../../src/bot/faq/search/terms.js";

describe("which short stems match longer terms", () => {
  it("not a stem no topic holds that a Kazakh ending was cut to ('погода' → 'пого')", () => {
    expect(processTerm("погода")).toBe("пого");
    expect(matchesAsPrefix("погода", "пого", false)).toBe(false);
  });

  it("still a Russian stem ('продлить' → 'продл' meets 'продлен…') and a Kazakh stem the topics hold", () => {
    expect(matchesAsPrefix("продлить", processTerm("продлить")!, false)).toBe(true);
    expect(matchesAsPrefix("визасы", processTerm("визасы")!, true)).toBe(true);
  });
});
