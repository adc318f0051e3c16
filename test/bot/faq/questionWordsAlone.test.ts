/**
 * Issue 11: "сколько будет 2+2" kept only "сколько" (the numbers are too short to search), which the fee and time
 * topics hold, and got a confident answer about processing times.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

describe("question words alone", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  it.each(["сколько будет 2+2", "how much is 2+2", "когда?", "wann?"])("%s finds no topic", (question) => {
    expect(search.search(question).confidence).toBe("none");
  });

  it("with a word that asks something they still do ('сколько стоит')", () => {
    expect(search.search("сколько стоит").topics.length).toBeGreaterThan(0);
  });
});
