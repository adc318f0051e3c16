/**
 * QA defects in the /check income question: "CA$4000" and "A$4,200" were read as US dollars (a wrong "you appear
 * to qualify" for B12-1), "¥450000" was always taken as yuan, and "$2,999.999" was rounded onto the line.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RateTable } from "../../../src/rules/rates/convert.js";
import { createRatesProvider } from "../../../src/rates/provider.js";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-21 in Almaty
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);
const q = (lng: string, id: string) => t(lng)(`check:q.${id}`).split("\n")[0]!;

/** A made-up table, for tests only: 1 CAD = 350 KZT, 1 USD = 500 KZT. */
const FAKE: RateTable = { date: "2026-11-20", origin: "nbk", kztPer: { USD: 500, CAD: 350 } };

const TYPED = {
  en: { country: "Kenya", yes: "yes", no: "no" },
  ru: { country: "Кения", yes: "да", no: "нет" },
  kk: { country: "Кения", yes: "иә", no: "жоқ" },
  de: { country: "Kenia", yes: "ja", no: "nein" },
} as const;

/** Kenya, programming, degree, portfolio, remote income: the next question is the monthly income. */
async function toIncome(user: TestUser, lng: keyof typeof TYPED = "en"): Promise<void> {
  const s = TYPED[lng];
  await user.send("/check");
  await user.send(s.country);
  await user.send(s.no);
  await user.press(t(lng)("check:opt.programming"));
  for (const answer of [s.yes, s.yes, s.yes]) await user.send(answer);
  expect(user.lastText()).toContain(q(lng, "monthly_income"));
}

/** The rest of the check after an income below the line (its months are not asked), and the B12-1 result. */
async function finishBelowLine(user: TestUser): Promise<string> {
  expect(user.lastText()).toContain(q("en", "criminal_record"));
  await user.send("no");
  await user.send("2032-01-31");
  return user.replies().find((r) => r.includes(t("en")("check:program.B12-1")))!;
}

describe("/check income: dollars of other countries", () => {
  it("converts CA$ as Canadian dollars, not US dollars", async () => {
    h.services.rates = createRatesProvider({ fetchDay: async () => FAKE, now: () => h.clock.now() });
    const user = new TestUser(h);
    await toIncome(user);
    await user.send("CA$4000"); // 4000 x 350 / 500 = USD 2,800: below the line
    expect(user.replies().join("\n")).toContain("CAD 4,000 a month ≈ USD 2,800 a month");
    const b121 = await finishBelowLine(user);
    expect(b121).not.toContain(t("en")("check:verdict.eligible"));
    expect(b121).toContain(t("en")("check:reason.income_below_threshold", { income: "USD 3,000" }));
  });

  it("asks for US dollars when no rate is known for A$, C$, NZ$, HK$, S$ or 'kanadische Dollar'", async () => {
    const user = new TestUser(h);
    await toIncome(user);
    for (const [typed, currency] of [
      ["A$4,200 a month", "AUD"],
      ["C$4000", "CAD"],
      ["NZ$6000", "NZD"],
      ["HK$40,000", "HKD"],
      ["S$5000", "SGD"],
      ["4000 kanadische Dollar", "CAD"],
    ] as const) {
      await user.send(typed);
      // From the third unusable answer in a row a note follows the hint: compare the hint only.
      expect(user.lastText().split("\n")[0], typed).toBe(t("en")("check:error.no_rate", { currency }));
    }
  });
});

describe("/check income: ¥ is the yen or the yuan", () => {
  it.each(["en", "ru", "kk", "de"] as const)("asks which one a bare ¥ is (%s), and takes JPY when named", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await toIncome(user, lng);
    await user.send("¥450000");
    expect(user.lastText()).toBe(t(lng)("check:error.ambiguous_currency"));
    await user.send("¥450000 JPY");
    expect(user.lastText()).toBe(t(lng)("check:error.no_rate", { currency: "JPY" }));
  });
});

describe("/check income: an amount just below the line stays below it", () => {
  it("reads $2,999.999 as below USD 3,000, not on the line", async () => {
    const user = new TestUser(h);
    await toIncome(user);
    await user.send("$2,999.999");
    expect(user.replies().join("\n")).toContain(t("en")("check:answered", { answer: "USD 2,999.99 a month" }));
    const b121 = await finishBelowLine(user);
    expect(b121).toContain(t("en")("check:reason.income_below_threshold", { income: "USD 3,000" }));
    expect(b121).not.toContain(t("en")("check:reason.income_at_threshold", { income: "USD 3,000" }).slice(0, 30));
  });

  it("reads USD 35,999.99 a year as below the line per month", async () => {
    const user = new TestUser(h);
    await toIncome(user);
    await user.send("35,999.99 USD a year");
    expect(user.replies().join("\n")).toContain("USD 35,999.99 a year = USD 2,999.99 a month");
    const b121 = await finishBelowLine(user);
    expect(b121).toContain(t("en")("check:reason.income_below_threshold", { income: "USD 3,000" }));
  });
});
