/**
 * Issue 11: the EAEU citizens' topic held the marker every named nationality sets, so a citizen of any country
 * asking how long one may stay without a visa ("гражданин турции, сколько можно быть в казахстане без визы") was
 * told the EAEU rules, which are not theirs. Now a country outside the EAEU sets the country marker only and a
 * member the EAEU marker only, which the EAEU topic holds.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch, type SearchResult } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** The topic answered directly, if any. */
const answered = (r: SearchResult) => (r.confidence === "confident" || r.confidence === "likely" ? r.topics[0]?.id : undefined);

describe("a nationality outside the EAEU is not answered with the EAEU rules", () => {
  it.each(["гражданин турции, сколько можно быть в казахстане без визы", "турки сколько могут находиться без визы"])("%j", (question) => {
    expect(answered(search.search(question))).not.toBe("eaeu");
  });

  it.each(["Түрік азаматы визасыз қанша күн тұра алады", "I'm a Turkish citizen, how long can I stay without a visa"])(
    "%j gets the visa-free stay",
    (question) => {
      expect(answered(search.search(question))).toBe("visa_free");
    },
  );

  it.each(["я из беларуси, мне нужна b12?", "армянам нужна виза кочевника?", "Ресей азаматы B9-1 ала ала ма"])("%j, an EAEU citizen, still gets the EAEU rules", (question) => {
    expect(answered(search.search(question))).toBe("eaeu");
  });
});
