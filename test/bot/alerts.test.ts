import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatValue, renderRuleAlert } from "../../src/bot/alerts/render.js";
import { loadAlerts } from "../../src/bot/alerts/consent.js";
import { sendRuleAlerts } from "../../src/reminders/ruleAlerts.js";
import { countryName, findFact, type Fact, type FactValue } from "../../src/rules/index.js";
import { changedFacts, withConsent, type FactLookup } from "../../src/rules/alerts/index.js";
import { loadOutcome } from "../../src/rules/outcome/index.js";
import type { Locale } from "../../src/store/index.js";
import { parseTelegramHtml, violations } from "../fuzz/telegramRules.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { dropTestDatabases } from "../helpers/pg.js";
import { ENGINE_NAMES } from "../store/engines.js";
import { remoteDeveloperCheck } from "../helpers/checkRuns.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // fake clock: 2026-11-21 09:00 UTC, 14:00 in Almaty
});
afterEach(() => h.close());
afterAll(dropTestDatabases);

const t = (lng: string) => h.services.i18n.getFixedT(lng);
const LANGS: Locale[] = ["en", "ru", "kk", "de"];

/** A German remote developer with a valid passport: B9-1 unsure, B12-1 eligible without an invitation. */
async function remoteDeveloper(user: TestUser, lng: string): Promise<void> {
  h.clock.advance(10_000); // a new fair-use window (20 updates in 10 s): each check takes eleven
  await remoteDeveloperCheck(user, t(lng));
}

/** A Brazilian with no IT specialty and no remote income: neither program fits. */
async function notEligible(user: TestUser, lng: string): Promise<void> {
  h.clock.advance(10_000);
  await user.send("/check");
  await user.send("Brazil");
  await user.send("no");
  await user.press(t(lng)("check:opt.none"));
  await user.send("no");
}

/** Presses yes or no on the alerts question shown after the result (it sits above "Your answers"). */
async function answer(user: TestUser, yes: boolean): Promise<void> {
  const question = h.api.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === user.user.id && JSON.stringify(c.payload.reply_markup ?? "").includes("alrt:on")).at(-1);
  if (!question) throw new Error("the alerts question was not asked");
  await user.pressData(yes ? "alrt:on" : "alrt:off", question.result as never);
}

/** The facts of the running release with one fact's value changed, as a new release would state it. */
function withChanged(id: string, value: FactValue): FactLookup {
  const fact = findFact(id)!;
  const changed: Fact = { ...fact, value };
  return (x) => (x === id ? changed : findFact(x));
}

/** Runs the rule-change check against `harness`'s database and Bot API; returns the alerts sent, by chat. */
async function runCheck(harness: Harness, facts: FactLookup): Promise<Map<number, string>> {
  const mark = harness.api.calls.length;
  const { stores, i18n, clock, logger } = harness.services;
  await sendRuleAlerts({ stores, i18n, clock, logger, api: harness.bot.api, facts, sleep: async () => {} });
  const sent = harness.api.calls.slice(mark).filter((c) => c.method === "sendMessage");
  for (const call of sent) expect(violations(call)).toEqual([]);
  return new Map(sent.map((c) => [Number(c.payload.chat_id), String(c.payload.text)]));
}

