/**
 * The country index (countryFuzzy.ts) must find what the full scan it replaced found, in the same order: checked
 * against that scan (countryScanReference.ts) on every typo-tolerant name with random edits, on random words, and
 * on the words of the labelled FAQ questions (text that is mostly no country).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countryIndex, nameKey } from "../../../src/rules/input/countryIndex.js";
import { fuzzyCountryCodes } from "../../../src/rules/input/countryFuzzy.js";
import { editDistance } from "../../../src/rules/input/similarity.js";
import { referenceEditDistance, referenceFuzzy } from "./countryScanReference.js";

const names = [...countryIndex().names].filter(([, e]) => e.fuzzy).map(([key]) => key);
/** Letters people type: Latin, Russian, Kazakh, a space and an apostrophe-free hyphen's replacement. */
const letters = [..."abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі "];

type Edit = { op: "insert" | "delete" | "substitute" | "transpose"; at: number; letter: string };
const edit = fc.record({
  op: fc.constantFrom<Edit["op"]>("insert", "delete", "substitute", "transpose"),
  at: fc.nat(),
  letter: fc.constantFrom(...letters),
});

function apply(word: string, e: Edit): string {
  const chars = [...word];
  const at = e.at % (chars.length + 1);
  if (e.op === "insert") chars.splice(at, 0, e.letter);
  else if (chars.length === 0) return word;
  else if (e.op === "delete") chars.splice(at % chars.length, 1);
  else if (e.op === "substitute") chars[at % chars.length] = e.letter;
  else if (chars.length > 1) {
    const i = at % (chars.length - 1);
    [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  }
  return chars.join("");
}

describe("fuzzyCountryCodes: the same answer as the full scan", () => {
  it("on every typo-tolerant name with one random edit", () => {
    const edits = fc.sample(edit, { numRuns: names.length });
    const differ: string[] = [];
    names.forEach((name, i) => {
      const typed = apply(name, edits[i]!);
      if (JSON.stringify(fuzzyCountryCodes(typed)) !== JSON.stringify(referenceFuzzy(typed))) differ.push(typed);
    });
    expect(differ).toEqual([]);
  }, 60_000);

  it("on names with up to four random edits (two or more need the first letter)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(edit, { minLength: 1, maxLength: 4 }), (name, list) => {
        const typed = list.reduce(apply, name);
        expect(fuzzyCountryCodes(typed)).toEqual(referenceFuzzy(typed));
      }),
      { numRuns: 400 },
    );
  });

  it("on random strings of letters", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 14 }), (chars) => {
        const typed = chars.join("");
        expect(fuzzyCountryCodes(typed)).toEqual(referenceFuzzy(typed));
      }),
      { numRuns: 400 },
    );
  });

  it("on any string, emoji and lone surrogates included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 })), (typed) => {
        expect(fuzzyCountryCodes(typed)).toEqual(referenceFuzzy(typed));
      }),
      { numRuns: 300 },
    );
  });

  it("on the words and word pairs of the labelled FAQ questions", () => {
    const questions = JSON.parse(readFileSync(new URL("../../data/faq-questions-2.json", import.meta.url), "utf8")) as Array<{ q: string }>;
    const words = [...new Set(questions.flatMap((x) => nameKey(x.q).split(" ")).filter((w) => w.length >= 4))];
    const pairs = questions.slice(0, 60).flatMap((x) => {
      const w = nameKey(x.q).split(" ");
      return w.slice(1).map((b, i) => `${w[i]} ${b}`);
    });
    const sample = [...words.slice(0, 500), ...pairs.slice(0, 200)];
    const differ = sample.filter((w) => JSON.stringify(fuzzyCountryCodes(w)) !== JSON.stringify(referenceFuzzy(w)));
    expect(differ).toEqual([]);
    // Not vacuous: some of these words are countries or close to one.
    expect(sample.some((w) => fuzzyCountryCodes(w).length > 0)).toBe(true);
  }, 60_000);

  it("finds the typos people make", () => {
    expect(fuzzyCountryCodes("germny")).toEqual(["DE"]);
    expect(fuzzyCountryCodes("германя")).toEqual(["DE"]);
    expect(fuzzyCountryCodes("austrlia")).toEqual(["AU", "AT"]);
    expect(fuzzyCountryCodes("banana")).toEqual([]);
  });
});

describe("editDistance with reused buffers", () => {
  it("agrees with the allocating version, bound or not, long strings after short ones", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 90 }), fc.string({ maxLength: 90 }), fc.option(fc.nat(4), { nil: undefined }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(referenceEditDistance(a, b, max));
      }),
      { numRuns: 500 },
    );
  });
});
