/**
 * Issue 11: how the FAQ search weighs a question's words and ranks topics: the program a question names counts as
 * part of what it asks, a word no topic holds weighs less in a question naming a program, and the examples'
 * inverted index gives the same nearest-example shares as a scan over every example.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { ExampleIndex } from "../../../src/bot/faq/search/exampleIndex.js";
import { FaqSearch, THRESHOLDS } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const saved = { ...THRESHOLDS };
afterEach(() => Object.assign(THRESHOLDS, saved));

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
const explainedOf = (question: string, topic: string) => search.rank(question).candidates.find((c) => c.id === topic)?.explained ?? 0;

describe("a program named", () => {
  it("is explained by that program's topics: they explain more of the question than without the rule", () => {
    const question = "b12-1 visa extension";
    const withRule = explainedOf(question, "b121_extension");
    Object.assign(THRESHOLDS, { programWeight: 0 });
    const without = explainedOf(question, "b121_extension");
    expect(THRESHOLDS.programWeight).toBe(0);
    expect(saved.programWeight).toBeGreaterThan(0);
    expect(withRule).toBeGreaterThanOrEqual(without);
    // A word no topic holds: the program word is part of what the topic accounts for.
    const odd = "b12-1 visa extension zyxwvut";
    Object.assign(THRESHOLDS, saved);
    const oddWith = explainedOf(odd, "b121_extension");
    Object.assign(THRESHOLDS, { programWeight: 0 });
    expect(oddWith).toBeGreaterThan(explainedOf(odd, "b121_extension"));
  });

  it("leaves the other program's topics out, as before", () => {
    expect(search.rank("b12-1 passport zyxwvut").candidates.some((c) => c.id.startsWith("b91_"))).toBe(false);
  });

  it("alone ('b12?') is still explained half by any of its topics", () => {
    const top = search.rank("b12?").candidates[0];
    expect(top?.explained).toBe(0.5);
  });
});

describe("a word no topic holds", () => {
  it("weighs less in a question that names a program than in one that does not", () => {
    const word = "zyxwvut";
    const named = explainedOf(`b12-1 visa extension ${word}`, "b121_extension");
    Object.assign(THRESHOLDS, { namedUnknownWeight: THRESHOLDS.unknownWeight });
    const asUnnamed = explainedOf(`b12-1 visa extension ${word}`, "b121_extension");
    expect(saved.namedUnknownWeight).toBeLessThan(saved.unknownWeight);
    expect(named).toBeGreaterThan(asUnnamed);
  });

  it("still sinks a question that names no program ('how do I cook plov')", () => {
    expect(search.search("how do I cook plov").confidence).toBe("none");
    expect(search.search("what's the weather in Almaty tomorrow").confidence).toBe("none");
  });
});

describe("the examples' inverted index", () => {
  const examples = [
    { topic: "a", terms: ["visa", "extens", "fee"] },
    { topic: "a", terms: ["visa"] },
    { topic: "b", terms: ["passport", "valid", "passportcopi"] },
    { topic: "c", terms: ["ab", "abc"] },
  ];
  const index = new ExampleIndex(examples);
  /** The scan it replaced: every example of every topic. */
  const scan = (weights: Map<string, number>, total: number) => {
    const out = new Map<string, number>();
    for (const e of examples) {
      let held = 0;
      for (const [term, w] of weights) if (w > 0 && e.terms.some((t) => t === term || (term.length >= 3 && t.startsWith(term)))) held += w;
      if (held > 0 && held / total > (out.get(e.topic) ?? 0)) out.set(e.topic, held / total);
    }
    return out;
  };

  it.each([
    [new Map([["visa", 1], ["extens", 2], ["zzz", 3]]), 6],
    // A prefix of two example terms of one example counts once; a two-letter term only exactly.
    [new Map([["passport", 1], ["valid", 0]]), 2],
    [new Map([["ab", 1], ["abc", 1], ["pass", 1]]), 3],
    [new Map([["a", 1]]), 1],
  ])("gives the scan's shares for %j", (weights, total) => {
    expect(index.shares(weights, total)).toEqual(scan(weights, total));
  });

  it("starts afresh for every question", () => {
    index.shares(new Map([["visa", 5]]), 5);
    expect(index.shares(new Map([["fee", 1]]), 4)).toEqual(new Map([["a", 0.25]]));
  });
});
