/**
 * Issue 11: German feminine agent nouns ("Programmiererin", "Freiberuflerin") did not meet the masculine ones the
 * search data writes: the Snowball stemmer leaves "-in" on.
 */
import { describe, expect, it } from "vitest";
import { processTerm } from "../../../src/bot/faq/search/terms.js";

describe("German feminine forms", () => {
  it.each([
    ["programmiererin", "programmierer"],
    ["freiberuflerin", "freiberufler"],
    ["entwicklerinnen", "entwickler"],
  ])("%s meets %s", (feminine, masculine) => {
    expect(processTerm(feminine)).toBe(processTerm(masculine));
  });

  it("leaves other words ending in -in alone", () => {
    expect(processTerm("termin")).toBe("termin");
    expect(processTerm("berlin")).toBe("berlin");
  });
});
