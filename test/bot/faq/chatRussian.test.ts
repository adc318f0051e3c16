/**
 * Issue 11, item 3: Russian as chats write it. "Номад резиденси" is the Digital Nomad Residency (it read as tax
 * residency); "скока" / "скоко" is "сколько"; "РК" is Kazakhstan, not a rare word that one topic's examples hold
 * ("сидеть в рк" went to citizenship after the permit, whose examples say "гражданство РК").
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { PROGRAM_B9_1 } from "../../../src/bot/faq/search/markers.js";
import { foldProgramNames } from "../../../src/bot/faq/search/programNames.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");

describe("chat Russian", () => {
  it.each(["номад резиденси", "nomad residency permit", "Номад-резиденс"])("%s names B9-1", (text) => {
    expect(foldProgramNames(text)).toContain(PROGRAM_B9_1);
  });

  it.each([
    ["на каком приказе держится номад резиденси", "legal_basis"],
    ["скока можно без визы сидеть в рк", "visa_free"],
    ["скоко стоит нео номад", "fee_b121"],
  ])("%s is answered with %s, not a neighbour", (question, topic) => {
    const result = search.search(question);
    expect(["confident", "likely"]).toContain(result.confidence);
    expect(result.topics[0]?.id).toBe(topic);
  });

  it("a citizen of the РК going abroad is still out of scope", () => {
    expect(search.search("виза в Россию для граждан РК").none).toBe("out_of_scope");
  });
});

describe("the wait, asked with 'сколько'", () => {
  it.each(["за сколько времени дают внж по b9-1", "сколько времени занимает b9-1"])("%s is about processing times", (question) => {
    expect(search.search(question).topics[0]?.id).toBe("processing_times");
  });

  it("'за сколько времени ... успеваю?' is no longer answered with the steps", () => {
    const result = search.search("за сколько примерно времени реально получить внж по b9-1 если начать сейчас? хочу переехать к весне, успеваю?");
    expect(result.confidence === "confident" || result.confidence === "likely" ? result.topics[0]?.id : "processing_times").toBe("processing_times");
  });
});
