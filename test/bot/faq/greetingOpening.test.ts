/**
 * Issue 11: a greeting opening a message was searched with the question ("Salam" read as Russian stems like a tax
 * word), so the question found no topic and only the greeting was answered; "history" counted as opening with "hi";
 * a message that only announces a question ("у меня вопрос", "ich hätte eine Frage") was answered with a topic.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("a message opening with a greeting", () => {
  it.each([
    ["Salam! ya testirovshik, mozhno li mne b9-1?", "b91_who"],
    ["Добрый день! Сколько действует ВНЖ цифрового кочевника?", "permit_length"],
    ["Guten Tag, ich hätte eine Frage: wie viel kostet das B12-1 Visum?", "fee_b121"],
    ["hi everyone, how much is the B12-1 fee?", "fee_b121"],
  ])("answers the question after it: %s", (question, topic) => {
    const result = search.search(question);
    expect(result.chat).toBeUndefined();
    expect(result.confidence).toBe("confident");
    expect(result.topics[0]?.id).toBe(topic);
  });

  it.each(["у меня вопрос", "I have a question", "ich hätte eine Frage", "менде бір сұрағым бар", "hellooo anyone there", "Salam aleikum", "Ассалаумағалейкум, көмек керек", "Hallo zusammen", "salem qalaisyz", "Привет всем, как дела?"])(
    "is a greeting when nothing else is asked: %s",
    (message) => {
      expect(search.search(message)).toMatchObject({ confidence: "confident", topics: [], chat: "greeting" });
    },
  );

  it("is not a word that only starts like one", () => {
    expect(search.search("history of the b9-1 pilot").chat).toBeUndefined();
  });
});

describe("a plea for help", () => {
  it.each(["помогите пожалуйста", "can you help me?", "Salem, komek kerek edi"])("alone is a greeting: %s", (message) => {
    expect(search.search(message).chat).toBe("greeting");
  });

  it("before a request stays part of it", () => {
    expect(search.search("Kannst du mir helfen, meine Steuererklärung für das Finanzamt auszufüllen?").topics).toEqual([]);
  });
});

describe("Kazakh small talk", () => {
  it.each([
    ["raqmet, tusindim", "thanks"],
    ["бұл бот не істей алады?", "about_bot"],
  ])("%s is %s", (message, chat) => {
    expect(search.search(message).chat).toBe(chat);
  });
});
