/**
 * Issue 11: a city no topic holds ("aus Hamburg", "in Leipzig") weighed as an unknown word, the most a word can,
 * and a question about taxes or the programs that named one found nothing.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { placeNames } from "../../../src/bot/faq/search/destinations.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { tokenize } from "../../../src/bot/faq/search/terms.js";

describe("places named by a preposition", () => {
  it("a capitalized word after 'in', 'from', 'aus', 'nach' is a place; a lower-case one is not", () => {
    expect([...placeNames(tokenize("I live in Lagos, paid from Hamburg"), new Set(["i", "lagos", "hamburg"]))]).toEqual(["lagos", "hamburg"]);
    expect([...placeNames(tokenize("soll ich in ethereum investieren"), new Set(["soll"]))]).toEqual([]);
  });

  it("a question naming a city it does not know still finds its topic", () => {
    const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
    const result = search.search("Ich arbeite für eine Firma aus Wuppertal. Muss ich in Kasachstan Steuern zahlen?");
    expect(result.confidence).not.toBe("none");
    expect(result.topics[0]?.id).toBe("tax");
  });
});