describe("asking for consent after a /check result", () => {
  it.each(LANGS)("in %s: asked once after the result; yes watches the outcome's facts, and the check's buttons still work", async (lng) => {
    const user = new TestUser(h, { id: 3100, language_code: lng });
    await remoteDeveloper(user, lng);
    const replies = user.replies();
    expect(replies.at(-3)).toBe(t(lng)("alerts:ask.text"));
    expect(replies.at(-2)).toBe(t(lng)("check:outcome.closing"));
    expect(replies.at(-1)).toContain(t(lng)("check:outcome.your_answers"));
    const question = user.calls().find((c) => c.payload.text === t(lng)("alerts:ask.text"))!;
    expect(JSON.stringify(question.payload.reply_markup)).toBe(JSON.stringify({ inline_keyboard: [[{ text: t(lng)("alerts:ask.yes"), callback_data: "alrt:on" }, { text: t(lng)("alerts:ask.no"), callback_data: "alrt:off" }]] }));
    // Asked is remembered (no consent until yes), so an unanswered question is not asked again.
    expect(await loadAlerts(h.services.stores, user.user.id)).toEqual({ version: 1, consent: false, asked_on: "2026-11-21" });

    await answer(user, true);
    expect(user.lastText()).toBe(t(lng)("alerts:answer.on"));
    const record = await loadAlerts(h.services.stores, user.user.id);
    const outcome = await loadOutcome(h.services.stores, user.user.id);
    expect(record).toMatchObject({ consent: true, asked_on: "2026-11-21", answered_on: "2026-11-21", watched: { outcome_checked_at: "2026-11-21" } });
    expect(record!.watched!.facts.map((f) => f.id).sort()).toEqual([...outcome!.fact_ids].filter((id) => findFact(id)).sort());
    // Ids, fingerprints and the facts' own values: nothing the person typed.
    expect(JSON.stringify(record)).not.toMatch(/2030|4500|4,500|Germany|"citizenship"|"answers"/);

    // Still inside the check: the checklist button on "Your answers" answers.
    const summary = h.api.calls.filter((c) => c.method === "sendMessage" && JSON.stringify(c.payload.reply_markup ?? "").includes("chk:docs:B12-1")).at(-1)!;
    await user.pressData("chk:docs:B12-1", summary.result as never);
    expect(user.lastText()).toContain(t(lng)("check:checklist.title", { program: "B12-1" }));

    // A second check is not followed by the question again.
    await remoteDeveloper(user, lng);
    expect(user.replies()).not.toContain(t(lng)("alerts:ask.text"));
  });

  it.each(LANGS)("in %s: no keeps nothing to watch, is not asked again, and /alerts turns it on later", async (lng) => {
    const user = new TestUser(h, { id: 3200, language_code: lng });
    await remoteDeveloper(user, lng);
    await answer(user, false);
    expect(user.lastText()).toBe(t(lng)("alerts:answer.off"));
    expect(await loadAlerts(h.services.stores, user.user.id)).toEqual({ version: 1, consent: false, asked_on: "2026-11-21", answered_on: "2026-11-21" });

    await notEligible(user, lng);
    expect(user.replies()).not.toContain(t(lng)("alerts:ask.text"));

    h.clock.advance(10_000);
    await user.send("/alerts");
    expect(user.lastText()).toBe(t(lng)("alerts:status.off"));
    await user.press(t(lng)("alerts:button.turn_on"));
    expect(user.lastText()).toBe(t(lng)("alerts:answer.on"));
    const count = (await loadOutcome(h.services.stores, user.user.id))!.fact_ids.filter((id) => findFact(id)).length;
    await user.send("/alerts");
    expect(user.lastText()).toBe(t(lng)("alerts:status.on", { count }));
    await user.press(t(lng)("alerts:button.turn_off"));
    expect((await loadAlerts(h.services.stores, user.user.id))!.consent).toBe(false);
  });

  it("an unanswered question is not asked again after the next result", async () => {
    const user = new TestUser(h, { id: 3250, language_code: "kk" });
    await remoteDeveloper(user, "kk");
    expect(user.replies()).toContain(t("kk")("alerts:ask.text"));
    await notEligible(user, "kk");
    expect(user.replies()).not.toContain(t("kk")("alerts:ask.text"));
    await user.send("/alerts");
    expect(user.lastText()).toBe(t("kk")("alerts:status.off"));
  });

  it("the question's buttons still answer after the check has ended", async () => {
    const user = new TestUser(h, { id: 3300 });
    await remoteDeveloper(user, "en");
    const question = user.calls().filter((c) => c.method === "sendMessage").at(-1)!;
    await user.send("/help"); // leaves the result: the check ends
    await user.pressData("alrt:on", question.result as never);
    expect(user.lastText()).toBe(t("en")("alerts:answer.on"));
    expect((await loadAlerts(h.services.stores, user.user.id))!.watched!.facts.length).toBeGreaterThan(0);
  });

  it("/alerts before any check: on, waiting for a result", async () => {
    const user = new TestUser(h, { id: 3400, language_code: "de" });
    await user.send("/alerts");
    await user.press(t("de")("alerts:button.turn_on"));
    await user.send("/alerts");
    expect(user.lastText()).toBe(t("de")("alerts:status.on_no_outcome"));
    // The next result is watched, and no question follows it.
    await remoteDeveloper(user, "de");
    expect(user.replies()).not.toContain(t("de")("alerts:ask.text"));
    expect((await loadAlerts(h.services.stores, user.user.id))!.watched!.facts.length).toBeGreaterThan(0);
  });

  it("a stored record that is not one is treated as never asked", async () => {
    const user = new TestUser(h, { id: 3500 });
    await h.services.stores.alerts.write(String(user.user.id), { version: 1, consent: "yes please" });
    await remoteDeveloper(user, "en");
    expect(user.replies()).toContain(t("en")("alerts:ask.text"));
  });
});

