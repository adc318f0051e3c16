/**
 * Issue 11, item 3: Russian typed in Latin letters names countries in its cases ("v ispanii", "s kyrgyzstanom"),
 * which were left as unknown Latin words: another country's visa then reached the income topic. Read as the
 * country, with the Latin spellings of "через" and "из" that say the country is a route or the asker's origin.
 * And "МЦИ" (MCI typed in Cyrillic) is the MRP.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("countries typed in Latin letters in Russian cases", () => {
  it("another country's nomad visa is out of scope", () => {
    const result = search.search("v ispanii est digital nomad visa skolko tam nuzhen dohod");
    expect(result.topics).toEqual([]);
    expect(result.none).toBe("out_of_scope");
  });

  it("a country driven through is a route into Kazakhstan", () => {
    expect(search.search("mozhno li vehat po e vize na mashine cherez granicu s kyrgyzstanom").topics[0]?.id).toBe("entry_airports");
  });

  it("a country the asker is from keeps the question in scope", () => {
    expect(search.search("ya iz kitaya mozhno li podat na b12").topics[0]?.id).toBe("b121_citizenship");
  });
});

describe("MCI in Cyrillic letters", () => {
  it("'МЦИ' finds the MRP first", () => {
    expect(search.search("МЦИ — это что за единица?").topics[0]?.id).toBe("what_is_mrp");
  });
});
