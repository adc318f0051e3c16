/**
 * Issue 11, item 2: a program named is a program meant, also when people name it by whom it is for: an "IT visa"
 * is B9-1 (for IT specialists, petitioned by Astana Hub), a "remote visa" is B12-1 (for remote workers).
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { FaqSearch } from "../../../src/bot/faq/search/index.js";
import { PROGRAM_B12_1, PROGRAM_B9_1 } from "../../../src/bot/faq/search/markers.js";
import { foldProgramNames } from "../../../src/bot/faq/search/programNames.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";
import { FAQ_TOPICS } from "../../../src/rules/faq/topics.js";

describe("programs named by whom they are for", () => {
  it.each([
    ["can i get the IT visa with 2 years experience", PROGRAM_B9_1],
    ["IT-Visum für Entwickler", PROGRAM_B9_1],
    ["айти виза для семьи", PROGRAM_B9_1],
    ["виза для айтишников сколько", PROGRAM_B9_1],
    ["hub visa approved, now what", PROGRAM_B9_1],
    ["how much is the remote visa", PROGRAM_B12_1],
    ["fürs Remote-Visum", PROGRAM_B12_1],
    ["виза для удаленщиков", PROGRAM_B12_1],
  ])("%s names %s", (question, token) => {
    expect(foldProgramNames(question)).toContain(token);
  });

  it.each(["is it visa free for germans", "it visas", "can it residence be extended"])("the pronoun 'it' names no program: %s", (question) => {
    expect(foldProgramNames(question)).not.toMatch(/progb/);
  });

  it("a 'hub visa' question keeps the word 'hub'", () => {
    expect(foldProgramNames("hub visa")).toMatch(/\bhub\b/);
  });

  const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
  const programOf = new Map(FAQ_TOPICS.map((t) => [t.id, t.program]));
  it.each([
    ["en", "how much is the remote visa", "B12-1"],
    ["de", "Was kostet das Remote-Visum?", "B12-1"],
    ["ru", "виза для удаленщиков сколько стоит", "B12-1"],
    ["en", "hub visa extension", "B9-1"],
  ])("%s: '%s' gets no topic of the other program", (_lang, question, program) => {
    const result = search.search(question);
    expect(result.topics.length).toBeGreaterThan(0);
    for (const t of result.topics) expect([program, undefined]).toContain(programOf.get(t.id));
  });
});
