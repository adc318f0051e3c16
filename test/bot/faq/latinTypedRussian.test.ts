/**
 * Issue 11: Russian typed in Latin letters. The search examples write some Russian words in Latin ("dlya", "vnzh",
 * "poluchit" in 7 to 22 topics' examples), so such a word was searched as written, matching the topics whose
 * examples are so typed rather than those whose meaning it has; chat spelling writes х as "x" and щ as "sh".
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("Russian typed in Latin letters", () => {
  it.each([
    ["ya testirovshik mozhno li mne b9-1", "b91_who"],
    ["kak dolgo dejstvuet vnzh digital nomad", "permit_length"],
    ["muzh mozhet li poluchit vnzh vmeste so mnoj po b9-1", "b91_family"],
    ["xochu uznat skolko stoit e-viza b9-1", "fee_evisa"],
  ])("is answered directly, with no buttons of other topics: %s", (question, topic) => {
    const result = search.search(question);
    expect(result.confidence).toBe("confident");
    expect(result.topics[0]?.id).toBe(topic);
  });

  it("leaves English words that the topics write as they are", () => {
    expect(search.search("how much is the tax on B12-1 income").topics[0]?.id).toBe("tax");
  });
});
