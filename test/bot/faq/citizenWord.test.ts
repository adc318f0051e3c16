/**
 * Issue 11: with a country named, the word "citizen" was searched as well as the country marker, so the asker's
 * citizenship counted twice and outweighed what was asked: "гражданка украины, сколько стоит b12" and "as an indian
 * citizen how long does b12 take" were answered with who needs an invitation. With a country named, the word says
 * nothing the marker does not; without one ("граждане каких стран…") it is still searched.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch, type SearchResult } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** The topic answered directly, if any. */
const answered = (r: SearchResult) => (r.confidence === "confident" || r.confidence === "likely" ? r.topics[0]?.id : undefined);

describe("a citizen of a named country asking something else", () => {
  it.each([
    ["гражданка украины, сколько стоит b12", "fee_b121"],
    ["сколько ждать ответ по b12 для граждан индии", "processing_times"],
    ["as an indian citizen how long does b12 take", "processing_times"],
    ["Канада азаматымын, b12 қанша күнде дайын болады", "processing_times"],
  ])("%j gets %s", (question, topic) => {
    expect(answered(search.search(question))).toBe(topic);
  });

  it.each([
    ["я гражданин сша, нужно ли мне приглашение на b12", "b121_citizenship"],
    ["граждане индии могут получить е визу кочевника", "b91_citizenship"],
    ["граждане каких стран получают b12 без приглашения", "b121_citizenship"],
  ])("%j, about citizenship, still gets %s", (question, topic) => {
    expect(answered(search.search(question))).toBe(topic);
  });
});
