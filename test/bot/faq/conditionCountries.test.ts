/**
 * Issue 11: a country named in a condition after the question ("как быстро дают b12 если я из канады") set the
 * country marker as the asker's citizenship, which outweighed what was asked: the answer was who needs an
 * invitation, not how long B12-1 takes. After a question word, "если / if …" names a circumstance of the question.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { conditionCountries } from "../../../src/bot/faq/search/destinations.js";
import { FaqSearch, type SearchResult } from "../../../src/bot/faq/search/index.js";
import { isQuestionWord } from "../../../src/bot/faq/search/questionPhrases.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { tokenize } from "../../../src/bot/faq/search/terms.js";

const countries = new Set(["канады", "india", "индии"]);
const inCondition = (q: string) => [...conditionCountries(tokenize(q), (t) => countries.has(t), isQuestionWord)];
const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** The topic answered directly, if any. */
const answered = (r: SearchResult) => (r.confidence === "confident" || r.confidence === "likely" ? r.topics[0]?.id : undefined);

describe("a country in a condition after the question", () => {
  it.each([
    ["как быстро дают b12 если я из канады", ["канады"]],
    ["how much is b12 if I am from India", ["india"]],
  ])("%s", (question, words) => {
    expect(inCondition(question)).toEqual(words);
  });

  it.each(["если я из индии, нужно ли приглашение", "я из канады, как быстро дают b12"])("not %s", (question) => {
    expect(inCondition(question)).toEqual([]);
  });

  it.each(["как быстро дают b12 если я из канады", "как быстро дают b12 если я гражданин канады", "how much is b12 if I am from India"])(
    "%j is not answered with who needs an invitation",
    (question) => {
      expect(answered(search.search(question))).not.toBe("b121_citizenship");
    },
  );

  it("a condition before the question is still the asker's citizenship", () => {
    expect(answered(search.search("если я из индии, нужно ли приглашение на b12"))).toBe("b121_citizenship");
  });
});
