import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { renderAnswer } from "../../../src/bot/faq/renderAnswer.js";
import { FAQ_TOPICS } from "../../../src/rules/index.js";
import { SUPPORTED_LOCALES } from "../../../src/store/index.js";

const i18n = createI18n();

describe.each(SUPPORTED_LOCALES)("FAQ answers in %s", (lng) => {
  it.each(["2026-12-01", "2027-03-15"])("show dates as the language writes them, never as YYYY-MM-DD (on %s)", (today) => {
    for (const topic of FAQ_TOPICS) {
      // Links may hold anything in their address; the text a person reads may not.
      const shown = renderAnswer(topic.id, i18n, lng, today).html.replace(/<[^>]+>/g, " ");
      expect(shown, `${lng} ${topic.id}`).not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/);
    }
  });
});

describe("German percentages", () => {
  it("have a space before the sign", () => {
    const tax = renderAnswer("tax", i18n, "de", "2026-12-01").body;
    expect(tax).toMatch(/10\u00a0%/);
    expect(tax).not.toMatch(/\d%/);
  });
});
