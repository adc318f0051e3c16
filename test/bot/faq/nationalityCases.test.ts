/**
 * Issue 11: a Russian nationality noun in "-ец" drops its "е" in every other form ("немец", "немцам", "немцев"),
 * and the country list holds the singular only: "нужна ли немцам виза" named no country and found nothing.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { CountryTerms } from "../../../src/bot/faq/search/countryMarks.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { processTerm } from "../../../src/bot/faq/search/terms.js";

describe("nationalities in any case", () => {
  const countries = new CountryTerms();
  it.each([
    ["немцам", "DE"],
    ["немцев", "DE"],
    ["американцам", "US"],
    ["индийцы", "IN"],
  ])("%s names %s", (word, code) => {
    expect([...countries.codesIn([processTerm(word)])]).toEqual([code]);
  });

  it("'отец', 'конец' name no country", () => {
    expect(countries.codesIn([processTerm("отец"), processTerm("концы")]).size).toBe(0);
  });

  it("a question about Germans' visa is about who may apply", () => {
    const result = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01").search("нужна ли немцам виза");
    expect(result.confidence).not.toBe("none");
    expect(result.topics[0]?.id).toMatch(/citizenship$/);
  });
});
