/**
 * Issue 11: a country named with "the list of countries" is the asker's citizenship, not another country's visa:
 * "Is Nigeria on the list of countries allowed to apply for the Digital Nomad residency?" was out of scope.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("a country and the list of countries", () => {
  it.each([
    "Is Kenya on the list of countries that can apply for the digital nomad residence permit?",
    "Ist Kenia auf der Länderliste für die Digital-Nomad-Aufenthaltserlaubnis?",
    "Кения есть в списке стран, которым можно подать на резидентство цифрового кочевника?",
  ])("asks whether its citizens may apply for B9-1: %s", (question) => {
    const result = search.search(question);
    expect(result.confidence).not.toBe("none");
    expect(result.topics[0]?.id).toBe("b91_citizenship");
  });

  it("does not bring another country's visa into scope", () => {
    expect(search.search("list of documents for the spain digital nomad visa")).toMatchObject({ confidence: "none", none: "out_of_scope" });
  });
});
