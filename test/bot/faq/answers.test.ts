import { describe, expect, it } from "vitest";
import { createI18n, loadResources } from "../../../src/bot/i18n.js";
import { deadlineVars } from "../../../src/bot/deadlines/render.js";
import { ANSWER_MAX_CHARS, factsInTemplate, renderAnswer } from "../../../src/bot/faq/renderAnswer.js";
import { FAQ_GROUPS, FAQ_TOPICS, findFact, findTopic } from "../../../src/rules/index.js";
import { SUPPORTED_LOCALES } from "../../../src/store/index.js";

const i18n = createI18n();
const resources = loadResources();
const faq = (lng: string) => resources[lng]?.faq as { topic: Record<string, { title: string; answer: string }>; group: Record<string, string> };

describe("FAQ topics", () => {
  it("are at least 35, each with 2-3 existing related topics and only known facts", () => {
    expect(FAQ_TOPICS.length).toBeGreaterThanOrEqual(35);
    for (const topic of FAQ_TOPICS) {
      expect(topic.related.length, topic.id).toBeGreaterThanOrEqual(2);
      expect(topic.related.length, topic.id).toBeLessThanOrEqual(3);
      for (const r of topic.related) expect(findTopic(r), `${topic.id} → ${r}`).toBeDefined();
      for (const f of topic.facts) expect(findFact(f), `${topic.id} cites ${f}`).toBeDefined();
      expect(FAQ_GROUPS).toContain(topic.group);
    }
  });
});

describe.each(SUPPORTED_LOCALES)("FAQ answers in %s", (lng) => {
  it("exist for every topic, with a title and every group named", () => {
    for (const topic of FAQ_TOPICS) {
      expect(faq(lng).topic[topic.id]?.title, topic.id).toBeTruthy();
      expect(faq(lng).topic[topic.id]?.answer, topic.id).toBeTruthy();
    }
    for (const g of FAQ_GROUPS) expect(faq(lng).group[g], g).toBeTruthy();
  });

  it("take every number from the facts data: no digits typed into the texts, every variable a real fact", () => {
    for (const topic of FAQ_TOPICS) {
      const template = faq(lng).topic[topic.id]!.answer;
      const typed = template.replace(/\{\{[^}]+\}\}/g, "").replace(/\b[A-Z]\d+(-\d+)?\b/g, "").replace(/[BВБ]\d+(-\d+)?/g, "");
      expect(typed, `${lng} ${topic.id} types a number`).not.toMatch(/\d/);
      // A variable may carry a format after a comma ("{{f.kz.eaeu_notification, dative}}").
      const variables = [...template.matchAll(/\{\{-?\s*([^}\s,]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!);
      for (const v of variables) {
        expect(v.startsWith("f."), `${lng} ${topic.id}: {{${v}}} is not a fact`).toBe(true);
        expect(factsInTemplate(`{{${v}}}`), `${lng} ${topic.id}: {{${v}}} names no fact`).toHaveLength(1);
      }
    }
  });

  it("render within about 700 characters, fully interpolated, with a dated source line", () => {
    const t = i18n.getFixedT(lng);
    const dated = [t("facts:sources.read", { date: "" }).trim(), t("facts:sources.checked", { date: "" }).trim()];
    for (const topic of FAQ_TOPICS) {
      const a = renderAnswer(topic.id, i18n, lng, "2026-12-01");
      expect(a.body.length, `${lng} ${topic.id} is ${a.body.length} chars`).toBeLessThanOrEqual(ANSWER_MAX_CHARS);
      expect(a.html, `${lng} ${topic.id}`).not.toMatch(/\{\{|undefined|NaN|\[object|\b(faq|check|facts):[a-z_]+\./);
      expect(dated.some((w) => a.html.includes(w)), `${lng} ${topic.id}: no read or checked date`).toBe(true);
    }
  });

  it("never put a unit after a value that already carries one (no unit word twice in a row)", () => {
    const t = i18n.getFixedT(lng);
    const vars = deadlineVars(t, lng, 2026);
    const texts = [
      ...FAQ_TOPICS.map((topic) => renderAnswer(topic.id, i18n, lng, "2026-12-01").body),
      ...Object.keys((resources.en?.remind as { deadline: Record<string, unknown> }).deadline).map((id) => t(`remind:deadline.${id}.action`, vars)),
    ];
    // The unit words of this language: the last word of each unit text ("{{value}} calendar days" → "days").
    const units = resources[lng]?.facts as { units: Record<string, string> };
    const unitWords = new Set(Object.values(units.units).map((u) => u.replace(/\{\{[^}]+\}\}/g, "").trim().split(/\s+/).at(-1)!).filter((w) => /^\p{L}{2,}$/u.test(w)));
    for (const text of texts) {
      for (const w of unitWords) expect(text.replace(/<[^>]+>/g, " "), `${lng}: "${w} ${w}"`).not.toMatch(new RegExp(`(?<!\\p{L})${w}\\s+${w}(?!\\p{L})`, "iu"));
    }
  });

  it("word reported facts as reported, with where to confirm", () => {
    const confirm = i18n.getFixedT(lng)("faq:ui.confirm_at", { places: "" }).split(":")[0]!;
    for (const topic of FAQ_TOPICS) {
      const reported = topic.facts.map(findFact).filter((f) => f?.confidence === "reported");
      if (reported.length === 0) continue;
      const a = renderAnswer(topic.id, i18n, lng, "2026-12-01");
      expect(a.body, `${lng} ${topic.id}`).toContain(confirm);
      for (const f of reported) expect(a.body, `${lng} ${topic.id}`).toContain(f!.confirmAt!);
    }
  });
});

describe("numbers in answers", () => {
  it("follow the facts: the B12-1 fee shows this year's KZT, and only MRP for a year without a confirmed MRP", () => {
    expect(renderAnswer("fee_b121", i18n, "en", "2026-12-01").body).toContain("129,750 KZT");
    const later = renderAnswer("fee_b121", i18n, "en", "2029-06-01").body;
    expect(later).toContain("30 MRP");
    expect(later).not.toMatch(/KZT in 2029/);
  });
});
