/**
 * Issue 11, answers that generalise: the re-ranking asks how close a topic's nearest example is (not only how much
 * of the question it holds), a long question's several unknown words do not sink it, and a typo that changes a
 * word's stem is still read as the word meant.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { ExampleIndex } from "../../../src/bot/faq/search/exampleIndex.js";
import { FaqSearch, THRESHOLDS } from "../../../src/bot/faq/search/index.js";
import { loadSearchData } from "../../../src/bot/faq/search/searchData.js";

const search = new FaqSearch(createI18n(), loadSearchData(), "2026-12-01");
/** The topic answered directly, if any. */
const answered = (question: string) => {
  const result = search.search(question);
  return result.confidence === "confident" || result.confidence === "likely" ? result.topics[0]?.id : undefined;
};

describe("the nearest example's closeness", () => {
  const weights = new Map([["visa", 1], ["fee", 2]]);
  const index = new ExampleIndex(
    [
      { topic: "long", terms: ["visa", "fee", "passport", "photo", "insur"] },
      { topic: "short", terms: ["fee", "visa"] },
      { topic: "other", terms: ["fee"] },
    ],
    (term) => weights.get(term) ?? 1,
  );

  it("is highest for the example that says what the question says and little else", () => {
    const { share, closeness } = index.nearest(weights, 3);
    // Both hold the whole question…
    expect(share.get("long")).toBe(1);
    expect(share.get("short")).toBe(1);
    // …but the short one is nearer: 2 × 3 / (3 + 3) against 2 × 3 / (3 + 6), below even an example of "fee" alone.
    expect(closeness.get("short")).toBeCloseTo(1);
    expect(closeness.get("long")).toBeCloseTo(2 / 3);
    expect(closeness.get("other")).toBeCloseTo(0.8);
  });

  it("leaves `shares` as it was: the largest share one example holds", () => {
    expect(index.shares(weights, 3)).toEqual(new Map([["long", 1], ["short", 1], ["other", 2 / 3]]));
  });
});

describe("a short question close to one topic's example", () => {
  // Each was "did you mean" when the re-ranking asked only how much of the question one example holds: a long
  // example of another topic holding the same few words counted as much.
  it.each([
    ["what documents for b9-1", "docs_residence"],
    ["сколько стоит виза для удаленщиков?", "fee_b121"],
    ["Wer darf das B9-1 Visum beantragen?", "b91_who"],
  ])("is answered directly: %s", (question, topic) => {
    expect(answered(question)).toBe(topic);
  });
});

describe("a long question with several words no topic holds", () => {
  it("is still answered by what its known words ask", () => {
    expect(answered("I sell my paintings online from Lisbon, buyers all over Europe, no boss, just me. Is the remote worker visa for people like me?")).toBe("b121_who");
  });

  it("weighs each further unknown word less than the one before", () => {
    expect(THRESHOLDS.unknownDecay).toBeGreaterThan(0);
    expect(THRESHOLDS.unknownDecay).toBeLessThan(1);
  });

  it("while questions about something else still get no topic", () => {
    for (const question of ["how do I cook plov", "what's the weather in Almaty tomorrow", "какая погода в алматы в марте", "Wie wird das Wetter morgen in Almaty?"]) {
      expect(search.search(question).confidence, question).toBe("none");
    }
  });
});

describe("a typo that changes a word's stem", () => {
  it("is read as the written word it is nearest to ('несудимасти' as 'несудимости')", () => {
    expect(answered("справка о несудимасти")).toBe("police_certificate");
    expect(answered("где взять справку о несудимасти для b9-1?")).toBe("police_certificate");
  });
});
