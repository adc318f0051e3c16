import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());
const title = (lng: string, topic: string) => h.services.i18n.getFixedT(lng)(`faq:topic.${topic}.title`);

/** The wrong answers a trial as a new user found (issue 11), asked in each language. */
describe("questions once answered wrongly", () => {
  it.each([
    ["en", "visa extention b12"],
    ["ru", "продление визы b12"],
    ["kk", "b12 визасын ұзартуға бола ма"],
    ["de", "visum verlängerung b12"],
  ])("in %s, a B12-1 extension question gets the B12-1 rule, never the B9-1 one", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).toContain(`<b>${title(lng, "b121_extension")}</b>`);
    expect(user.lastText()).not.toContain(title(lng, "b91_extension"));
  });

  it.each([
    ["en", "can my girlfriend come with me"],
    ["ru", "может ли моя девушка поехать со мной"],
    ["kk", "сүйген қызым менімен бірге бара ала ма"],
    ["de", "kann meine freundin mitkommen"],
  ])("in %s, an unmarried partner gets 'the sources speak only of spouses', not the arrival window", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).toContain(`<b>${title(lng, "unmarried_partner")}</b>`);
    expect(user.lastText()).not.toContain(title(lng, "arrival_window"));
  });

  it.each([
    ["en", "do i need to speak russian or kazakh"],
    ["ru", "нужно ли говорить по-русски или по-казахски"],
    ["kk", "орысша не қазақша сөйлеуім керек пе"],
    ["de", "muss ich russisch oder kasachisch sprechen"],
  ])("in %s, speaking Russian or Kazakh gets the language answer, not the EAEU one", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).toContain(`<b>${title(lng, "language")}</b>`);
    expect(user.lastText()).not.toContain(title(lng, "eaeu"));
  });
});

describe("conversation basics and questions outside the bot's scope", () => {
  it.each([
    ["en", "hello", "greeting"],
    ["ru", "спасибо большое", "thanks"],
    ["kk", "сен кімсің", "about_bot"],
    ["de", "wer bist du", "about_bot"],
    ["ru", "ты живой человек или бот?", "about_bot"],
  ])("in %s, %j gets the short conversation reply", async (lng, text, kind) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(text);
    expect(user.lastText()).toBe(h.services.i18n.getFixedT(lng)(`faq:chat.${kind}`));
  });

  it("a question about the programs that the sources do not cover says so and names where to ask, instead of a neighbouring topic", async () => {
    const user = new TestUser(h);
    await user.send("can I bring my dog to Kazakhstan?");
    expect(user.lastText()).toContain(`<b>${title("en", "pets")}</b>`);
    expect(user.lastText()).toMatch(/say nothing about bringing pets/);
    expect(user.lastText()).toContain("egov.kz");
  });

  it("naming neither program where they differ gets both programs' answers", async () => {
    const user = new TestUser(h);
    await user.send("can I extend my visa?");
    const text = user.lastText();
    expect(text).toContain(h.services.i18n.getFixedT("en")("faq:ui.both_programs"));
    expect(text).toContain(`<b>${title("en", "b91_extension")}</b>`);
    expect(text).toContain(`<b>${title("en", "b121_extension")}</b>`);
  });
});

describe("what the search no longer answers with a neighbouring topic", () => {
  it.each([
    ["en", "portugal digital nomad visa how much income"],
    ["ru", "виза цифрового кочевника в Португалию"],
    ["kk", "Португалияның цифрлық көшпенді визасы"],
    ["de", "digital nomad visum für portugal"],
  ])("in %s, another country's nomad visa gets 'what I can do', not the citizenship or income topic", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).toBe(h.services.i18n.getFixedT(lng)("faq:chat.out_of_scope"));
  });

  it.each([
    ["en", "I am from Portugal, can I get the digital nomad visa?"],
    ["ru", "Я из Португалии, могу ли я получить визу цифрового кочевника?"],
    ["de", "Ich komme aus Portugal, kann ich das Digital-Nomad-Visum bekommen?"],
  ])("in %s, the same country as where the asker comes from is still a question about the program", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).not.toBe(h.services.i18n.getFixedT(lng)("faq:chat.out_of_scope"));
  });

  it.each([
    ["en", "bitcoin price prediction"],
    ["ru", "лучший рецепт плова"],
    ["de", "bester Döner in Berlin"],
  ])("in %s, a question made of words no topic knows gets no topic", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    const t = h.services.i18n.getFixedT(lng);
    expect([t("faq:chat.out_of_scope"), t("faq:ui.not_covered")]).toContain(user.lastText());
  });

  it("a long question that opens with a greeting is answered as a question", async () => {
    const user = new TestUser(h);
    await user.send("Hello! I work as a developer; can my wife and our two children come with me on the digital nomad visa?");
    expect(user.lastText()).toContain(`<b>${title("en", "b91_family")}</b>`);
  });

  it.each([
    ["ru", "ты кто", "about_bot"],
    ["ru", "кто выиграл матч вчера", undefined],
  ])("in %s, %j is small talk only when it is", async (lng, text, kind) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(text);
    const t = h.services.i18n.getFixedT(lng);
    if (kind) expect(user.lastText()).toBe(t(`faq:chat.${kind}`));
    else expect(user.lastText()).not.toBe(t("faq:chat.about_bot"));
  });
});
