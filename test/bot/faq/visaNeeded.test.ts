/**
 * Issue 11: "узбекистанцам нужна виза" (do Uzbeks need a visa) got only "did you mean" buttons for the programs'
 * citizenship topics: the nationality set the country marker, which those topics hold, and "need" and "visa" weighed
 * little. Whether a nationality needs a visa at all, with no program or kind of visa named, is what the visa-free
 * topic answers (who may come without one, and for how long); a question about a kind of visa keeps its topics.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch, type SearchResult } from "../../../src/bot/faq/search/index.js";
import { asksIfVisaNeeded } from "../../../src/bot/faq/search/questionPhrases.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { tokenize } from "../../../src/bot/faq/search/terms.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** The topic answered directly, if any. */
const answered = (r: SearchResult) => (r.confidence === "confident" || r.confidence === "likely" ? r.topics[0]?.id : undefined);
const asks = (question: string) => asksIfVisaNeeded(tokenize(question).join(" "));

describe("whether a nationality needs a visa at all", () => {
  it.each(["узбекистанцам нужна виза", "грузинам нужна виза?", "нужна ли виза гражданам турции", "do germans need a visa for kazakhstan", "brauchen Inder ein Visum"])(
    "%j gets the visa-free stay",
    (question) => {
      expect(answered(search.search(question))).toBe("visa_free");
    },
  );

  it.each(["нужна ли виза для b12", "мне какая виза нужна", "россиянам нужна виза кочевника", "көшпенді визасы керек пе", "do I need a visa for digital nomad", "brauche ich ein Visum für B12"])(
    "%j asks about a kind of visa, not whether one is needed",
    (question) => {
      expect(asks(question)).toBe(false);
    },
  );

  it("a Kazakhstani asking about another country's visa is not told Kazakhstan's visa-free rules", () => {
    expect(answered(search.search("нужна ли виза в грузию гражданам казахстана"))).toBeUndefined();
  });

  it("an EAEU citizen still gets the EAEU rules", () => {
    expect(answered(search.search("киргизам нужна виза?"))).toBe("eaeu");
  });
});
