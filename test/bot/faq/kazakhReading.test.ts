/**
 * Issue 11: Kazakh questions read right by the FAQ search. Each block is one cause of a wrong or unclear
 * Kazakh answer: a word read as a country it only stems like, an origin said with a first-person ending,
 * "we" verb forms, everyday words, and Kazakh typed without Kazakh letters or in Latin letters.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { CountryTerms } from "../../../src/bot/faq/search/countryMarks.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { processTerm, tokenize } from "../../../src/bot/faq/search/terms.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
const countries = new CountryTerms();
/** How the search reads a word: the folded word and its index term. */
const read = (word: string) => {
  const folded = tokenize(word)[0]!;
  return { folded, term: processTerm(folded)! };
};

describe("a word that stems like a country only after a second stemming", () => {
  it.each(["ресімдеу", "ресімдеймін", "бағалайды", "stated"])("%s is not spelled as a country's name", (word) => {
    const { folded, term } = read(word);
    expect(countries.spelledAsName(folded, term)).toBe(false);
  });

  it.each(["Португалияның", "Ресейден", "Үндістаннан", "Indiens"])("%s still is", (word) => {
    const { folded, term } = read(word);
    expect(countries.spelledAsName(folded, term)).toBe(true);
  });

  it("does not make a question about another country's visa ('бағалайды' read as the Bahamas, 'stated' as the US)", () => {
    expect(search.rank("Табысты қалай бағалайды").foreign).toBeUndefined();
    expect(search.search("is the income stated in the contract enough").topics[0]?.id).toBe("income");
  });
});
