/**
 * Issue 11: Russian "стоит" was read as "costs" wherever it stood, so "стоит ли подавать на b12" (is it worth
 * applying) was answered with the consular fee, and "что посмотреть в алматы? чарын стоит того?" (is it worth
 * it) with the registration rules. "стоит ли", "стоит того" and "стоит" before an infinitive say "is it worth";
 * with "сколько" before it, or with no verb after it, "стоит" still asks the price.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch, type SearchResult } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** The topic answered directly, if any. */
const answered = (r: SearchResult) => (r.confidence === "confident" || r.confidence === "likely" ? r.topics[0]?.id : undefined);

describe("'стоит' as 'is it worth', not as a price", () => {
  it.each(["стоит ли подавать на b12", "стоит ли вообще подаваться на нео номад", "стоит ли делать e-visa сейчас"])(
    "%j is not answered with a fee",
    (question) => {
      expect(answered(search.search(question)) ?? "").not.toMatch(/^fee_/);
    },
  );

  it.each([
    ["сколько стоит подать на b12", "fee_b121"],
    ["виза b12 стоит дорого?", "fee_b121"],
    ["сколько стоит e-visa b9-1", "fee_evisa"],
  ])("%j still asks the price", (question, topic) => {
    expect(answered(search.search(question))).toBe(topic);
  });
});
