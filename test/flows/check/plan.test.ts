/**
 * Issue 12: /check understands free answers and ends with a plan. Dialogue tests in four languages: jobs and
 * money in people's words, one answer changed from the outcome (only the questions it affects asked again),
 * other routes with a portal button for an EAEU citizen, the rate and its date when a currency is converted.
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
const LANGS = ["en", "ru", "kk", "de"] as const;
type Lng = (typeof LANGS)[number];

/** A made-up table, for tests only: 1 EUR = 550 KZT, 1 USD = 500 KZT. */
const FAKE: RateTable = { date: "2026-11-20", origin: "nbk", kztPer: { USD: 500, EUR: 550 } };

const TYPED = {
  en: { country: "Kenya", yes: "yes", no: "no", job: "I'm a backend developer", income: "$4,500", months: "a year", passport: "2032-01-31" },
  ru: { country: "Кения", yes: "да", no: "нет", job: "бэкенд-разработчик", income: "4500 долларов", months: "два года", passport: "31.01.2032" },
  kk: { country: "Кения", yes: "иә", no: "жоқ", job: "бағдарламашы", income: "4500$", months: "бір жыл", passport: "31.01.2032" },
  de: { country: "Kenia", yes: "ja", no: "nein", job: "Softwareentwicklerin", income: "4.500 USD", months: "seit 2 Jahren", passport: "31.01.2032" },
} as const;

/** Sent questions since a mark: which questions the bot asked. */
function askedSince(mark: number, lng: Lng): string[] {
  const ids = ["citizenship", "second_citizenship_q", "it_specialty", "has_degree", "has_portfolio", "remote_income", "monthly_income", "income_months", "criminal_record", "passport_expiry"];
  const texts = h.api.calls.slice(mark).filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));
  return ids.filter((id) => texts.some((x) => x.startsWith(q(lng, id))));
}

/** URL buttons the bot sent since a mark. */
function urlsSince(mark: number): string[] {
  return h.api.calls
    .slice(mark)
    .flatMap((c) => ((c.payload.reply_markup as { inline_keyboard?: Array<Array<{ url?: string }>> } | undefined)?.inline_keyboard ?? []).flat())
    .flatMap((b) => (b.url ? [b.url] : []));
}

describe("/check in people's words, ending with a plan", () => {
  it.each(LANGS)("changes one answer from the outcome and asks only what it affects (%s)", async (lng) => {
    const s = TYPED[lng];
    const user = new TestUser(h, { language_code: lng });
    await user.send("/check");
    await user.send(s.country);
    await user.send(s.no);
    await user.send(s.job); // a job title in the person's words, not a button
    expect(user.lastText()).toContain(q(lng, "has_degree"));
    await user.send(s.yes);
    await user.send(s.yes);
    await user.send(s.no); // no remote income: the income questions are skipped
    await user.send(s.no);
    await user.send(s.passport);
    expect(user.lastText()).toContain(t(lng)("check:outcome.your_answers"));
    expect(user.lastText()).toContain(t(lng)("check:summary.remote_income"));

    const mark = h.api.calls.length;
    await user.press(t(lng)("check:btn.change", { question: t(lng)("check:summary.remote_income") }));
    expect(user.lastText()).toContain(q(lng, "remote_income"));
    await user.send(s.yes);
    await user.send(s.income);
    await user.send(s.months);
    // Only the changed question and the two it brings onto the path were asked; the rest were kept.
    expect(askedSince(mark, lng)).toEqual(["remote_income", "monthly_income", "income_months"]);
    const replies = user.replies().join("\n");
    expect(replies).toContain(t(lng)("check:program.B12-1"));
    expect(replies).toContain(t(lng)("check:verdict.eligible_with_invitation"));
    // The path is given step by step, with where each step is done as a URL button.
    expect(replies).toContain(t(lng)("check:outcome.path", { program: "B12-1" }));
    expect(urlsSince(mark)).toContain("https://astanahub.com");
  });

  it.each(LANGS)("offers an EAEU citizen another route and a portal button (%s)", async (lng) => {
    const s = TYPED[lng];
    const user = new TestUser(h, { language_code: lng });
    const mark = h.api.calls.length;
    await user.send("/check");
    await user.send({ en: "Russia", ru: "Россия", kk: "Ресей", de: "Russland" }[lng]);
    await user.send(s.no);
    await user.press(t(lng)("check:opt.none"));
    await user.send(s.no); // no remote income: neither program fits
    const replies = user.replies().join("\n");
    expect(replies).toContain(t(lng)("check:outcome.other_routes"));
    expect(replies).toContain(t(lng)("check:route.eaeu_stay", { country: "X" }).split(" ")[0]!);
    expect(urlsSince(mark)).toContain("https://egov.kz");
  });

  it.each([
    ["en", "data scientist"],
    ["ru", "дата сайентист"],
    ["de", "Data Scientist"],
  ] as const)("asks 'did you mean' when two fields fit a job (%s)", async (lng, job) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/check");
    await user.send(TYPED[lng].country);
    await user.send(TYPED[lng].no);
    await user.send(job);
    expect(user.lastText()).toBe(t(lng)("check:specialty.did_you_mean"));
    expect(user.buttons()).toEqual([t(lng)("check:opt.ai"), t(lng)("check:opt.bigdata"), t(lng)("check:btn.none_of_these")]);
    await user.press(t(lng)("check:opt.ai"));
    expect(user.lastText()).toContain(q(lng, "has_degree"));
  });

  it("says plainly when a job is outside the in-demand IT list", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("Kenya");
    await user.send("no");
    await user.send("I am a teacher");
    expect(user.lastText()).toBe(t("en")("check:specialty.outside"));
    await user.press(t("en")("check:opt.none"));
    expect(user.lastText()).toContain(q("en", "remote_income"));
  });
});

