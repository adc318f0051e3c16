/**
 * Issue 11: another kind of Kazakh visa ("как продлить туристическую визу", "how to extend a tourist visa") was
 * answered with both programs' extension rules, as "visa" and "extend" are their words too. The sources say nothing
 * of tourist, student, business or transit visas: with neither program named, such a question is not covered.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("another kind of visa than the programs", () => {
  it.each([
    "как продлить туристическую визу в казахстане",
    "сколько стоит туристическая виза в казахстан",
    "how to extend a tourist visa in kazakhstan",
    "туристік визаны ұзартуға бола ма",
  ])("%j is not covered", (question) => {
    expect(search.search(question)).toMatchObject({ confidence: "none", topics: [], none: "not_covered" });
  });

  it("switching from a tourist visa to a program is still about the programs", () => {
    expect(search.search("можно ли поменять туристическую визу на b12 внутри страны").topics.length).toBeGreaterThan(0);
  });
});
