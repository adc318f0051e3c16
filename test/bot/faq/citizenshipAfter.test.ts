/**
 * Issue 11: "citizenship after the permit" and "подать на гражданство" ask about becoming a citizen, not about the
 * citizenship one applies with; they were offered only "did you mean" with the citizenship lists first.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("citizenship after the residence permit", () => {
  it.each([
    "гражданство после ВНЖ по B9-1 дают?",
    "Через сколько лет можно подать на гражданство, если у меня ВНЖ?",
    "dayut li grazhdanstvo posle vnzh",
  ])("is answered with the citizenship-after-the-permit topic: %s", (question) => {
    const result = search.search(question);
    expect(result.confidence).toBe("confident");
    expect(result.topics[0]?.id).toBe("citizenship_after_permit");
  });
});
