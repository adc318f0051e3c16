import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OUTCOME_RECORD_VERSION, type OutcomeRecord } from "../../src/rules/outcome/index.js";
import { SUPPORTED_LOCALES, type Locale } from "../../src/store/index.js";
import { formatNumber } from "../../src/bot/render/facts.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { violations } from "../fuzz/telegramRules.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // fake clock: 2026-11-21 in Almaty
});
afterEach(() => h.close());

const t = (lng: Locale) => h.services.i18n.getFixedT(lng);
const kzt = (lng: Locale, n: number) => t(lng)("facts:units.KZT", { value: formatNumber(n, lng) });
const money = (lng: Locale, currency: string, n: number) => t(lng)("check:money", { currency, value: formatNumber(n, lng) });

function record(route: OutcomeRecord["programs"][number]["route"], currency?: string): OutcomeRecord {
  return {
    version: OUTCOME_RECORD_VERSION,
    checked_at: "2026-11-20",
    programs: [{ program: route.startsWith("b9_1") ? "B9-1" : "B12-1", verdict: "eligible", route, reasons: [], fact_ids: [] }],
    ...(currency ? { currency } : {}),
    fact_ids: [],
  };
}

async function person(lng: Locale, outcome?: OutcomeRecord): Promise<TestUser> {
  const user = new TestUser(h, { language_code: lng });
  if (outcome) await h.services.stores.outcomes.write(String(user.user.id), outcome);
  return user;
}

describe("/fees", () => {
  it.each(SUPPORTED_LOCALES)("%s: every fee of the e-visa path, the total, the MRP year, and no conversion without an official rate", async (lng) => {
    const user = await person(lng, record("b9_1.evisa", "EUR"));
    await user.send("/fees");
    const text = user.lastText();
    expect(text).toContain(t(lng)("check:label.b9_1.fee.evisa"));
    expect(text).toContain(t(lng)("check:label.b9_1.fee.multiple_entry"));
    expect(text).toContain(t(lng)("check:label.b9_1.fee.residence_state_duty"));
    expect(text).toContain(t(lng)("check:value.amount_not_stated"));
    // 30 MRP at the 2026 MRP of 4,325 KZT, plus the e-visa's USD 80; the state duty has no amount.
    expect(text).toContain(t(lng)("fees:total", { total: `${kzt(lng, 129750)} + ${money(lng, "USD", 80)}` }));
    expect(text).toContain(t(lng)("fees:mrp_year", { year: 2026, mrp: kzt(lng, 4325) }));
    expect(text).toContain(t(lng)("fees:not_counted", { count: 1 }));
    // The embedded rate table is empty and no provider is injected: say so, never a made-up rate.
    expect(text).toContain(t(lng)("fees:cannot_convert.no_table", { currency: "EUR" }));
    expect(user.calls().flatMap(violations)).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)("%s: with an official rate, the approximate total in the person's currency and the rate's date", async (lng) => {
    h.services.rates = { current: async () => ({ date: "2026-11-20", origin: "nbk", kztPer: { USD: 500, EUR: 550 } }) };
    const user = await person(lng, record("b9_1.evisa", "EUR"));
    await user.send("/fees");
    // (129,750 KZT + USD 80 × 500) / 550 = EUR 308.64
    expect(user.lastText()).toContain(money(lng, "EUR", 308.64));
    expect(user.lastText()).toContain(t(lng)("fees:rate", { date: new Intl.DateTimeFormat(lng === "kk" ? "kk-KZ" : lng, { dateStyle: "long", timeZone: "UTC" }).format(new Date("2026-11-20T00:00:00Z")) }));
  });

  it.each(SUPPORTED_LOCALES)("%s: without an outcome it offers the routes; B12-1's fee in tenge", async (lng) => {
    const user = await person(lng);
    await user.send("/fees");
    expect(user.lastText()).toBe(t(lng)("fees:choose_route"));
    await user.press(t(lng)("documents:route.b12_1.invitation"));
    const text = user.lastText();
    expect(text).toContain(t(lng)("check:label.b12_1.fee.consular"));
    expect(text).toContain(t(lng)("fees:total", { total: kzt(lng, 129750) }));
    expect(text).toContain(t(lng)("fees:currency_unknown"));
    expect(user.calls().flatMap(violations)).toEqual([]);
  });

  it("in a year whose MRP is not in the data, fees stay in MRP and no tenge amount is made up", async () => {
    h.clock.set("2027-02-01T09:00:00Z");
    const user = await person("en", record("b12_1.no_invitation"));
    await user.send("/fees");
    const text = user.lastText();
    expect(text).toContain(t("en")("fees:no_mrp_year", { year: 2027 }));
    expect(text).toContain(t("en")("fees:mrp_missing", { year: 2027 }));
    expect(text).not.toMatch(/129,750|KZT/);
    // USD is the currency of a person who typed dollars: the MRP part cannot be converted either.
    expect(text).toContain(t("en")("fees:cannot_convert.no_mrp", { currency: "USD", year: 2027 }));
  });

  it("two routes in the outcome: the choice is between those two; stale buttons get a short answer", async () => {
    const user = await person("en", {
      ...record("b9_1.residence"),
      programs: [...record("b9_1.residence").programs, ...record("b12_1.no_invitation").programs],
    });
    await user.send("/fees");
    expect(user.lastText()).toBe(t("en")("fees:choose_route_outcome"));
    expect(user.buttons()).toEqual([t("en")("documents:route.b9_1.residence"), t("en")("documents:route.b12_1.no_invitation")]);
    const sent = [...h.api.calls].reverse().find((c) => c.method === "sendMessage")!;
    const message = h.api.message(user.user.id, (sent.result as { message_id: number }).message_id);
    for (const data of ["fee:r:zz", "fee:x", "fee:r:b9r:1"]) {
      await user.pressData(data, message);
      expect(user.notices()).toEqual([t("en")("fees:stale")]);
    }
  });

  it("a stored outcome that does not fit the schema is treated as none", async () => {
    const user = await person("en");
    await h.services.stores.outcomes.write(String(user.user.id), { version: 1, programs: "lots" });
    await user.send("/fees");
    expect(user.lastText()).toBe(t("en")("fees:choose_route"));
  });
});
