/**
 * Issue 11: "how" ("wie", "как", "қалай") was a stop word, so "how do I apply" read like "where do I apply" and
 * the steps topic tied with where to apply. Read with the word after it, it says what is asked.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { HOW_LONG, HOW_LONG_WAIT, HOW_MUCH, HOW_TO, WHAT_TO } from "../../../src/bot/faq/search/questionPhrases.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { tokenize } from "../../../src/bot/faq/search/terms.js";

describe("question words read with the word after them", () => {
  it.each([
    ["How long is it valid?", HOW_LONG],
    ["Wie lange gilt es", HOW_LONG],
    ["как долго ждать", HOW_LONG],
    ["how much is the fee", HOW_MUCH],
    ["Wie viel kostet das Visum", HOW_MUCH],
    ["how do I apply", HOW_TO],
    ["Wie kann ich das beantragen", HOW_TO],
    ["как получить визу", HOW_TO],
    ["визаны қалай аламын", HOW_TO],
    ["what do I hand in", WHAT_TO],
    ["Was brauche ich", WHAT_TO],
    ["что нужно для визы", WHAT_TO],
  ])("%s holds %s", (question, token) => {
    expect(tokenize(question)).toContain(token);
  });

  it("leaves a 'how' that asks nothing of its own a stop word", () => {
    expect(tokenize("and how")).toEqual(["and", "how"]);
    expect(tokenize("как дела")).toEqual(["как", "дела"]);
  });
});

describe("a procedure asked with 'how' finds the steps, not where to apply", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  it.each([
    ["how do I apply for the neo nomad visa", "steps_b121"],
    ["как подать на b12", "steps_b121"],
    // "what do I hand in" asks for the documents: it tied with where to apply when "what" was only a stop word.
    ["what do I have to hand in for the neo nomad visa", "docs_b121"],
  ])("%s", (question, topic) => {
    const result = search.search(question);
    expect(result.confidence).toBe("confident");
    expect(result.topics[0]?.id).toBe(topic);
  });
});

/**
 * "What's next", "what now", "wie geht es weiter", "что дальше" ask for the next step of a procedure, though each of
 * their words alone is an everyday one ("next month", "now"): they were read as a few common words and the
 * question went to the topic of whatever else it named (the hub, the invitation) or to buttons.
 */
describe("asking what comes next finds the steps", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  it.each([
    ["the hub said yes, what now", "steps_b91"],
    ["i have my astana hub petition, then what?", "steps_b91"],
    ["invitation is here for the neo nomad visa. what's next", "steps_b121"],
    ["Der Hub hat mir zugesagt, wie geht es jetzt weiter?", "steps_b91"],
    ["хаб одобрил, что дальше", "steps_b91"],
  ])("%s", (question, topic) => {
    const result = search.search(question);
    expect(["confident", "likely"]).toContain(result.confidence);
    expect(result.topics[0]?.id).toBe(topic);
  });

  it("leaves 'next' and 'now' alone everyday words", () => {
    expect(tokenize("next month")).toEqual(["next", "month"]);
    expect(tokenize("apply now")).toEqual(["apply", "now"]);
  });
});

/**
 * How long something takes to come is the processing time; how long something lasts, or how soon one must do
 * something, is not. One "how long" for both let the wait for a stage tie with that stage's own topic.
 */
describe("the wait and the span are told apart", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  it.each([
    ["how long does the review take", HOW_LONG_WAIT],
    ["how quickly can I get it", HOW_LONG_WAIT],
    ["how long until I hear back", HOW_LONG_WAIT],
    ["Wie lange dauert das?", HOW_LONG_WAIT],
    ["how long is the permit valid", HOW_LONG],
    ["how soon do I have to arrive", HOW_LONG],
    ["how fast must I register", HOW_LONG],
  ])("%s holds %s", (question, token) => {
    expect(tokenize(question)).toContain(token);
  });

  it.each([
    // It tied with how long the permit lasts.
    ["how fast can i get the it residence permit", "processing_times"],
    ["how long does it take until the 10-year permit is issued", "processing_times"],
    ["how long to get the digital nomad residence permit", "processing_times"],
  ])("%s is answered with the processing time", (question, topic) => {
    const result = search.search(question);
    expect(result.confidence).toBe("confident");
    expect(result.topics[0]?.id).toBe(topic);
  });

  it("a deadline after arriving stays the registration", () => {
    expect(search.search("how soon do I need to register after I arrive").topics[0]?.id).toBe("registration");
  });
});

/**
 * The English search data did not ask how long a visa itself lasts (German and Russian did): "how long does the neo
 * nomad visa last" met the passport's validity and the visa-free stay.
 */
describe("how long a visa itself is valid", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  it.each([
    ["how long does the neo nomad visa last", "b121_extension"],
  ])("%s", (question, topic) => {
    const result = search.search(question);
    expect(["confident", "likely"]).toContain(result.confidence);
    expect(result.topics[0]?.id).toBe(topic);
  });
});

describe("everyday phrasings of family and fees", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  // "together" was written only by the unmarried-partner examples ("we live together"): coming together with the
  // applicant is the family visa.
  it("the spouse and a child coming together with me are the family topic", () => {
    const result = search.search("can my husband and our son apply together with me for b12-1");
    expect(result.confidence).toBe("confident");
    expect(result.topics[0]?.id).toBe("b121_family");
  });

  it("what something sets me back is what it costs", () => {
    expect(tokenize("what will that set me back")).toContain("cost");
  });
});
