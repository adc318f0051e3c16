/**
 * Issue 11: a family member's citizenship ("жена гражданка россии, ей нужна отдельная виза если я на b12") set the
 * country and EAEU markers as the asker's, and the answer was the EAEU citizens' rules for a B12-1 holder asking
 * about his wife. A country named right after a relative is the relative's.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { relativesCountries } from "../../../src/bot/faq/search/destinations.js";
import { FaqSearch, type SearchResult } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { tokenize } from "../../../src/bot/faq/search/terms.js";

const countries = new Set(["россии", "russian", "украины", "бразилии"]);
const ofRelatives = (q: string) => [...relativesCountries(tokenize(q), (t) => countries.has(t))];
const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** The topic answered directly, if any. */
const answered = (r: SearchResult) => (r.confidence === "confident" || r.confidence === "likely" ? r.topics[0]?.id : undefined);

describe("a country named as a family member's", () => {
  it.each([
    ["жена гражданка россии", ["россии"]],
    ["my wife is russian", ["russian"]],
  ])("%s", (question, words) => {
    expect(ofRelatives(question)).toEqual(words);
  });

  it.each(["мы с женой из россии", "я из бразилии, жена и двое детей"])("not %s", (question) => {
    expect(ofRelatives(question)).toEqual([]);
  });

  it.each(["жена гражданка россии, ей нужна отдельная виза если я на b12", "my wife is russian, can she come with me on b12"])(
    "%j is not answered with the EAEU citizens' rules",
    (question) => {
      expect(answered(search.search(question))).not.toBe("eaeu");
    },
  );

  it("a family that shares the asker's EAEU citizenship still gets the EAEU rules", () => {
    expect(answered(search.search("мы с женой из россии, нужна ли нам виза"))).toBe("eaeu");
  });
});
