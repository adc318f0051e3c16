/**
 * Issue 11: "learn" or "speak" set the language marker without any language named, so "I want to learn
 * programming" was answered, confidently, with the language requirements.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

describe("speaking and learning", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  it("without a language named are no confident language question", () => {
    const result = search.search("I want to learn programming");
    expect(result.confidence === "confident" && result.topics[0]?.id === "language").toBe(false);
  });

  it.each(["do I need to speak Kazakh for b12", "мне нужно говорить по-русски?"])("with one named are: %s", (question) => {
    const result = search.search(question);
    expect(result.confidence).toBe("confident");
    expect(result.topics[0]?.id).toBe("language");
  });
});
