import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SentFile } from "../../src/local/botApiEmulator.js";
import { checklistItems } from "../../src/rules/documents/index.js";
import { OUTCOME_RECORD_VERSION, type OutcomeRecord } from "../../src/rules/outcome/index.js";
import { SUPPORTED_LOCALES, type Locale } from "../../src/store/index.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { violations } from "../fuzz/telegramRules.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // fake clock: 2026-11-21 in Almaty
});
afterEach(() => h.close());

const t = (lng: Locale) => h.services.i18n.getFixedT(lng);

/** The record /check leaves for a person whose one fitting route is `route`. */
function outcome(route: OutcomeRecord["programs"][number]["route"]): OutcomeRecord {
  const program = route.startsWith("b9_1") ? "B9-1" : "B12-1";
  return {
    version: OUTCOME_RECORD_VERSION,
    checked_at: "2026-11-20",
    programs: [{ program, verdict: "eligible", route, reasons: [], fact_ids: [] }],
    citizenship: "DE",
    fact_ids: [],
  };
}

async function personWith(route: OutcomeRecord["programs"][number]["route"] | undefined, lng: Locale): Promise<TestUser> {
  const user = new TestUser(h, { language_code: lng });
  if (route) await h.services.stores.outcomes.write(String(user.user.id), outcome(route));
  return user;
}

