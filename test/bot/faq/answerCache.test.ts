import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { answerCache } from "../../../src/bot/faq/answerCache.js";
import { renderAnswer } from "../../../src/bot/faq/renderAnswer.js";
import { FAQ_TOPICS } from "../../../src/rules/index.js";

describe("rendered FAQ answers are kept only while they cannot change", () => {
  it("gives every topic in every language exactly the answer rendering gives, on different days", () => {
    const i18n = createI18n();
    const cache = answerCache(i18n);
    for (const today of ["2026-06-30", "2026-07-01", "2027-01-02"]) {
      for (const lng of ["en", "ru", "kk", "de"] as const) {
        for (const topic of FAQ_TOPICS) expect(cache.answer(topic.id, lng, today).html).toBe(renderAnswer(topic.id, i18n, lng, today).html);
      }
    }
  });

  it("renders anew when the day changes the answer (the MRP year, the pilot note)", () => {
    const i18n = createI18n();
    const cache = answerCache(i18n);
    const changed = FAQ_TOPICS.filter((t) => renderAnswer(t.id, i18n, "en", "2026-12-01").html !== renderAnswer(t.id, i18n, "en", "2027-01-05").html);
    expect(changed.length).toBeGreaterThan(0);
    for (const t of changed) {
      const before = cache.answer(t.id, "en", "2026-12-01").html;
      expect(cache.answer(t.id, "en", "2027-01-05").html).not.toBe(before);
    }
  });

  it("shows a text changed in the resources at once, and never mixes two i18n instances", () => {
    const i18n = createI18n();
    const other = createI18n();
    const cache = answerCache(i18n);
    const first = cache.answer("pets", "en", "2026-12-01").html;
    i18n.addResource("en", "faq", "topic.pets.title", "Travelling with animals");
    const after = cache.answer("pets", "en", "2026-12-01").html;
    expect(after).not.toBe(first);
    expect(after).toContain("Travelling with animals");
    expect(answerCache(other).answer("pets", "en", "2026-12-01").html).toBe(first);
  });
});
