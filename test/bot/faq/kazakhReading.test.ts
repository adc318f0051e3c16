/**
 * Issue 11: Kazakh questions read right by the FAQ search. Each block is one cause of a wrong or unclear
 * Kazakh answer: a word read as a country it only stems like, an origin said with a first-person ending,
 * "we" verb forms, everyday words, and Kazakh typed without Kazakh letters or in Latin letters.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { CountryTerms } from "../../../src/bot/faq/search/countryMarks.js";
import { isGeneralWord } from "../../../src/bot/faq/search/generalWords.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { kazakhStem } from "../../../src/bot/faq/search/kazakhStem.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { processTerm, tokenize } from "../../../src/bot/faq/search/terms.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
const countries = new CountryTerms();
/** How the search reads a word: the folded word and its index term. */
const read = (word: string) => {
  const folded = tokenize(word)[0]!;
  return { folded, term: processTerm(folded)! };
};

describe("a word that stems like a country only after a second stemming", () => {
  it.each(["ресімдеу", "ресімдеймін", "бағалайды", "stated"])("%s is not spelled as a country's name", (word) => {
    const { folded, term } = read(word);
    expect(countries.spelledAsName(folded, term)).toBe(false);
  });

  it.each(["Португалияның", "Ресейден", "Үндістаннан", "Indiens"])("%s still is", (word) => {
    const { folded, term } = read(word);
    expect(countries.spelledAsName(folded, term)).toBe(true);
  });

  it("does not make a question about another country's visa ('бағалайды' read as the Bahamas, 'stated' as the US)", () => {
    expect(search.rank("Табысты қалай бағалайды").foreign).toBeUndefined();
    expect(search.search("is the income stated in the contract enough").topics[0]?.id).toBe("income");
  });
});

describe("the asker's own country said with a first-person ending", () => {
  it.each([
    ["Мен Нигерияданмын, B12-1 визасын ала аламын ба", "b121_citizenship"],
    ["Мен Түркияданмын, визаны қалай аламын", "b91_citizenship"],
    ["Ресейденмін, визаны қалай аламын", "eaeu"],
  ])("%j is about Kazakhstan's programs for a person from there (%s)", (question, topic) => {
    expect(search.rank(question).foreign).toBeUndefined();
    expect(search.search(question).topics.map((t) => t.id)).toContain(topic);
  });

  it("carries the country marker though the name's Kazakh ending leaves a longer term ('Португалияданмын')", () => {
    const { folded, term } = read("Португалияданмын");
    expect(term).not.toBe(read("Португалия").term);
    expect(countries.codesIn([countries.spelledAsName(folded, term) ? term : null])).toEqual(new Set(["PT"]));
  });

  it.each(["Германияда тұрамын, құжаттарды қайда тапсырамын", "I live in Germany, where do I apply"])(
    "%j (the asker lives in that country) is not about that country's visa",
    (question) => {
      expect(search.rank(question).foreign).toBeUndefined();
      expect(search.search(question).confidence).not.toBe("none");
    },
  );

  it.each(["Германияда тұру үшін виза қалай аламын", "Жапонияға туристік виза керек пе", "Түркия визасын қалай аламын"])(
    "%j (another country's visa) is still out of scope",
    (question) => {
      expect(search.search(question)).toMatchObject({ confidence: "none", none: "out_of_scope" });
    },
  );
});

