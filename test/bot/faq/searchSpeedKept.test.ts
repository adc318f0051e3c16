import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

/**
 * The search keeps what it read of each token (its stem, Latin typed for Cyrillic, a typo's term, a compound's
 * parts, whether it is spelled as a country's name), each common term's examples in whole, and each term's
 * results. What a question gets must not depend on which questions came before it: asked in one order, in the
 * other, and again, every question ranks the same (a reading kept under the wrong token fails this).
 */
const questions = [
  "How much is the visa fee?",
  "how much is the vsia fee",
  "what about the extention of B9-1",
  "extention b12-1 documents",
  "skolko stoit viza b9-1",
  "skolko dney zhdat",
  "Brauche ich einen Arbeitsvertrag für das Visum?",
  "Arbeitsvertrag Steuer",
  "I have an Indian passport, can I apply for B12-1?",
  "Я из Индии, можно ли подать на B9-1?",
  "Индии нужна виза?",
  "spain digital nomad visa income",
  "Түркия азаматтығын қалай аламын",
  "несудимасти справка для B12-1",
  "do i need russian or kazakh",
  "bitcoin",
];

describe("what the search keeps from question to question", () => {
  const forward = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  const backward = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

  it("gives each question the same ranking whatever was asked before", () => {
    const first = questions.map((q) => forward.prepare(q));
    const reversed = [...questions].reverse().map((q) => backward.prepare(q)).reverse();
    const again = questions.map((q) => forward.prepare(q));
    questions.forEach((q, i) => {
      expect(reversed[i], q).toEqual(first[i]);
      expect(again[i], q).toEqual(first[i]);
    });
  });
});
