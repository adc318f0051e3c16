/**
 * Issue 11: how a question's country, nationality and language words are read. A language that is also a
 * nationality word ("English", "орыс") set the country marker; a nationality word that holds the country's name
 * ("россиянину", "кыргызстанцу") was taken for the place and the question for another country's visa; a name in
 * "-стан" ("Узбекистан", also typed in Latin) looked like the Kazakh ablative "-тан" (from) and escaped the
 * foreign-visa check.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CountryTerms } from "../../../src/bot/faq/search/countryMarks.js";
import { asksAboutForeignVisa } from "../../../src/bot/faq/search/foreignVisa.js";
import { processTerm } from "../../../src/bot/faq/search/terms.js";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

describe("nationality words and place names (countryMarks.ts)", () => {
  const countries = new CountryTerms();
  const term = (word: string) => processTerm(word)!;

  it.each(["россиянину", "ресейликке"])("%s names a person of the country", (word) => {
    expect(countries.namesPerson(word, term(word))).toBe(true);
  });

  it.each(["россии", "узбекистан", "кыргызстана", "германию", "ундистаннан"])("%s names the place", (word) => {
    expect(countries.namesPerson(word, term(word))).toBe(false);
  });

  it("reads the Kazakh ablative from what follows the name, not from the name's own '-стан'", () => {
    expect(countries.tailAfterName("узбекистан", term("узбекистан"))).toBe("");
    expect(countries.tailAfterName("узбекистаннан", term("узбекистаннан"))).toBe("нан");
    expect(asksAboutForeignVisa("виза в Узбекистан", [""])).toBe(true);
    expect(asksAboutForeignVisa("Өзбекстаннан келдім, виза керек пе", ["нан"])).toBe(false);
    // A country on the way into Kazakhstan is no other country's visa.
    expect(asksAboutForeignVisa("можно ли въехать по e-visa на машине через Кыргызстан", [""])).toBe(false);
  });
});

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());
const title = (lng: string, topic: string) => h.services.i18n.getFixedT(lng)(`faq:topic.${topic}.title`);
const outOfScope = (lng: string) => h.services.i18n.getFixedT(lng)("faq:chat.out_of_scope");

describe("country and language words in dialogue", () => {
  it.each([
    ["en", "is english enough"],
    ["en", "is russian enough"],
    ["ru", "русский обязателен?"],
    ["kk", "ағылшын жеткілікті ме"],
    ["kk", "орыс жеткілікті ме"],
    ["de", "reicht russisch?"],
  ])("in %s, %j is about the language, not a citizen's country", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).toContain(`<b>${title(lng, "language")}</b>`);
    expect(user.lastText()).not.toContain(title(lng, "eaeu"));
    expect(user.lastText()).not.toContain(title(lng, "b91_citizenship"));
  });

  it.each([
    ["en", "I am English, can I apply for b12"],
    ["ru", "я русский, могу ли я подать на b12"],
  ])("in %s, %j still names the asker's citizenship", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).not.toContain(`<b>${title(lng, "language")}</b>`);
  });

  it.each([
    ["en", "does a Russian need a visa for Kazakhstan"],
    ["ru", "россиянину нужна виза"],
    ["ru", "кыргызстанцу нужна ли виза"],
    ["kk", "ресейлікке виза керек пе"],
    ["de", "braucht ein Russe ein Visum für Kasachstan"],
  ])("in %s, %j asks about a citizen of an EAEU country, not another country's visa", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).not.toBe(outOfScope(lng));
    expect(user.lastText()).toContain(`<b>${title(lng, "eaeu")}</b>`);
  });

  it("in ru, a citizen of a country outside the EAEU asking about a visa is no other country's visa either", async () => {
    const user = new TestUser(h, { language_code: "ru" });
    await user.send("узбекистанцам нужна виза?");
    expect(user.lastText()).not.toBe(outOfScope("ru"));
  });

  it.each([
    ["en", "visa for uzbekistan"],
    ["ru", "виза в Узбекистан"],
    ["ru", "нужна ли виза в uzbekistan"],
    ["kk", "Өзбекстан визасы керек пе"],
    ["de", "Visum für Usbekistan"],
  ])("in %s, %j is another country's visa", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).toBe(outOfScope(lng));
  });
});
