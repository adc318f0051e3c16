import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";
import { formatDay } from "../../../src/bot/render/dates.js";
import type { Locale } from "../../../src/store/index.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());
const t = (lng: string) => h.services.i18n.getFixedT(lng);
const title = (lng: string, topic: string) => t(lng)(`faq:topic.${topic}.title`);

describe("free-text questions", () => {
  it.each([
    ["en", "How much does the e-visa for digital nomads cost?", "fee_evisa"],
    ["ru", "Можно ли взять с собой жену и детей по визе B12-1?", "b121_family"],
    ["kk", "Салық қанша төлеймін, резидент болсам?", "tax"],
    ["de", "Welche Dokumente brauche ich für die Aufenthaltserlaubnis als digitaler Nomade?", "docs_residence"],
  ])("in %s get the right answer in the user's language", async (lng, question, topic) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).toContain(`<b>${title(lng, topic)}</b>`);
    expect(user.lastText()).toContain(t(lng)("facts:sources.title"));
    expect(user.buttons()).toContain(t(lng)("faq:ui.all_topics"));
  });

  it.each([
    ["en", "Do I have to know Russian or Kazakh to move there as a digital nomad?"],
    ["ru", "Нужно ли мне учить казахский язык для переезда?"],
    ["kk", "Қазақстанға көшу үшін қазақ тілін білуім керек пе?"],
    ["de", "Muss ich für das Nomadenvisum Russisch sprechen?"],
  ])("in %s about speaking Kazakh or Russian get the language answer, led by the pilot's status", async (lng, question) => {
    h.clock.set("2026-12-01T06:00:00Z");
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    const end = formatDay("2025-12-31", lng as Locale, "long");
    expect(user.lastText()).toContain(`<b>${title(lng, "language")}</b>`);
    expect(user.lastText().startsWith(t(lng)("faq:note.pilot_unconfirmed", { end, year: 2025, interpolation: { escapeValue: false } }))).toBe(true);
  });

  it("are understood in another language and answered in the user's", async () => {
    const user = new TestUser(h, { language_code: "de" });
    // The question is about the language of the reply; "…take after applying?" sits on the edge between the
    // processing times and the arrival window ("how long after…"), and since the re-ranking by the nearest
    // example's closeness it gets "did you mean" with processing times first.
    await user.send("how long does the decision on the residence permit take?");
    expect(user.lastText()).toMatch(new RegExp(`${title("de", "processing_times")}|${title("de", "steps_b91")}`));
  });

  it("unrelated questions get what the bot can do, never a topic's answer", async () => {
    for (const [lng, q] of [["en", "what's the weather in Almaty tomorrow?"], ["ru", "какой курс доллара сегодня"], ["de", "Erzähl mir einen Witz"]] as const) {
      const user = new TestUser(h, { language_code: lng });
      await user.send(q);
      expect(user.lastText()).toBe(t(lng)("faq:chat.out_of_scope"));
    }
  });

  it("an ambiguous question offers the nearest topics as buttons, and pressing one answers it", async () => {
    const user = new TestUser(h);
    await user.send("documents list");
    expect(user.lastText()).toBe(t("en")("faq:ui.did_you_mean"));
    const offered = user.buttons();
    for (const topic of ["docs_residence", "docs_multiple_entry", "docs_b121"]) expect(offered).toContain(title("en", topic));
    await user.press(title("en", "docs_b121"));
    expect(user.lastText()).toContain(`<b>${title("en", "docs_b121")}</b>`);
  });
});

describe("/faq menu", () => {
  it("browses groups, pages and topics by editing one message in place", async () => {
    const user = new TestUser(h);
    await user.send("/faq");
    expect(user.lastText()).toBe(t("en")("faq:ui.menu_title"));
    const menuId = (h.api.calls.at(-1)!.result as { message_id: number }).message_id;
    await user.press(t("en")("faq:group.documents"));
    expect(user.calls().map((c) => c.method)).toContain("editMessageText");
    const page1 = user.buttons();
    expect(page1).toContain(t("en")("faq:ui.next"));
    await user.press(t("en")("faq:ui.next"));
    const page2 = user.buttons();
    expect(page2).toContain(t("en")("faq:ui.prev"));
    expect(page2.filter((b) => page1.includes(b) && b !== t("en")("faq:ui.all_topics"))).toEqual([]);
    await user.press(title("en", "insurance"));
    expect(user.lastText()).toContain(`<b>${title("en", "insurance")}</b>`);
    expect(h.api.calls.filter((c) => c.method === "editMessageText").every((c) => c.payload.message_id === menuId)).toBe(true);
    await user.press(t("en")("faq:ui.all_topics"));
    expect(user.lastText()).toBe(t("en")("faq:ui.menu_title"));
  });

  it("is reachable from /start and rejects forged topics", async () => {
    const user = new TestUser(h, { language_code: "kk" });
    await user.send("/start");
    await user.press(t("kk")("menu.faq"));
    expect(user.lastText()).toBe(t("kk")("faq:ui.menu_title"));
    await user.pressData("faq:t:not_a_topic");
    expect(user.notices()).toEqual([t("kk")("errors.stale_button")]);
    await user.pressData("faq:g:nope:0");
    expect(user.notices()).toEqual([t("kk")("errors.stale_button")]);
  });
});