/** The bot's latest message to the person, as a button press carries it. */
function lastMessage(user: TestUser) {
  const sent = [...h.api.calls].reverse().find((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === user.user.id)!;
  return h.api.message(user.user.id, (sent.result as { message_id: number }).message_id);
}

/** Telegram's limits and valid HTML: every text the bot sent or edited. */
function expectSendable(user: TestUser): void {
  expect(user.calls().flatMap(violations)).toEqual([]);
  for (const text of user.replies()) {
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).not.toMatch(/\{\{|undefined|NaN|\[object/);
  }
  for (const c of user.calls()) {
    const rows = (c.payload.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)?.inline_keyboard ?? [];
    for (const b of rows.flat()) if (b.callback_data) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  }
}

describe("/documents", () => {
  it.each(SUPPORTED_LOCALES)("%s: the checklist of the stored route, ticking shows the progress in words", async (lng) => {
    const user = await personWith("b12_1.no_invitation", lng);
    await user.send("/documents");
    const total = checklistItems("b12_1.no_invitation").length;
    expect(user.lastText()).toContain(t(lng)("documents:title", { route: t(lng)("documents:route.b12_1.no_invitation") }));
    expect(user.lastText()).toContain(t(lng)("documents:progress", { done: 0, total }));
    // The no-invitation route drops the invitation from S003's list.
    expect(user.lastText()).not.toContain(t(lng)("faq:item.invitation_if_needed"));
    expectSendable(user);

    await user.press(t(lng)("faq:item.tax_return"));
    expect(user.notices()).toContain(t(lng)("documents:ticked"));
    expect(user.lastText()).toContain(t(lng)("documents:progress", { done: 1, total }));
    expect(user.lastText()).toContain(`✅ ${t(lng)("faq:item.tax_return")}`);
    await user.press(t(lng)("faq:item.original_passport"));
    expect(user.lastText()).toContain(t(lng)("documents:progress", { done: 2, total }));
    await user.press(`✅ ${t(lng)("faq:item.tax_return")}`);
    expect(user.notices()).toContain(t(lng)("documents:unticked"));
    expect(user.lastText()).toContain(t(lng)("documents:progress", { done: 1, total }));
    expectSendable(user);
  });

  it.each(SUPPORTED_LOCALES)("%s: without an outcome it asks for the route, then opens a document to show what it needs", async (lng) => {
    const user = await personWith(undefined, lng);
    await user.send("/documents");
    expect(user.lastText()).toBe(t(lng)("documents:choose_route"));
    expect(user.buttons()).toHaveLength(4);
    await user.press(t(lng)("documents:route.b9_1.residence"));
    expect(user.lastText()).toContain(t(lng)("documents:route.b9_1.residence"));

    // The police certificate: apostille or legalization, the reported 180 days, the issuing country, dual citizens.
    const kb = lastMessage(user)?.reply_markup?.inline_keyboard.flat() ?? [];
    expect(kb.map((b) => ("callback_data" in b ? b.callback_data : ""))).toContain("doc:i:b9r:police_clearance");
    await user.pressData("doc:i:b9r:police_clearance", lastMessage(user));
    const text = user.lastText();
    expect(text).toContain(t(lng)("faq:item.police_clearance"));
    expect(text).toContain(t(lng)("documents:value.apostille_or_legalization"));
    expect(text).toContain(t(lng)("documents:value.citizenship_or_permanent_residence_country"));
    expect(text).toContain(t(lng)("documents:value.each_citizenship"));
    expect(text).toContain("⚠️"); // the 180 days are reported
    expect(text).toContain(t(lng)("documents:not_said", { aspects: t(lng)("documents:aspect_lower.translation") }));
    expectSendable(user);

    // Tick it from the opened document; the list shows it ticked.
    await user.press(t(lng)("documents:btn.tick"));
    expect(user.lastText()).toContain(t(lng)("documents:item_ticked"));
    await user.press(t(lng)("documents:btn.back"));
    expect(user.lastText()).toContain(`✅ ${t(lng)("faq:item.police_clearance")}`);
  });

  it("after a real /check, the routes of its outcome are offered, and /fees uses the same", async () => {
    const user = await personWith(undefined, "en");
    // A German remote developer with a valid passport: B9-1 in doubt (residence path), B12-1 without invitation.
    await user.send("/check");
    for (const answer of ["Germany", "no"]) await user.send(answer);
    await user.press(t("en")("check:opt.programming"));
    for (const answer of ["yes", "yes", "yes", "$4,500", "8", "no", "31 May 2030"]) await user.send(answer);
    await user.send("/documents");
    expect(user.lastText()).toBe(t("en")("documents:choose_route_outcome"));
    expect(user.buttons()).toEqual([t("en")("documents:route.b9_1.residence"), t("en")("documents:route.b12_1.no_invitation")]);
    await user.press(t("en")("documents:route.b12_1.no_invitation"));
    expect(user.lastText()).toContain(t("en")("faq:item.bank_statements_6_months"));
  });

  it("a photo says its size as S001 gives it and names the mm slip of S000 and S002", async () => {
    const user = await personWith("b9_1.residence", "en");
    await user.send("/documents");
    await user.pressData("doc:i:b9r:photo", lastMessage(user));
    expect(user.lastText()).toContain("3.5 × 4.5 cm");
    // Named as the misprint it is (FACTS.md section 5), never offered as another size.
    expect(user.lastText()).toContain("3.5-4.5 mm in some sources is an evident misprint");
    expect(user.lastText()).not.toContain("another source says");
  });

  it("a ticked document survives a restart, is in /mydata and is gone after /forget", async () => {
    const user = await personWith("b9_1.residence", "en");
    await user.send("/documents");
    await user.press(t("en")("faq:item.cv"));
    h = await h.restart();
    user.useHarness(h);
    await user.send("/documents");
    const total = checklistItems("b9_1.residence").length;
    expect(user.lastText()).toContain(t("en")("documents:progress", { done: 1, total }));
    expect(user.lastText()).toContain(`✅ ${t("en")("faq:item.cv")}`);

    await user.send("/mydata");
    const file = user.calls().find((c) => c.method === "sendDocument")!.payload.document as SentFile;
    expect(JSON.parse(file.content).documents).toEqual({ v: 1, routes: { "b9_1.residence": ["cv"] } });

    await user.send("/forget");
    await user.press(t("en")("forget.erase_button"));
    expect(await h.services.stores.documents.read(String(user.user.id))).toBeUndefined();
    await user.send("/documents");
    expect(user.lastText()).toBe(t("en")("documents:choose_route")); // the outcome went too
    await user.press(t("en")("documents:route.b9_1.residence"));
    expect(user.lastText()).toContain(t("en")("documents:progress", { done: 0, total }));
  });

  it("stale, foreign or tampered buttons get a short answer and change nothing", async () => {
    const user = await personWith("b9_1.residence", "en");
    await user.send("/documents");
    for (const data of ["doc:t:b9r:not_a_document", "doc:t:zzz:cv", "doc:t:b12n:cv", "doc:i:b9r:../../x", "doc:", "doc:l:b9r:extra"]) {
      await user.pressData(data, lastMessage(user));
      expect(user.notices()).toEqual([t("en")("documents:stale")]);
    }
    expect(await h.services.stores.documents.read(String(user.user.id))).toBeUndefined();
  });

  it("a stored value that does not fit the schema counts as no ticks, never a crash", async () => {
    const user = await personWith("b9_1.residence", "en");
    await h.services.stores.documents.write(String(user.user.id), { v: 1, routes: { "b9_1.residence": [42] } });
    await user.send("/documents");
    expect(user.lastText()).toContain(t("en")("documents:progress", { done: 0, total: checklistItems("b9_1.residence").length }));
    await user.press(t("en")("faq:item.cv"));
    expect(await h.services.stores.documents.read(String(user.user.id))).toEqual({ v: 1, routes: { "b9_1.residence": ["cv"] } });
  });
});
