/**
 * Issue 11: a country a trip starts from ("из России на поезде", "Ресейден поезбен келсем") set the country and EAEU
 * markers as if the asker were its citizen: "e-visa алдым, Ресейден поезбен келсем бола ма" (I have the e-visa, may I
 * come from Russia by train) was answered with the EAEU citizens' rules, and "можно ли по е-визе приехать из россии
 * на поезде" with nothing. With a means of travel named, "from <country>" is the route; "я из России" stays the asker.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { travelOrigins } from "../../../src/bot/faq/search/destinations.js";
import { FaqSearch, type SearchResult } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { tokenize } from "../../../src/bot/faq/search/terms.js";

const places = new Set(["россии", "ресейден", "russia", "кыргызстаннан", "германии"]);
const origins = (q: string) => [...travelOrigins(tokenize(q), (t) => places.has(t))];
const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** The topic answered directly, if any. */
const answered = (r: SearchResult) => (r.confidence === "confident" || r.confidence === "likely" ? r.topics[0]?.id : undefined);

describe("countries a trip starts from", () => {
  it.each([
    ["из России на поезде", ["россии"]],
    ["Ресейден поезбен келсем", ["ресейден"]],
    ["by train from Russia", ["russia"]],
    ["из германии на машине", ["германии"]],
  ])("%s", (question, words) => {
    expect(origins(question)).toEqual(words);
  });

  it.each(["я из России, можно на поезде", "I'm from Russia, can I come by train", "из России можно подать?", "машину из германии можно ввезти"])("not %s", (question) => {
    expect(origins(question)).toEqual([]);
  });

  it.each(["e-visa алдым, Ресейден поезбен келсем бола ма", "можно ли по е-визе приехать из россии на поезде", "can I come by train from Russia with the e-visa"])(
    "%j gets the entry points of the e-visa",
    (question) => {
      expect(answered(search.search(question))).toBe("entry_airports");
    },
  );

  it("a citizen of Russia coming by train still gets the EAEU rules", () => {
    expect(answered(search.search("I'm from Russia, can I come by train"))).toBe("eaeu");
  });
});
