/**
 * Clear questions QA found answered with the wrong topic, "did you mean", "not covered" or "off-topic". Each is now
 * answered (confident or likely) with the topic whose answer states what is asked: the e-visa's entry points, its fee,
 * B12-1's validity (the extension topic, which gives it and why a table says two years), the e-visa's validity and the
 * residence permit to get within it, B9-1 family, tax, income; a message of several questions gets its first one.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-04");

describe("QA phrasings", () => {
  it.each([
    ["Can I enter Kazakhstan by land from Kyrgyzstan with the e-visa?", "entry_airports"],
    ["how much is the e visa for IT ppl", "fee_evisa"],
    ["how long is the B12-1 valid, 1 or 2 years?", "b121_extension"],
    ["Wie lange ist das B12-1 gültig?", "b121_extension"],
    ["виза b12-1 на сколько выдается, на год или на два?", "b121_extension"],
    ["B12-1 визасы қанша мерзімге беріледі", "b121_extension"],
    ["how long is the single entry e-visa valid", "b91_extension"],
    ["I got my e-visa, when do I need to get the residence permit by", "b91_extension"],
    ["Mein Mann ist Programmierer, ich bin Hausfrau. Kann ich mit ihm kommen, wenn er B9-1 bekommt?", "b91_family"],
    ["Gilt immer noch die Flatrate von 10% Einkommensteuer?", "tax"],
    ["сколько нужно зарабатывать чтобы получить визу номада в 2026", "income"],
    // Several questions: the first ("do I, from Belarus, need a visa at all?") is answered.
    ["привет! я фронтенд разраб из беларуси, мне нужна виза вообще? и можно ли через астана хаб получить внж? и сколько это стоит?", "eaeu"],
  ])("%j is answered with %s", (question, topic) => {
    const result = search.search(question);
    expect(["confident", "likely"]).toContain(result.confidence);
    expect(result.topics[0]?.id).toBe(topic);
  });

  // Neither program named: both programs' answers (each states its own validity, or who counts as family).
  it.each([
    ["how long is the nomad visa valid", ["b91_extension", "b121_extension"]],
    ["I want to bring my parents, possible?", ["b91_family", "b121_family"]],
  ])("%j is answered with both programs' topics", (question, topics) => {
    const result = search.search(question);
    expect(["confident", "likely"]).toContain(result.confidence);
    expect(result.both).toBe(true);
    expect(result.topics.slice(0, 2).map((t) => t.id).sort()).toEqual([...topics].sort());
  });
});

/**
 * The permanent-residence pilot's points and length were stated by no answer (only "a points questionnaire"), so
 * "how many points do I need?" got another topic or "off-topic": its own topic states them, from the facts.
 */
describe("the permanent-residence pilot procedure", () => {
  const i18n = createI18n();
  it.each([
    ["en", "whats the points questionnaire thing, how many points do i need?"],
    ["de", "Wie viele Punkte braucht man beim neuen Fragebogen?"],
    ["en", "how long does the new permanent residence procedure take in 2026"],
    ["ru", "сколько баллов нужно для пмж по новому порядку"],
  ])("%s: %j is answered with it, and the answer gives the points and the days", async (lng, question) => {
    const result = search.search(question);
    expect(["confident", "likely"]).toContain(result.confidence);
    expect(result.topics[0]?.id).toBe("pr_procedure");
    const { renderAnswer } = await import("../../../src/bot/faq/renderAnswer.js");
    const body = renderAnswer("pr_procedure", i18n, lng as "en", "2026-12-04").body;
    expect(body).toContain("400");
    expect(body).toContain("29");
  });
});
