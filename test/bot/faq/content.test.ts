import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { renderAnswer } from "../../../src/bot/faq/renderAnswer.js";
import { SUPPORTED_LOCALES } from "../../../src/store/index.js";

const i18n = createI18n();
const TODAY = "2026-12-01";
const text = (id: string, lng: (typeof SUPPORTED_LOCALES)[number]) => renderAnswer(id, i18n, lng, TODAY).body.replace(/<[^>]+>/g, "");

describe("the tax answer (2026 rules)", () => {
  it.each(SUPPORTED_LOCALES)("in %s states both rates, the threshold, the 183 days in any 12 months and the vital-interests test", (lng) => {
    const body = text("tax", lng);
    expect(body).toMatch(/(?<!\d)10\s?%/);
    expect(body).toMatch(/(?<!\d)15\s?%/);
    expect(body).toMatch(/8[\s,.\u00a0\u202f]?500/);
    expect(body).toMatch(/(?<!\d)183(?!\d)/);
    expect(body).toMatch(/(?<!\d)12(?!\d)/);
    expect(body).toContain(i18n.getFixedT(lng)("faq:item.family_in_kazakhstan"));
  });

  it("in English no longer speaks of a flat rate or a calendar year, and shows the threshold in KZT for 2026", () => {
    const body = text("tax", "en");
    expect(body).not.toMatch(/calendar year|flat/i);
    expect(body).toContain("36,762,500 KZT");
    expect(body).toMatch(/183 calendar days or more/);
  });

  it("has no KZT amount for a year whose MRP is not confirmed", () => {
    expect(renderAnswer("tax", i18n, "en", "2027-03-01").body).not.toMatch(/KZT in 2027/);
  });
});

describe("answers corrected in December 2026", () => {
  it("no English answer speaks of a flat 10% or 'more than 183 days in a calendar year'", async () => {
    const { FAQ_TOPICS } = await import("../../../src/rules/index.js");
    for (const t of FAQ_TOPICS) expect(text(t.id, "en"), t.id).not.toMatch(/flat 10|calendar year|any remote worker/i);
  });

  it.each(SUPPORTED_LOCALES)("in %s, EAEU citizens learn what applies instead of B12-1: 90 days in any 180, a temporary permit for longer", (lng) => {
    const body = text("eaeu", lng);
    expect(body).toMatch(/(?<!\d)90(?!\d)/);
    expect(body).toMatch(/(?<!\d)180(?!\d)/);
    for (const ground of ["work", "study", "family", "business"]) expect(body).toContain(i18n.getFixedT(lng)(`faq:item.${ground}`));
  });

  it("visa-free: Turkey has its own 90-day line, and no count of 30-day countries that includes it", () => {
    const body = text("visa_free", "en");
    expect(body).toMatch(/Turkey: 90 days per entry since August 2025/);
    expect(body).not.toMatch(/\d+ countries\) may stay 30/);
  });

  it("processing times give Astana Hub's total and its parts", () => {
    const body = text("processing_times", "en");
    expect(body).toContain("12–17 business days");
    for (const part of ["up to 2 business days", "up to 5 business days", "5–10 business days"]) expect(body).toContain(part);
  });

  it("the police certificate: country of citizenship or permanent residence, both countries for dual citizens", () => {
    const body = text("police_certificate", "en");
    expect(body).toMatch(/citizenship or of permanent residence/);
    expect(body).toMatch(/dual citizens need one from both countries/);
  });

  it("the photo: the multiple-entry visa photo is given too, with the same millimetre slip", () => {
    expect(text("photo", "en")).toMatch(/multiple-entry visa also needs a photo.*same millimetre slip/s);
  });

  it("B12-1 in the comparison is for remote workers with a steady foreign income over the threshold for the months required", () => {
    expect(text("compare", "en")).toMatch(/remote employees, freelancers and business owners with a steady foreign income over USD 3,000 a month for at least 6 months/);
  });
});
