import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { evaluateFaq, loadLabelledQuestions } from "../../../bench/faqEval.js";

describe("FAQ search on the labelled questions (regression guard for the figures in the README)", () => {
  const figures = evaluateFaq(new FaqSearch(createI18n(), loadSearchData(), "2026-12-01"), loadLabelledQuestions());
  it.each(figures.map((f) => [f.lang, f] as const))("%s: top-1 accuracy at least 90%, at most 5% wrong confident answers", (_lng, f) => {
    expect(f.onTopic).toBeGreaterThanOrEqual(60);
    expect(f.top1).toBeGreaterThanOrEqual(0.9);
    expect(f.wrongConfident).toBeLessThanOrEqual(0.05);
  });
});
