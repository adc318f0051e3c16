/**
 * Issue 11: a close lead is still answered (with "Also about" buttons) when an example of the best topic holds
 * nearly all of the question and no example of the runner-up holds as much; when both have such an example, or
 * the best has none, the buttons stay.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch, THRESHOLDS } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** Two candidates whose lead (score x explained^leadPower, both explaining all) is `lead`. */
const ranking = (lead: number, topShare: number, secondShare: number) => ({
  candidates: [
    { id: "invitation", score: 100 * lead, explained: 1, share: topShare },
    { id: "steps_b121", score: 100, explained: 1, share: secondShare },
  ],
  unnamed: false,
});

describe("a close lead the nearest examples agree with", () => {
  it("is answered directly, the runner-up offered beside it", () => {
    const result = search.search("how do i get the invitation for b12-1");
    expect(result.confidence).toBe("likely");
    expect(result.topics[0]?.id).toBe("invitation");
  });

  it("needs an example of the best topic holding nearly all of the question", () => {
    expect(search.decide(ranking(1.3, 1, 0.5)).confidence).toBe("likely");
    expect(search.decide(ranking(1.3, THRESHOLDS.nearShare - 0.05, 0.5)).confidence).toBe("weak");
  });

  it("tells nothing when the runner-up has an example holding as much", () => {
    expect(search.decide(ranking(1.3, 1, 1)).confidence).toBe("weak");
  });

  it("does not stretch to any lead", () => {
    expect(search.decide(ranking(THRESHOLDS.nearLead - 0.05, 1, 0.3)).confidence).toBe("weak");
  });
});