describe("/check converts income at the bank's rate and says which", () => {
  async function toIncome(user: TestUser): Promise<void> {
    await user.send("/check");
    await user.send("Kenya");
    await user.send("no");
    await user.press(t("en")("check:opt.programming"));
    await user.send("yes");
    await user.send("yes");
    await user.send("yes");
  }

  it("shows the rate and its date when a currency was converted, near the line 'it depends on the rate'", async () => {
    h.services.rates = createRatesProvider({ fetchDay: async () => FAKE, now: () => h.clock.now() });
    const user = new TestUser(h);
    await toIncome(user);
    await user.send("€2800"); // 2800 x 550 / 500 = USD 3,080: within 5% of the line
    const said = user.replies().join("\n");
    expect(said).toContain("EUR 2,800 a month ≈ USD 3,080 a month");
    expect(said).toContain("November 20, 2026");
    expect(said).toContain("550 KZT per EUR, 500 KZT per USD");
    await user.send("8 months");
    await user.send("no");
    await user.send("2032-01-31");
    const b121 = user.replies().find((r) => r.includes(t("en")("check:program.B12-1")))!;
    expect(b121).toContain(t("en")("check:verdict.unsure"));
    expect(b121).toContain(t("en")("check:reason.income_depends_on_rate", { income: "USD 3,000" }));
    expect(b121).toContain("November 20, 2026");
  });

  it("falls back to the embedded table when the refresh fails, and says its date", async () => {
    const embedded: RateTable = { date: "2026-11-18", origin: "embedded", kztPer: { USD: 500, EUR: 550 } };
    h.services.rates = createRatesProvider({ fetchDay: async () => Promise.reject(new Error("offline")), embedded: [embedded], now: () => h.clock.now() });
    const user = new TestUser(h);
    await toIncome(user);
    await user.send("4000 EUR");
    expect(user.lastText()).toContain(q("en", "income_months"));
    const said = user.replies().join("\n");
    expect(said).toContain("USD 4,400 a month");
    expect(said).toContain(t("en")("check:income.rate_fallback", { date: "November 18, 2026" }));
  });

  it("says a yearly amount back per month", async () => {
    const user = new TestUser(h);
    await toIncome(user);
    await user.send("50k per year");
    expect(user.replies().join("\n")).toContain("USD 50,000 a year = USD 4,166.66 a month");
  });
});

describe("/check for a dual citizen", () => {
  it("names the citizenship each result used and what the other would give", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("Russia");
    await user.send("yes");
    await user.send("Germany");
    await user.press(t("en")("check:opt.none"));
    await user.send("yes");
    await user.send("4500");
    await user.send("a year");
    await user.send("no");
    await user.send("2032-01-31");
    const b121 = user.replies().find((r) => r.includes(t("en")("check:program.B12-1")))!;
    expect(b121).toContain(t("en")("check:based_on_citizenship", { country: "Germany" }));
    expect(b121).toContain(t("en")("check:dual.other_verdict", { country: "Russia", verdict: t("en")("check:verdict_short.unsure") }));
  });
});
