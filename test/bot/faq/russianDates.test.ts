/**
 * Russian answers wrote months as "03.2025" ("обязательна с 01.2024") and doubled the full stop after a date that
 * ends a sentence ("от 6 января 2025 г.."). Months now read as words in the genitive the prepositions take.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { renderAnswer } from "../../../src/bot/faq/renderAnswer.js";
import { FAQ_TOPICS } from "../../../src/rules/index.js";
import { SUPPORTED_LOCALES } from "../../../src/store/index.js";

const i18n = createI18n();

describe("dates in Russian answers", () => {
  it("name the month in words, in the genitive", () => {
    expect(renderAnswer("legal_basis", i18n, "ru", "2026-12-04").body).toContain("с марта 2025 г.");
    expect(renderAnswer("registration", i18n, "ru", "2026-12-04").body).toContain("обязательна с января 2024 г.");
  });

  it.each(SUPPORTED_LOCALES)("in %s, no answer doubles a full stop or writes a month as digits", (lng) => {
    for (const topic of FAQ_TOPICS) {
      const { body } = renderAnswer(topic.id, i18n, lng, "2026-12-04");
      expect(body, topic.id).not.toMatch(/\p{L}\.\.(?!\.)/u);
      expect(body, topic.id).not.toMatch(/(?<![\d.])(0[1-9]|1[0-2])\.20\d\d(?!\d)/);
    }
  });
});
