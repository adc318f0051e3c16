/**
 * Issue 11: Kazakh questions about what something costs ("қанша тұрады", "құны", "бағасы") read as other words.
 * "тұрады" (it costs / it stands) was cut to "тұра", which begins "тұрақты" (permanent) and "тұра аламын"
 * (I can stay), so "how much does it cost" read as a question about the length of a residence permit.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { kazakhStem } from "../../../src/bot/faq/search/kazakhStem.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { tokenize } from "../../../src/bot/faq/search/terms.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
const stem = (word: string) => kazakhStem(tokenize(word)[0]!);

describe("a verb ending on a short root is not cut inside the ending", () => {
  it("'тұрады' (тұр + -ады) keeps its ending rather than losing '-ды' and beginning 'тұрақты'", () => {
    expect(stem("тұрады")).not.toBe(stem("тұра"));
    expect("туракты".startsWith(stem("тұрады"))).toBe(false);
  });

  it("longer roots still lose their endings", () => {
    expect(stem("қарайды")).toBe(stem("қарау"));
    expect(stem("құжаттарды")).toBe(stem("құжат"));
  });

  it("'Ықтиярхат қанша тұрады' (what does the permit cost) asks for a fee, not how long the permit lasts", () => {
    expect(search.search("Ықтиярхат қанша тұрады").topics[0]?.id).toMatch(/^fee_/);
  });
});

/**
 * "құны" (its cost) folds to "куны", whose term "кун" is the term of "күн" (day): the fold writes ұ and ү alike.
 * Written with its Kazakh letters, it is read as "бағасы" (its price), which no word for a day shares.
 */
describe("'құн' (cost) is not 'күн' (day)", () => {
  it.each([
    ["B12-1 құны қанша", "fee_b121"],
    ["Визаның құны қанша", "fee_evisa"],
  ])("%j asks for the fee (%s), not the processing time", (question, topic) => {
    expect(search.search(question).topics[0]?.id).toBe(topic);
  });

  it("days are still days, and 'құнды' (valuable) is another word", () => {
    expect(search.search("қанша күнде береді").topics[0]?.id).toBe("processing_times");
    expect(tokenize("құнды")).toEqual(["кунды"]);
  });
});
