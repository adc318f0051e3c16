import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMPARE_FILTERS, comparisonRows, filterRows, filtersToMask } from "../../src/rules/compare/index.js";
import { countryName } from "../../src/rules/index.js";
import { SUPPORTED_LOCALES, type Locale } from "../../src/store/index.js";
import { ROWS_PER_PAGE } from "../../src/bot/compare/render.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { violations } from "../fuzz/telegramRules.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const t = (lng: Locale) => h.services.i18n.getFixedT(lng);

function lastMessage(user: TestUser) {
  const sent = [...h.api.calls].reverse().find((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === user.user.id)!;
  return h.api.message(user.user.id, (sent.result as { message_id: number }).message_id);
}

describe("/compare", () => {
  it.each(SUPPORTED_LOCALES)("%s: B9-1 and B12-1 side by side, each aspect with its sources", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/compare");
    const text = user.lastText();
    for (const aspect of ["income", "duration", "family", "residence", "work", "fees", "where"]) expect(text).toContain(t(lng)(`compare:aspect.${aspect}`));
    expect(text).toContain(t(lng)("compare:kz.b9_income"));
    expect(text).toContain(t(lng)("compare:kz.b12_residence"));
    expect(text).toMatch(/129[\s., ]750/); // 30 MRP in 2026 at 4,325 KZT
    expect(text).toContain(t(lng)("facts:sources.title"));
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(user.calls().flatMap(violations)).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)("%s: the other countries page by page, then filtered by buttons", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/compare");
    await user.press(t(lng)("compare:btn.world"));
    const all = comparisonRows();
    const pages = Math.ceil(all.length / ROWS_PER_PAGE);
    expect(user.lastText()).toContain(t(lng)("compare:page", { page: 1, pages }));
    expect(user.lastText()).toContain(escape(countryName("GE", lng)));
    // The sources' dates: S001 is an undated article of 2025, read on 2026-11-21.
    expect(user.lastText()).toContain(t(lng)("facts:sources.doc.S001"));
    expect(user.lastText()).toContain(t(lng)("facts:sources.undated_doc", { count: 1, year: 2025 }));
    let seen = user.lastText();
    for (let p = 2; p <= pages; p++) {
      await user.press(t(lng)("compare:btn.next"));
      expect(user.lastText()).toContain(t(lng)("compare:page", { page: p, pages }));
      seen += user.lastText();
    }
    // Every row is on one of the pages; the EU rows of S004 carry S004 as their source.
    for (const row of all) expect(seen).toContain(escape(countryName(row.country, lng)));
    expect(seen).toContain(t(lng)("facts:sources.doc.S004"));

    await user.press(`⬜ ${t(lng)("compare:filter.no_income")}`);
    const text = user.lastText();
    expect(text).toContain(t(lng)("compare:filters_set", { filters: t(lng)("compare:filter.no_income") }));
    const kept = filterRows(["no_income"]);
    expect(kept.map((r) => r.country).sort()).toEqual(["BT", "KG", "KZ"]);
    for (const row of all) {
      if (kept.includes(row)) expect(text).toContain(escape(countryName(row.country, lng)));
      else if (row.country !== "KZ") expect(text).not.toContain(escape(countryName(row.country, lng)));
    }
    expect(text).toContain(t(lng)("compare:cut_off")); // Bhutan's and Kyrgyzstan's cells are cut off in S001
    await user.press(`⬜ ${t(lng)("compare:filter.family")}`);
    expect(user.lastText()).toContain(escape(countryName("KG", lng)));
    expect(user.lastText()).not.toContain(escape(countryName("BT", lng)));
    expect(user.calls().flatMap(violations)).toEqual([]);
  });

  it("every filter combination and page fits Telegram's limits in every language", async () => {
    for (const lng of SUPPORTED_LOCALES) {
      const user = new TestUser(h, { id: 5000 + SUPPORTED_LOCALES.indexOf(lng), language_code: lng });
      await user.send("/compare");
      for (let mask = 0; mask < 1 << COMPARE_FILTERS.length; mask++) {
        const filters = COMPARE_FILTERS.filter((_, i) => mask & (1 << i));
        const pages = Math.max(1, Math.ceil(filterRows(filters).length / ROWS_PER_PAGE));
        for (let page = 0; page < pages; page++) {
          await user.pressData(`cmp:w:${filtersToMask(filters)}:${page}`, lastMessage(user));
          expect(user.notices()).toEqual([""]);
          for (const text of user.replies()) expect(text.length).toBeLessThanOrEqual(4096);
          expect(user.calls().flatMap(violations)).toEqual([]);
        }
      }
    }
  });

  it("a filter nobody passes says so; old or tampered buttons get a short answer", async () => {
    const user = new TestUser(h);
    await user.send("/compare");
    await user.pressData(`cmp:w:${filtersToMask(["no_income", "family", "residence"])}:0`, lastMessage(user));
    if (filterRows(["no_income", "family", "residence"]).length === 0) expect(user.lastText()).toContain(t("en")("compare:none"));
    for (const data of ["cmp:w:8:0", "cmp:w:0:9", "cmp:w:-1:0", "cmp:x", "cmp:w:0:0:0"]) {
      await user.pressData(data, lastMessage(user));
      expect(user.notices()).toEqual([t("en")("compare:stale")]);
    }
  });

  it("works in a group when addressed by name", async () => {
    const user = new TestUser(h);
    await user.sendInGroup(`/compare@${h.api.botInfo.username}`, -100500);
    const sent = user.calls().find((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === -100500);
    expect(String(sent?.payload.text)).toContain(t("en")("compare:kz_title"));
  });
});

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
