/**
 * Issue 11: chat spellings of stop words ("pls", "wat", "u", "gotta", "lol") weighed as words: some no topic holds
 * (so they counted against every topic's explained share), some a few examples wrote (so they pulled to those).
 * They say no more than "please", "what", "you", "have to", and are stop words like them.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

describe("chat fillers", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  it.each([
    ["pls wat r the fees for b12 lol", "fees for b12"],
    ["gotta show my income for neo nomad? plz", "show my income for neo nomad?"],
  ])("'%s' is answered as '%s'", (chatty, plain) => {
    const answer = search.search(plain);
    expect(answer.confidence).toBe("confident");
    expect(search.search(chatty)).toEqual(answer);
  });
});
