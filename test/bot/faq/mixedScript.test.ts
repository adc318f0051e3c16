/**
 * Issue 11: Kazakh case endings after Latin letters and numbers. A Latin name with a Kazakh case ending
 * ("uzbekistanға", "Germanyдан") had its Latin letters read as Cyrillic look-alikes ("uzbекиsтаnга"), so it named no country: a question about Uzbekistan's visa was "not
 * covered" and an asker from Germany lost the citizenship topic. It is read as the Latin name and its ending.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { processTerm, tokenize } from "../../../src/bot/faq/search/terms.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
const term = (word: string) => processTerm(tokenize(word)[0]!);

describe("a Latin name with a Cyrillic case ending", () => {
  it("is the Latin name's term", () => {
    expect(term("uzbekistanға")).toBe(term("uzbekistan"));
    expect(term("Germanyдан")).toBe(term("Germany"));
  });

  it("with the dative, asks about that country's visa ('uzbekistanға виза керек пе')", () => {
    expect(search.rank("uzbekistanға виза керек пе").foreign).toBe(true);
  });

  it("with the ablative, names where the asker comes from", () => {
    expect(search.rank("Uzbekistanнан келдім, виза керек пе").foreign).toBeUndefined();
    expect(search.search("Germanyдан келдім, B9-1 визасын ала аламын ба").topics.map((t) => t.id)).toContain("b91_citizenship");
  });

  it("Latin look-alikes inside a Cyrillic word are still read as Cyrillic ('кyжат', 'kазақстан')", () => {
    expect(term("кyжат")).toBe(term("кужат"));
    expect(term("kазақстан")).toBe(term("қазақстан"));
  });
});

/**
 * Kazakh writes a case ending apart after a number or an abbreviation ("B12-ге", "ВНЖ-ға"), chat often with a space
 * ("b12 ге"): alone it was read as a word no topic holds, and the question went unanswered.
 */
describe("a Kazakh case ending written apart", () => {
  it.each(["ге", "ға", "ді", "дан", "ның"])("%j is no word of its own", (ending) => {
    expect(term(ending)).toBeNull();
  });

  it("'b12 ге бір жылға берді, одан кейін не болады' is answered as without the ending", () => {
    const plain = search.search("b12 бір жылға берді, одан кейін не болады");
    const apart = search.search("b12 ге бір жылға берді, одан кейін не болады");
    expect(apart.confidence).not.toBe("none");
    expect(apart.topics[0]?.id).toBe(plain.topics[0]?.id);
  });
});
