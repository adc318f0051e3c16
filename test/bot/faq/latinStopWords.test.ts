/**
 * Issue 11, item 3: Russian typed in Latin letters. Its stop words, spelled as chats spell them ("tolko" without
 * the soft sign, "voobshe" with "sh" for щ, "ya" for я), were searched as rare Latin words that few topics hold,
 * so a question full of them explained too little and got nothing at all.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("Russian stop words typed in Latin letters", () => {
  it.each([
    ["b9-1 voobshe tolko dlya programmistov?", "b91_who"],
    ["zachem voobshe viza esli ya mogu bez vizy zaehat na mesyac", "visa_free"],
  ])("%s is answered with %s", (question, topic) => {
    const result = search.search(question);
    expect(result.confidence === "confident" || result.confidence === "likely").toBe(true);
    expect(result.topics[0]?.id).toBe(topic);
  });
});
