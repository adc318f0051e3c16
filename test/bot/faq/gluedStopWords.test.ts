/**
 * Issue 11: a stop word was dropped only when bare; glued to the clitic "s" ("wats", "hows", "gibts" for "gibt
 * es") it was searched as a word and weighed against every topic, so "wats the processing time" got nothing.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { processTerm } from "../../../src/bot/faq/search/terms.js";

describe("stop words with a glued 's'", () => {
  it.each(["wats", "hows", "gibts", "fuers", "its"])("%s is a stop word", (word) => {
    expect(processTerm(word)).toBeNull();
  });

  it.each(["fees", "visas", "days", "bills"])("%s is a word", (word) => {
    expect(processTerm(word)).not.toBeNull();
  });

  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  it.each([
    ["wats the processing time", "the processing time"],
    ["wats the fee for b12", "the fee for b12"],
    ["gibts eine Gebühr für B12-1", "eine Gebühr für B12-1"],
    ["gibts Altersgrenzen", "Altersgrenzen"],
  ])("'%s' is answered as '%s'", (glued, plain) => {
    const answer = search.search(plain);
    expect(answer.confidence).toBe("confident");
    expect(search.search(glued)).toEqual(answer);
  });
});
