/**
 * Issue 11: a country named in a Russian case form that stems apart from the name was no country. The search takes the
 * shorter of the Russian and Kazakh stems, so "Канада" is "кана" (a Kazakh "-да" cut) but "Канады" is "канад", and
 * "как быстро дают b12, если я гражданин Канады" was read as a question about citizenship without a country: the
 * answer was who needs an invitation. Every declinable one-word name is read in its other cases too.
 */
import { describe, expect, it } from "vitest";
import { CountryTerms } from "../../../src/bot/faq/search/countryMarks.js";
import { processTerm } from "../../../src/bot/faq/search/terms.js";

const countries = new CountryTerms();
/** The country a single word is read as, if it is spelled as that country's name. */
const countryOf = (word: string) => {
  const term = processTerm(word);
  if (term === null || !countries.spelledAsName(word, term)) return undefined;
  return [...countries.codesIn([term])][0];
};

describe("country names in their Russian cases", () => {
  it.each([
    ["канады", "CA"],
    ["канаде", "CA"],
    ["армении", "AM"],
    ["армению", "AM"],
    ["ирана", "IR"],
    ["китая", "CN"],
    ["израиля", "IL"],
    ["уганды", "UG"],
  ])("%s is %s", (word, code) => {
    expect(countryOf(word)).toBe(code);
  });

  it.each(["канал", "армейский", "ирис"])("%s, no case of a name, is no country", (word) => {
    expect(countryOf(word)).toBeUndefined();
  });
});
