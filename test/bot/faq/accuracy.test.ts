import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { evaluateFaq, loadLabelledQuestions, loadSecondSet } from "../../../bench/faqEval.js";

/** Regression guards a little below the figures in bench/README.md (which are below the goals). */
describe("FAQ search on the labelled questions", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  const first = evaluateFaq(search, loadLabelledQuestions());
  const second = evaluateFaq(search, loadSecondSet("held_out"));

  it.each(first.map((f) => [f.lang, f] as const))("first set, %s: top-1 at least 85%, at most 3% wrong direct answers", (_lng, f) => {
    expect(f.onTopic).toBeGreaterThanOrEqual(60);
    expect(f.top1).toBeGreaterThanOrEqual(0.85);
    expect(f.wrongDirect).toBeLessThanOrEqual(0.03);
  });

  it.each(second.map((f) => [f.lang, f] as const))("second set's held-out half, %s: direct+right at least 78%, wrong direct at most 5%, off-topic recognised at least 80%", (_lng, f) => {
    expect(f.onTopic).toBeGreaterThanOrEqual(50);
    expect(f.directRight).toBeGreaterThanOrEqual(0.78);
    expect(f.wrongDirect).toBeLessThanOrEqual(0.05);
    expect(f.offTopicRecognised).toBeGreaterThanOrEqual(0.8);
  });
});
