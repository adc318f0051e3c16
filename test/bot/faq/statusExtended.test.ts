import { describe, expect, it, vi } from "vitest";
import type { Fact } from "../../../src/rules/index.js";

// The data once an extension is published: b9_1.pilot_extension flipped to "extended", confirmed.
vi.mock("../../../src/rules/data/load.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../src/rules/data/load.js")>();
  const flip = (fact: Fact): Fact => (fact.id === "b9_1.pilot_extension" ? { ...fact, value: "extended", confidence: "confirmed" } : fact);
  return { ...real, getFact: (id: Parameters<typeof real.getFact>[0]) => flip(real.getFact(id)) };
});

const { createI18n } = await import("../../../src/bot/i18n.js");
const { formatDay } = await import("../../../src/bot/render/dates.js");
const { renderAnswer } = await import("../../../src/bot/faq/renderAnswer.js");
const { SUPPORTED_LOCALES } = await import("../../../src/store/index.js");

describe("the pilot status note once the data confirms an extension", () => {
  const i18n = createI18n();
  it.each(SUPPORTED_LOCALES)("in %s says the pilot was extended, not that no extension was found", (lng) => {
    const t = i18n.getFixedT(lng);
    const a = renderAnswer("steps_b91", i18n, lng, "2026-12-01");
    const end = formatDay("2025-12-31", lng, "long");
    expect(a.note).toBe(t("faq:note.pilot_extended", { end, interpolation: { escapeValue: false } }));
    expect(a.note).not.toBe(t("faq:note.pilot_unconfirmed", { end, year: 2025, interpolation: { escapeValue: false } }));
    expect(a.html.startsWith(a.note)).toBe(true);
  });
});
