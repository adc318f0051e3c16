/**
 * Issue 11: Kazakh typo correction read other words: "жалдау" (to rent, stem "жалда") as "жылда" (in a year), a
 * vowel of the first syllable changed. A Cyrillic word with another second letter is another word.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { NearestTerms } from "../../../src/bot/faq/search/nearestTerms.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

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

/**
 * Issue 11: a letter replaced by a far one read a real word as another one: "sprich" (speak!) as "sprach-" (Sprache),
 * "вызвать" (to call) as "вырвать" (to tear out, the passport's torn-out pages). Only a neighbouring key or a letter
 * of a like sound is a slip; so is any letter of the word's ending (another form of the same word).
 */
describe("letters a typist slips on", () => {
  it("a far letter in the root makes another word", () => {
    expect(new NearestTerms(["вырва"], () => 1).find("вызва")).toBeUndefined();
    expect(new NearestTerms(["sprach"], () => 1).find("sprich")).toBeUndefined();
  });

  it("of two terms as near, the one reached by a letter of like sound wins over a commoner far one", () => {
    const weight = (t: string) => (t === "sprach" ? 10 : 1);
    expect(new NearestTerms(["sprach", "sprech"], weight).find("sprich")).toBe("sprech");
  });

  it("neighbouring keys, like sounds and other endings are still typos", () => {
    const nearest = new NearestTerms(["statement", "несудимости", "пишет", "elektronnaya"], () => 1);
    expect(nearest.find("sratement")).toBe("statement");
    expect(nearest.find("несудимасти")).toBe("несудимости");
    expect(nearest.find("пишут")).toBe("пишет");
    expect(nearest.find("elektronnuyu")).toBe("elektronnaya");
  });

  it("'вызвать' alone is no question about the passport", () => {
    expect(search.search("вызвать").confidence).toBe("none");
  });
});
