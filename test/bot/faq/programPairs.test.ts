/**
 * Issue 11, item 2, as the fresh Russian questions found it: programs named by a short name beside the other one.
 * "B9" alone is the visa for in-demand professions, with its own topic; named beside B12-1 ("чем отличается b9 от
 * b12") it stands for B9-1 and the question compares the two. "ДН виза" is the digital nomad visa. An EAEU citizen
 * asking about B9-1 is offered both answers: B9-1's citizenship rule and what applies to EAEU citizens.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { PROGRAM_B9_1 } from "../../../src/bot/faq/search/markers.js";
import { foldProgramNames } from "../../../src/bot/faq/search/programNames.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
const ids = (question: string) => search.search(question).topics.map((t) => t.id);

describe("B9 named beside B12-1", () => {
  it.each(["чем отличается b9 от b12", "difference between b9 and b12", "b9 мен b12 айырмашылығы", "Unterschied zwischen b9 und b12"])(
    "%s is answered with the comparison first",
    (question) => {
      expect(ids(question)[0]).toBe("compare");
    },
  );

  it("B9 alone keeps its own topic", () => {
    expect(ids("b9 visa requirements")[0]).toBe("b9_visa");
  });
});

describe("'DN' for digital nomad", () => {
  it.each(["дн визу", "DN visa", "DN-Visum", "дн виза сколько стоит"])("%s names B9-1", (question) => {
    expect(foldProgramNames(question)).toContain(PROGRAM_B9_1);
  });

  it.each(["dna test", "днем", "один дн"])("%s names no program", (question) => {
    expect(foldProgramNames(question)).not.toMatch(/progb/);
  });
});

describe("an EAEU citizen asking about B9-1", () => {
  it.each([
    "белорус могу ли я получить дн визу",
    "я белорус, могу ли получить b9-1",
    "can a belarusian get the digital nomad visa",
    "I'm Russian, can I apply for B9-1",
    "Ich bin Russe, kann ich B9-1 beantragen",
    "Ресей азаматы B9-1 ала ала ма",
  ])("%s is offered B9-1's citizenship rule beside the EAEU answer", (question) => {
    const found = ids(question).slice(0, 3);
    expect(found).toContain("b91_citizenship");
    expect(found).toContain("eaeu");
  });
});