describe.each(ENGINE_NAMES)("on $engine, a rule changed between two runs of the bot on one database", ({ engine }) => {
  it("alerts exactly the consenting people whose outcome used the fact, once each, in their language", async () => {
    await h.close();
    h = await createHarness({ engine });
    const consenting = LANGS.map((lng, i) => new TestUser(h, { id: 4100 + i, language_code: lng }));
    for (const [i, user] of consenting.entries()) {
      await remoteDeveloper(user, LANGS[i]!);
      await answer(user, true);
    }
    const declined = new TestUser(h, { id: 4200 });
    await remoteDeveloper(declined, "en");
    await answer(declined, false);
    const otherOutcome = new TestUser(h, { id: 4300 });
    await notEligible(otherOutcome, "en");
    await answer(otherOutcome, true);
    const forgotten = new TestUser(h, { id: 4400 });
    await remoteDeveloper(forgotten, "en");
    await answer(forgotten, true);
    await forgotten.send("/forget");
    await forgotten.press(t("en")("forget.erase_button"));

    const fact = "b12_1.fee.consular";
    expect((await loadOutcome(h.services.stores, 4100))!.fact_ids).toContain(fact);
    expect((await loadOutcome(h.services.stores, 4300))!.fact_ids).not.toContain(fact);

    // The same release again: nothing changed, nothing sent.
    h = await h.restart();
    expect((await runCheck(h, findFact)).size).toBe(0);

    // A new release states the consular fee differently.
    h = await h.restart();
    const facts = withChanged(fact, 35);
    const sent = await runCheck(h, facts);
    expect([...sent.keys()].sort()).toEqual(consenting.map((u) => u.user.id));
    for (const [i, lng] of LANGS.entries()) {
      const text = sent.get(4100 + i)!;
      const before = formatValue(30, "MRP", t(lng), lng);
      const after = formatValue(35, "MRP", t(lng), lng);
      expect(text).toContain(t(lng)("alerts:changed.title"));
      expect(text).toContain(t(lng)("alerts:changed.line", { what: t(lng)("faq:topic.fee_b121.title"), before, after, cite: " [1]", interpolation: { escapeValue: false } }));
      expect(text).toContain(t(lng)("alerts:changed.rerun"));
      expect(text).toContain(t(lng)("facts:sources.title"));
    }
    // The alert's button runs /check again.
    const alerted = consenting[0]!;
    alerted.useHarness(h);
    await alerted.press(t("en")("alerts:button.rerun"));
    expect(alerted.replies().some((r) => r.startsWith(t("en")("check:intro").slice(0, 20)))).toBe(true);

    // A third run of the new release: told already, nothing sent.
    h = await h.restart();
    expect((await runCheck(h, facts)).size).toBe(0);
  }, 60_000);

});

