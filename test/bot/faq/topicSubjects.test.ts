/**
 * Issue 11: the pets topic holds the words of animals' papers (vaccinations), so a question about people's
 * vaccinations was told what the sources say about cats and dogs. It answers only questions naming an animal.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
const ids = (question: string) => search.search(question).topics.map((t) => t.id);

describe("the pets topic", () => {
  it.each(["do I need vaccinations", "нужны ли прививки для поездки в казахстан", "Welche Impfungen brauche ich für Kasachstan?", "Қазақстанға бару үшін екпе керек пе"])(
    "is not offered for people's vaccinations: %s",
    (question) => {
      expect(ids(question)).not.toContain("pets");
    },
  );

  it.each(["can I bring my dog", "нужны ли прививки собаке", "Darf mein Hund mit", "итімді алып келуге бола ма", "mozhno vzyat kota"])("answers a question naming an animal: %s", (question) => {
    expect(ids(question)[0]).toBe("pets");
  });
});
