/**
 * Issue 11: words the FAQ search read wrong. A language named as a requirement is the language topic, a
 * nationality is not; becoming Kazakh is citizenship; verbs that carry the question ("get") stay searchable;
 * short stems do not prefix-match longer unrelated terms.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** The topic answered directly ("confident" or "likely"), or the reply kind when none is. */
const answered = (question: string) => {
  const r = search.search(question);
  return r.confidence === "confident" || r.confidence === "likely" ? r.topics[0]?.id : r.confidence;
};

describe("a language named as a requirement", () => {
  it.each([
    ["en", "do i need russian"],
    ["en", "is Russian required?"],
    ["en", "must I know Kazakh?"],
    ["ru", "нужен ли русский"],
    ["ru", "нужен ли казахский?"],
    ["ru", "требуется ли знание русского"],
    ["de", "muss ich Kasachisch können"],
    ["de", "Brauche ich Russischkenntnisse?"],
  ])("in %s, %j is answered with the language requirements", (_lng, question) => {
    expect(answered(question)).toBe("language");
  });

  it.each([
    ["en", "I am Russian, do I need a visa"],
    ["en", "do Russian citizens need a visa"],
    ["ru", "гражданин России, нужна ли виза"],
    ["ru", "я русский, нужна ли виза"],
    ["de", "russischer Staatsbürger, brauche ich ein Visum"],
  ])("in %s, %j (a nationality) is answered with the EAEU rules, not the language", (_lng, question) => {
    expect(answered(question)).toBe("eaeu");
  });

  it("a Kazakh bank account needed is no language", () => {
    expect(answered("do i need a kazakh bank account")).not.toBe("language");
  });
});

describe("becoming Kazakh", () => {
  it.each([
    ["de", "Kasache werden"],
    ["de", "Kann ich Kasache werden?"],
    ["ru", "стать казахом"],
    ["en", "become Kazakh"],
  ])("in %s, %j is about citizenship, not the language", (_lng, question) => {
    expect(answered(question)).toBe("citizenship_after_permit");
  });
});

describe("getting citizenship or a Kazakh passport", () => {
  it.each([
    ["en", "after ten years with the residence permit, could i get a kazakh passport?"],
    ["en", "is there a route to kazakh citizenship on the digital nomad permit"],
    ["en", "does the b12-1 visa count toward naturalisation"],
    ["de", "Kann ich mich nach ein paar Jahren mit B9-1 einbürgern lassen?"],
  ])("in %s, %j is about citizenship later, not the permit or the nationalities that may apply", (_lng, question) => {
    expect(answered(question)).toBe("citizenship_after_permit");
  });

  it.each([
    ["which citizenships can apply for the neo nomad visa", "b121_citizenship"],
    ["citizenship requirements for b9-1", "b91_citizenship"],
  ])("%j (the citizenship one applies with) stays with who may apply", (question, topic) => {
    expect(search.search(question).topics[0]?.id).toBe(topic);
  });
});

describe("verbs that carry the question", () => {
  it("'get' is searched: getting the invitation online is the invitation, not the registration", () => {
    expect(answered("can I get the invitation online")).toBe("invitation");
  });
});
