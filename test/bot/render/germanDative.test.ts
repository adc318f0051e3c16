/**
 * German texts said "binnen 3 Arbeitstage", "nach 183 Kalendertage", "seit mindestens 6 Monate": after these
 * prepositions the unit takes the dative plural. The texts ask for it with `{{…, dative}}`.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { renderAnswer } from "../../../src/bot/faq/renderAnswer.js";
import { germanDative } from "../../../src/bot/render/germanDative.js";
import { FAQ_TOPICS } from "../../../src/rules/index.js";

const i18n = createI18n();

describe("the German dative of rendered units", () => {
  it.each([
    ["3 Arbeitstage", "3 Arbeitstagen"],
    ["30 Kalendertage", "30 Kalendertagen"],
    ["12 Monate", "12 Monaten"],
    ["10 Jahre", "10 Jahren"],
    ["180 Tage", "180 Tagen"],
    ["1 Arbeitstag", "1 Arbeitstag"],
    ["USD 3.000", "USD 3.000"],
  ])("%s → %s", (value, dative) => {
    expect(germanDative(value, "de")).toBe(dative);
  });

  it("changes nothing in other languages", () => {
    expect(germanDative("Tage", "en")).toBe("Tage");
  });

  it("is what German answers say after binnen, innerhalb von, nach, seit", () => {
    const all = FAQ_TOPICS.map((topic) => renderAnswer(topic.id, i18n, "de", "2026-12-04").body).join("\n");
    expect(all).toContain("binnen 3 Arbeitstagen");
    expect(all).toContain("nach 183 Kalendertagen");
    expect(all).toContain("seit mindestens 6 Monaten");
    expect(all).not.toMatch(/(binnen|innerhalb von|nach|seit mindestens) [\d.]+ (Kalendertage|Arbeitstage|Tage|Monate|Jahre)(?!\p{L})/u);
    // The facts behind a formatted variable are still cited.
    expect(renderAnswer("eaeu", i18n, "de", "2026-12-04").html).toMatch(/Quellen/);
  });

  it("also in the /check texts (a plain variable with the format)", () => {
    const t = i18n.getFixedT("de");
    expect(t("check:outcome_eaeu_stay_test", { defaultValue: "binnen {{n, dative}}", n: "3 Arbeitstage" })).toBe("binnen 3 Arbeitstagen");
  });
});
