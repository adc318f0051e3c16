/**
 * Issue 11: a trip to a neighbouring country ("съездить в Кыргызстан") set the country and EAEU markers, as if the
 * asker were a citizen of it, and landed on the EAEU citizens' topic.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { destinationWords } from "../../../src/bot/faq/search/destinations.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { tokenize } from "../../../src/bot/faq/search/terms.js";

const places = new Set(["kyrgyzstan", "кыргызстан", "германию", "германии", "кыргызстанга", "usbekistan"]);
const destinations = (q: string) => [...destinationWords(tokenize(q), (t) => places.has(t))];

describe("countries named as where the asker goes", () => {
  it.each([
    ["can I travel to Kyrgyzstan and come back", ["kyrgyzstan"]],
    ["съездить в Кыргызстан", ["кыргызстан"]],
    ["поехать в Германию", ["германию"]],
    ["Қырғызстанға барсам", ["кыргызстанга"]],
    ["Reise nach Usbekistan", ["usbekistan"]],
  ])("%s", (question, words) => {
    expect(destinations(question)).toEqual(words);
  });

  it.each(["I'm from Kyrgyzstan", "я живу в Германии", "Kyrgyzstan citizen"])("not %s", (question) => {
    expect(destinations(question)).toEqual([]);
  });

  it("a trip to Kyrgyzstan on the B12-1 visa is not about EAEU citizens, a citizen of Kyrgyzstan is", () => {
    const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
    const trip = search.search("можно ли съездить в Кыргызстан с визой b12 и вернуться");
    expect(trip.confidence === "confident" || trip.confidence === "likely" ? trip.topics[0]?.id : undefined).not.toBe("eaeu");
    expect(search.search("I'm from Kyrgyzstan, do I need the b12 visa").topics[0]?.id).toBe("eaeu");
  });
});
