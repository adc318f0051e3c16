/**
 * Issue 11: another country's visa asked for a citizen of a third country ("визу в Турцию для гражданина Индии")
 * was answered with the programs' citizenship rules: the citizenship named read as the asker's origin, which keeps
 * a question in scope. A visa, a foreign destination and no word of Kazakhstan or a program is another country's
 * visa. Country acronyms ("ОАЭ", "США", "UAE") are read as the countries they name.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("a visa into another country", () => {
  it.each([
    "Как получить визу в Турцию для гражданина Индии?",
    "Как получить визу в ОАЭ для гражданина Индии?",
    "как гражданину Египта получить визу в США",
    "visa to Turkey for Indian citizens",
    "Түркияға виза керек пе үнді азаматына",
  ])("%s is out of scope, not a program's citizenship rule", (question) => {
    const result = search.search(question);
    expect(result.topics).toEqual([]);
    expect(result.none).toBe("out_of_scope");
  });

  it.each([
    ["я гражданин Индии, нужна ли виза в Казахстан", "visa_free"],
    ["я из США, могу ли получить b12", "b121_citizenship"],
    ["I'm from the UAE, can I apply for B12-1?", "b121_citizenship"],
  ])("%s stays a question about Kazakhstan", (question, topic) => {
    expect(search.search(question).topics[0]?.id).toBe(topic);
  });
});