describe("'we' verb forms", () => {
  const stem = (word: string) => kazakhStem(tokenize(word)[0]!);

  it.each([
    ["рәсімдейміз", "рәсімдеу"],
    ["төлейміз", "төлеу"],
    ["жинаймыз", "жинау"],
    ["ұзартамыз", "ұзарту"],
    ["тапсырамыз", "тапсыру"],
    ["жібереміз", "жіберу"],
    ["тапсыруымыз", "тапсыру"],
  ])("%s (we ...) meets %s", (asked, written) => {
    expect(stem(asked)).toBe(stem(written));
  });

  it.each([
    ["визамыз", "виза"],
    ["ақшамыз", "ақша"],
    ["Үндістаннанбыз", "Үндістан"],
    ["визасын", "визасы"],
    ["құжаттарын", "құжат"],
  ])("%s (our ..., we are ..., its ...) meets %s", (asked, written) => {
    expect(stem(asked)).toBe(stem(written));
  });

  it("leaves 'біз' (we) itself alone: no stem is shorter than four letters", () => {
    expect(stem("біз")).toBe(tokenize("біз")[0]);
    expect(stem("аламыз")).toBe(tokenize("аламыз")[0]);
  });

  it.each([
    ["Біз Пәкістаннанбыз, B9-1 бола ма", "b91_citizenship"],
    ["Біз Үндістаннанбыз, отбасымызбен келе аламыз ба", "b121_family"],
  ])("%j (we are from ...) is read with its country (%s)", (question, topic) => {
    expect(search.rank(question).foreign).toBeUndefined();
    expect(search.search(question).topics[0]?.id).toBe(topic);
    expect(search.search(question).topics.map((t) => t.id).some((id) => id.endsWith("citizenship"))).toBe(true);
  });
});

describe("everyday Kazakh words", () => {
  it.each(["маған", "бізге", "білгім", "келеді", "беріңізші", "болады", "аламын"])("%s is an everyday word", (word) => {
    expect(isGeneralWord(tokenize(word)[0]!)).toBe(true);
  });

  it.each(["қашан", "қайда", "қанша", "ықтиярхат", "салық"])("%s is not: it says what is asked", (word) => {
    expect(isGeneralWord(tokenize(word)[0]!)).toBe(false);
  });

  it.each([
    ["Сізден білгім келеді, B12-1 визасын қалай ұзартамын", "b121_extension"],
    ["Бізге айтып беріңізші, салықты қалай төлейміз", "tax"],
  ])("no longer make %j less certain than its topic words say (%s, answered directly)", (question, topic) => {
    const result = search.search(question);
    expect(result.confidence).toBe("confident");
    expect(result.topics[0]?.id).toBe(topic);
  });

  it("no longer push a question about the programs under 'not covered'", () => {
    expect(search.search("Мен Нигерияданмын, маған бола ма").confidence).not.toBe("none");
    expect(search.search("Өзім IT маманымын, маған қандай виза дұрыс").topics.map((t) => t.id)).toContain("b91_who");
  });

  it("leave a question about something else outside the bot's scope", () => {
    expect(search.search("Мен бешбармак жасағым келеді").confidence).toBe("none");
    expect(search.search("Ертең Алматыда ауа райы қандай болады").confidence).toBe("none");
  });
});

describe("Kazakh typed without Kazakh letters, or in Latin letters", () => {
  const topicOf = (question: string) => search.search(question).topics[0]?.id;

  it.each([
    ["құжаттар тізімі қандай", ["кужаттар тизими кандай", "qujattar tizimi qandai", "kujattar tizimi kandai", "qūjattar tızımı qandai"]],
    ["жұмыс істеуге бола ма", ["жумыс истеуге бола ма", "jumys isteuge bola ma", "jūmys ısteuge bola ma"]],
    ["салықты қайда төлеймін", ["салыкты кайда толеймин", "salyqty qaida toleimin"]],
    ["отбасыммен келе аламын ба", ["отбасыммен келе аламын ба", "otbasymmen kele alamyn ba"]],
    ["білгім келеді, визаны қалай ұзартамын", ["бiлгiм келедi, визаны қалай ұзартамын"]],
  ])("%j and its other spellings reach the same topic", (spelled, others) => {
    const topic = topicOf(spelled);
    expect(topic).toBeDefined();
    for (const other of others) expect([other, topicOf(other)]).toEqual([other, topic]);
  });

  it("folds a Latin i inside a Cyrillic word and the 2021 alphabet's ı, and keeps Russian chat spelling", () => {
    expect(tokenize("бiлгiм")).toEqual(tokenize("білгім"));
    expect(tokenize("tızımı")).toEqual(["tizimi"]);
    expect(search.search("gde podat dokumenty na b12").topics[0]?.id).toBe("where_apply");
  });
});
