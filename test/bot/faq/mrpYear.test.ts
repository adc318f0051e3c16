/**
 * A fee question naming a year whose MRP is not in the data ("what does B12-1 cost in 2027?") was answered with the
 * tenge of this year and nothing about the year asked (FACTS.md section 7: no KZT amount for 2027 fees). The
 * answer now says which year its tenge is for and that the asked year's amount is not known.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { yearsNamed } from "../../../src/bot/faq/yearsNamed.js";
import { mrpKzt } from "../../../src/rules/index.js";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  h.clock.set("2026-12-04T09:00:00Z");
});
afterEach(() => h.close());
const t = (lng: string) => h.services.i18n.getFixedT(lng);

describe("fees asked for a year whose MRP is not published", () => {
  it.each([
    ["en", "what's the fee for the B12-1 in 2027?"],
    ["ru", "сколько стоит b12-1 в 2027 году в тенге"],
    ["kk", "B12-1 визасы 2027 жылы қанша тұрады"],
    ["de", "Was kostet B12-1 im Jahr 2027?"],
  ])("%s: %s says the tenge shown is for 2026 and the 2027 amount is not known", async (lng, question) => {
    expect(mrpKzt(2027)).toBeUndefined(); // should a 2027 MRP be added to the data, this test is to be revisited
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    const reply = user.lastText();
    expect(reply).toContain("129");
    expect(reply).toContain(t(lng)("faq:ui.mrp_year_unknown", { year: 2027, shown: 2026 }));
  });

  it.each([
    ["en", "what's the fee for the B12-1?"],
    ["en", "what's the fee for the B12-1 in 2026?"],
    ["ru", "какие документы нужны для b12-1 в 2027 году"],
  ])("%s: %s has no such line (no other year, or no fee in the answer)", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).not.toContain(t(lng)("faq:ui.mrp_year_unknown", { year: 2027, shown: 2026 }));
    expect(user.lastText()).not.toContain(t(lng)("faq:ui.mrp_year_unknown", { year: 2026, shown: 2026 }));
  });
});

describe("years named in a question", () => {
  it.each([
    ["в 2027 году", [2027]],
    ["2027 жылы", [2027]],
    ["fees 2027? and 2028, again 2027", [2027, 2028]],
    ["2027-м", [2027]],
    ["3000 USD", []],
    ["12.05.2027", []],
    ["2027-05-12", []],
    ["120270", []],
  ])("%s → %j", (text, years) => {
    expect(yearsNamed(text)).toEqual(years);
  });
});
