/**
 * Issue 11: a citizen of Kazakhstan asking about a visa for another country ("виза в россию для граждан казахстана
 * нужна?") was answered with the EAEU citizens' rules: "граждан" and "Казахстан" kept the question in scope as if
 * a foreigner asked about Kazakhstan. The bot's visas are for foreigners; such a question is about the other country.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("a citizen of Kazakhstan going to another country", () => {
  it.each(["виза в россию для граждан казахстана нужна?", "казахстанцам нужна виза в китай?", "do kazakh citizens need a visa to georgia"])(
    "%j is outside what the bot covers",
    (question) => {
      expect(search.search(question)).toMatchObject({ confidence: "none", topics: [], none: "out_of_scope" });
    },
  );

  it("a spouse who is a citizen of Kazakhstan, with no trip abroad, is still a question about family", () => {
    expect(search.search("моя жена гражданка казахстана, может ли она поехать со мной").topics.length).toBeGreaterThan(0);
  });
});
