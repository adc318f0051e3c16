/**
 * Issue 11: a Russian country name in "-ния" took the Kazakh accusative "-ні" off its "-нии" form ("Армении" →
 * "арме", the name "армен"), so "я из Армении", "живу в Германии", "виза в Испании" named no country: an Armenian
 * got no EAEU answer and another country's nomad visa was answered with the income rules.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { CountryTerms } from "../../../src/bot/faq/search/countryMarks.js";
import { FaqSearch, type SearchResult } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { processTerm } from "../../../src/bot/faq/search/terms.js";

const countries = new CountryTerms();
const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** The topic answered directly, if any. */
const answered = (r: SearchResult) => (r.confidence === "confident" || r.confidence === "likely" ? r.topics[0]?.id : undefined);

describe("country names in '-ии'", () => {
  it.each([
    ["армении", "AM"],
    ["германии", "DE"],
    ["испании", "ES"],
    ["британии", "GB"],
  ])("%s names %s", (word, code) => {
    const term = processTerm(word)!;
    expect(countries.spelledAsName(word, term)).toBe(true);
    expect([...countries.codesIn([term])]).toEqual([code]);
  });

  it("an Armenian asking whether a visa is needed gets the EAEU rules", () => {
    expect(answered(search.search("я из армении нужна ли мне виза"))).toBe("eaeu");
  });

  it("Spain's nomad visa is another country's visa", () => {
    expect(search.search("виза цифрового кочевника в испании какой доход")).toMatchObject({ confidence: "none", none: "out_of_scope" });
  });

  it("an asker who is in Germany now still asks about Kazakhstan", () => {
    expect(search.search("где взять этот номер налогоплательщика и цифровую подпись, если я сейчас в германии?").topics[0]?.id).toBe("iin_eds");
  });
});
