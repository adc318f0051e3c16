import { describe, expect, it } from "vitest";
import { ExampleIndex } from "../../../src/bot/faq/search/exampleIndex.js";
import { mulberry32 } from "../../../src/runtime/seededRandom.js";

/**
 * ExampleIndex takes a question's first term in whole when many examples hold it (a program's name) instead of
 * adding its weight example by example. The shares and closeness must be the same to the last bit, or answers change:
 * the same index with that shortcut off (spreadFrom Infinity) and on for every term (spreadFrom 1) must agree.
 */


const rnd = mulberry32(14);
const VOCABULARY = ["progbnine", "progbtwelve", "visa", "visum", "fee", "feed", "extens", "passport", "pas", "tax", "resid", "famili", "bank"];
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
/** Many examples hold the program names, as in the search data; topic t4 has none. */
const examples = Array.from({ length: 200 }, (_, i) => {
  const terms = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => pick(VOCABULARY.slice(2)));
  if (i % 5 !== 4 && rnd() < 0.6) terms.push(rnd() < 0.5 ? "progbnine" : "progbtwelve");
  return { topic: `t${i % 5}`, terms };
});
const rarity = new Map(VOCABULARY.map((t, i) => [t, 0.3 + i / 7]));
const weightOf = (t: string) => rarity.get(t) ?? 0;
const plain = new ExampleIndex(examples, weightOf, { spreadFrom: Infinity });
const spread = new ExampleIndex(examples, weightOf, { spreadFrom: 1 });

describe("the examples' index with a common first term taken in whole", () => {
  it("gives the shares and closeness of adding it example by example", () => {
    for (let n = 0; n < 300; n++) {
      const weights = new Map<string, number>();
      // A program named first, as the search weighs it, in most questions; a zero weight now and then.
      if (rnd() < 0.7) weights.set(pick(["progbnine", "progbtwelve"]), 0.5 + rnd());
      const words = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < words; k++) weights.set(pick(VOCABULARY), rnd() < 0.1 ? 0 : rnd() * 3);
      const total = [...weights.values()].reduce((a, b) => a + b, 0) + (rnd() < 0.3 ? rnd() * 2 : 0);
      const prefixTerms = new Set([...weights.keys()].filter(() => rnd() < 0.5));
      const expected = plain.nearest(weights, total, prefixTerms);
      expect(spread.nearest(weights, total, prefixTerms), JSON.stringify([...weights])).toEqual(expected);
    }
  });

  it("counts the examples that hold the first term alone, and leaves out topics none of whose examples hold it", () => {
    const weights = new Map([["progbnine", 1]]);
    const { share, closeness } = spread.nearest(weights, 2);
    expect(share).toEqual(plain.nearest(weights, 2).share);
    expect(closeness).toEqual(plain.nearest(weights, 2).closeness);
    expect([...share.keys()].sort()).toEqual(["t0", "t1", "t2", "t3"]);
    expect(share.get("t0")).toBe(0.5);
  });
});
