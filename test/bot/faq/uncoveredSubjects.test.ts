/**
 * Issue 11: questions about subjects next to the programs that no topic covers (bank accounts, pensions, job
 * vacancies, flight prices) shared words with a topic and were answered with it, sources cited. They get "not
 * covered" (or "what I can do"), while questions that only use such a word about a covered subject keep their topic.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("a subject no topic covers", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it.each([
    ["ru", "будет ли у меня пенсия после десяти лет на ВНЖ"],
    ["de", "Welche Bank ist gut für ein Girokonto in Almaty"],
    ["en", "is there a decent bank to open an account with, I'm on B12-1"],
    ["kk", "Алматыда қай банкте шот ашқан дұрыс"],
  ])("in %s, %s: is told the sources do not cover it, with no topic answered", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    const t = h.services.i18n.getFixedT(lng);
    expect([t("faq:ui.not_covered"), t("faq:chat.out_of_scope")]).toContain(user.lastText());
  });
});

describe("the search", () => {
  it.each([
    "будет ли у меня пенсия после десяти лет на ВНЖ",
    "Welche Bank ist gut für ein Girokonto in Almaty",
    "сколько стоят авиабилеты из Тбилиси в Алматы",
    "skolko stoit bilet do almaty iz tbilisi",
    "какая средняя зарплата тестировщика в Астане",
    "where can I find job vacancies for developers in Astana",
    "можно ли взять ипотеку на квартиру в Алматы с ВНЖ",
    "can I buy an apartment in Almaty on the B9-1 permit",
    "есть ли в Алматы международные школы для детей",
    "what is the weather like in Astana in winter",
    "какой город лучше для жизни: Шымкент или Караганда",
    "где найти удалённую работу с английским языком",
    "how much is rent in Astana",
    "wie viel kostet ein Flug nach Almaty",
    "Қазақстанда банк шотын қалай ашамын",
    "are there remote jobs for english speakers in Almaty",
    "what Kazakh food should I try in Astana",
    "Zeitverschiebung zwischen Almaty und Berlin",
    "когда матч по хоккею Казахстан Канада",
  ])("answers nothing for %s", (question) => {
    const result = search.search(question);
    expect(result.confidence).toBe("none");
    expect(result.topics).toEqual([]);
  });

  it.each([
    ["what bank statements do I need for B12-1", "docs_b121"],
    ["I'm retired, is there an age limit for B12-1", "age_limits"],
    ["я на пенсии, есть ли возрастное ограничение для B12-1", "age_limits"],
    ["I'm a doctor, what is the B9 visa", "b9_visa"],
    ["Ich bin Ärztin, was ist das B9 Visum?", "b9_visa"],
    ["can my children of school age come with me on B9-1", "b91_family"],
    ["can I find work in Kazakhstan on B12-1", "work_rights"],
    ["I have a remote job, which visa fits me?", "b121_who"],
    ["получаю пенсию из Италии, сколько стоит консульский сбор за B12-1", "fee_b121"],
  ])("keeps the topic of a covered question that uses such a word: %s", (question, topic) => {
    const result = search.search(question);
    expect(result.confidence).not.toBe("none");
    expect(result.topics.map((t) => t.id).slice(0, 2)).toContain(topic);
  });
});