describe("rule-change alerts", () => {
  it("a fact the new release no longer has is said as gone; a re-checked date with the same value is no change", async () => {
    const user = new TestUser(h, { id: 4500, language_code: "ru" });
    await remoteDeveloper(user, "ru");
    await answer(user, true);
    h = await h.restart();
    const rechecked: FactLookup = (id) => (id === "b12_1.fee.consular" ? { ...findFact(id)!, checked: "2026-11-30" } : findFact(id));
    expect((await runCheck(h, rechecked)).size).toBe(0);
    const removed: FactLookup = (id) => (id === "b12_1.fee.consular" ? undefined : findFact(id));
    const sent = await runCheck(h, removed);
    expect(sent.get(4500)).toContain(t("ru")("alerts:changed.removed", { what: t("ru")("faq:topic.fee_b121.title"), before: formatValue(30, "MRP", t("ru"), "ru"), interpolation: { escapeValue: false } }));
    expect((await runCheck(h, removed)).size).toBe(0);
  });

  it("waits out the night in the person's time zone, then sends", async () => {
    const user = new TestUser(h, { id: 4600 });
    await remoteDeveloper(user, "en");
    await answer(user, true);
    h.clock.set("2026-11-21T20:00:00Z"); // 01:00 in Almaty
    const facts = withChanged("b12_1.fee.consular", 35);
    const { stores, i18n, clock, logger } = h.services;
    const night = await sendRuleAlerts({ stores, i18n, clock, logger, api: h.bot.api, facts });
    expect(night).toMatchObject({ alerted: 0, deferred: 1 });
    h.clock.set("2026-11-22T05:00:00Z"); // 10:00 in Almaty
    expect((await runCheck(h, facts)).size).toBe(1);
  });

  it("many changes at once still fit one message", async () => {
    const user = new TestUser(h, { id: 4700, language_code: "kk" });
    await remoteDeveloper(user, "kk");
    await answer(user, true);
    // Every watched fact states another value.
    const everything: FactLookup = (id) => {
      const fact = findFact(id);
      return fact && { ...fact, value: typeof fact.value === "number" ? fact.value + 1 : ["changed_value"] };
    };
    const sent = await runCheck(h, everything);
    expect(sent.get(4700)).toContain(t("kk")("alerts:changed.title"));
  });

  it("/mydata shows the alerts record, /forget erases it", async () => {
    const user = new TestUser(h, { id: 4800 });
    await remoteDeveloper(user, "en");
    await answer(user, true);
    const exported = await h.services.stores.personal.export(user.user.id);
    expect(exported.rule_alerts).toMatchObject({ consent: true, watched: { facts: expect.arrayContaining([expect.objectContaining({ id: "b12_1.fee.consular" })]) } });
    await user.send("/forget");
    await user.press(t("en")("forget.erase_button"));
    expect(await h.services.stores.alerts.read(String(user.user.id))).toBeUndefined();
  });
});

describe("the alert's words", () => {
  it.each(LANGS)("in %s: amounts and ranges as was/now, a list as what it gained and lost, ids never shown bare", (lng) => {
    const ids = ["b12_1.fee.consular", "b9_1.time.astana_hub_petition", "b9_1.steps.visa_path", "b9_1.pilot_extension", "portal.egov", "countries.no_invitation_known"];
    const record = withConsent(undefined, true, "2026-11-21", { checked_at: "2026-11-21", fact_ids: ids }, findFact);
    const steps = findFact("b9_1.steps.visa_path")!.value as string[];
    const countries = findFact("countries.no_invitation_known")!.value as string[];
    const facts: FactLookup = (id) => {
      const fact = findFact(id)!;
      if (id === "b9_1.time.astana_hub_petition") return { ...fact, value: { min: 5, max: 15 } };
      if (id === "b9_1.steps.visa_path") return { ...fact, value: steps.slice(1) };
      if (id === "b9_1.pilot_extension") return { ...fact, value: "extended_to_2026" };
      if (id === "countries.no_invitation_known") return { ...fact, value: [...countries.filter((c) => c !== "DE"), "FR"] };
      if (id === "portal.egov") return undefined;
      return fact;
    };
    const changes = changedFacts(record.watched!.facts, facts);
    expect(changes.map((c) => c.id)).toEqual(ids.slice(1));
    const { text } = renderRuleAlert(h.services.i18n, lng, record, changes, "2026-12-01");
    const parsed = parseTelegramHtml(text);
    expect(parsed.ok).toBe(true);
    const tt = t(lng);
    const raw = { interpolation: { escapeValue: false } };
    expect(text).toContain(tt("alerts:changed.line", { what: tt("faq:topic.astana_hub.title"), before: formatValue({ min: 5, max: 10 }, "business_days", tt, lng), after: formatValue({ min: 5, max: 15 }, "business_days", tt, lng), cite: " [1]", ...raw }));
    expect(text).toContain(tt("alerts:changed.dropped", { items: tt("check:step.gather_documents").replace(/\.$/, ""), ...raw }));
    expect(text).toContain(countryName("FR", lng));
    expect(text).toContain(countryName("DE", lng));
    expect(text).toContain(tt("alerts:changed.removed", { what: tt("alerts:kind.portal"), ...raw }));
    expect(text).not.toMatch(/extended_to_2026|not_found|portal\.egov|b9_1\./);
  });
});
