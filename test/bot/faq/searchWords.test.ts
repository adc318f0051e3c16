/**
 * Issue 11, item 3: how the FAQ search reads words the search data never wrote: Kazakh verb forms, the
 * e-visa's spellings, German compounds and typos (the swap of two letters included).
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { CountryTerms } from "../../../src/bot/faq/search/countryMarks.js";
import { splitCompound } from "../../../src/bot/faq/search/decompound.js";
import { foldEvisa } from "../../../src/bot/faq/search/evisa.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { kazakhStem } from "../../../src/bot/faq/search/kazakhStem.js";
import { NearestTerms } from "../../../src/bot/faq/search/nearestTerms.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { processTerm, tokenize } from "../../../src/bot/faq/search/terms.js";

const stem = (word: string) => kazakhStem(tokenize(word)[0]!);

describe("Kazakh verb endings", () => {
  it.each([
    ["рәсімдеймін", "рәсімдеу"],
    ["жүктеймін", "жүктеу"],
    ["ұзартуға", "ұзарту"],
    ["қарайды", "қарау"],
  ])("%s (as a question says it) meets %s (as the search data writes it)", (asked, written) => {
    expect(stem(asked)).toBe(stem(written));
  });

  it("'without a visa' does not become 'visa'", () => {
    expect(stem("визасыз")).not.toBe(stem("виза"));
  });
});

describe("the e-visa's spellings", () => {
  it.each(["e-visa", "eVisa", "E-Visum", "е-визасымен", "электронная виза", "электрондық визаны", "evizu"])("%s is one token", (spelling) => {
    expect(tokenize(foldEvisa(`about the ${spelling} please`))).toEqual(["about", "the", "evisa", "please"]);
  });

  it("leaves a word ending in e before 'visa' alone", () => {
    expect(tokenize(foldEvisa("the visa, une visa"))).toEqual(["the", "visa", "une", "visa"]);
  });
});

describe("German compounds", () => {
  const known = new Set(["arbeit", "vertrag", "besteuerung", "doppel", "versicherung"]);
  const isKnown = (part: string) => known.has(part);

  it("splits into a known first part and head, across a linking s", () => {
    expect(splitCompound("arbeitsvertrag", isKnown)).toEqual(["arbeit", "vertrag"]);
    expect(splitCompound("doppelbesteuerung", isKnown)).toEqual(["doppel", "besteuerung"]);
  });

  it("keeps the known head alone when the first part is unknown", () => {
    expect(splitCompound("reiseversicherung", isKnown)).toEqual(["versicherung"]);
  });

  it("does not split short words, words without a known head, or words with other letters", () => {
    expect(splitCompound("vertrag", isKnown)).toBeUndefined();
    expect(splitCompound("vertragsende", isKnown)).toBeUndefined();
    expect(splitCompound("arbeits-vertrag", isKnown)).toBeUndefined();
  });
});

describe("typos of words the index does not hold", () => {
  const nearest = new NearestTerms(["statement", "extens", "gueltig", "guthab", "passport"], () => 1);

  it.each([
    ["statment", "statement"],
    ["extenss", "extens"],
    ["guelitg", "gueltig"],
  ])("%s is taken for %s (a missing letter, one too many, two swapped)", (typo, term) => {
    expect(nearest.find(typo)).toBe(term);
  });

  it("takes no short word, no word two typos from a short term, and no typo of the first letter", () => {
    expect(nearest.find("pasp")).toBeUndefined();
    expect(nearest.find("gultag")).toBeUndefined();
    expect(nearest.find("tatement")).toBeUndefined();
  });
});

describe("words that stem like a country's name", () => {
  const countries = new CountryTerms();
  const names = (text: string) => {
    const words = tokenize(text);
    return [...countries.termsIn(words.map((w) => (countries.spelledAsName(w, processTerm(w)!) ? processTerm(w) : null)))];
  };

  it.each(["граждане Индии", "из Кыргызстана", "Indians", "einen deutschen Pass", "Үндістаннан келдім"])("%j names a country", (text) => {
    expect(names(text)).toHaveLength(1);
  });

  it.each(["a cover letter", "a state fee", "сақтандыру сомасы", "в марте"])("%j names none", (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe("the search with these words", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  const best = (question: string) => search.search(question).topics[0]?.id;

  it.each([
    ["en", "b12-1 visa extenssion", "b121_extension"],
    ["en", "how much is the evisa", "fee_evisa"],
    ["de", "Visumsverlängerung für B12-1", "b121_extension"],
    ["de", "Gebühr für das E-Visum", "fee_evisa"],
    ["kk", "B12-1 визасын қалай ұзартамын", "b121_extension"],
    ["ru", "сколько стоит е-виза", "fee_evisa"],
    // Russian typed in Latin letters: "podat" is read as "подать" (the final soft sign left out), "dokumenty" as
    // "документы", though a few Latin-typed examples of the search data hold them too.
    ["ru", "gde podat dokumenty na b12", "where_apply"],
    ["ru", "gde mozhno podat zayavku na neo nomad", "where_apply"],
  ])("in %s, %j finds %s", (_lng, question, topic) => {
    expect(best(question)).toBe(topic);
  });
});

describe("getting another country's citizenship", () => {
  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

  it.each([
    ["ru", "как получить гражданство Грузии"],
    ["kk", "Грузия азаматтығын алу үшін не керек"],
    ["de", "wie kann ich die georgische Staatsbürgerschaft bekommen"],
  ])("in %s, %j is outside the bot's scope", (_lng, question) => {
    expect(search.search(question)).toMatchObject({ confidence: "none", topics: [], none: "out_of_scope" });
  });

  it.each([
    ["ru", "у меня гражданство Турции, могу ли я получить визу кочевника"],
    ["en", "I am a citizen of India, can I get Kazakh citizenship later"],
  ])("in %s, %j (the asker's own citizenship, or Kazakhstan's) still reaches the topics", (_lng, question) => {
    expect(search.search(question).topics.length).toBeGreaterThan(0);
  });
});
