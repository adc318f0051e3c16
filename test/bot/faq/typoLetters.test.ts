/**
 * Issue 11: Kazakh typo correction read other words: "жалдау" (to rent, stem "жалда") as "жылда" (in a year), a
 * vowel of the first syllable changed. A Cyrillic word with another second letter is another word.
 */
import { describe, expect, it } from "vitest";
import { NearestTerms } from "../../../src/bot/faq/search/nearestTerms.js";

describe("typos of Cyrillic words", () => {
  const nearest = new NearestTerms(["жылда", "документ", "кырык"], () => 1);
  it("another second letter is another word", () => {
    expect(nearest.find("жалда")).toBeUndefined();
    expect(nearest.find("корык")).toBeUndefined();
  });

  it("a typo further in is still one", () => {
    expect(nearest.find("докумнет")).toBe("документ");
    expect(nearest.find("жылдв")).toBe("жылда");
  });

  it("Latin words keep their typos of the second letter ('sratement' → 'statement')", () => {
    expect(new NearestTerms(["statement"], () => 1).find("sratement")).toBe("statement");
  });
});
