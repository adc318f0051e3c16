import { describe, expect, it } from "vitest";
import { foldCase, foldKazakh, normalizeName } from "../../../src/rules/input/normalize.js";
import { editDistance, typoAllowance } from "../../../src/rules/input/similarity.js";

describe("editDistance (optimal string alignment)", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["germany", "germany", 0],
    ["germny", "germany", 1], // deletion
    ["germanyy", "germany", 1], // insertion
    ["germeny", "germany", 1], // substitution
    ["gremany", "germany", 1], // transposition
    ["герамния", "германия", 1], // transposition in Cyrillic
    ["қазақстан", "казахстан", 2],
    ["kitten", "sitting", 3],
    ["ca", "abc", 3], // OSA, not unrestricted Damerau (which gives 2)
  ])("%j vs %j = %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it("stops early above max and reports max + 1", () => {
    expect(editDistance("kazakhstan", "uzbekistan", 1)).toBe(2);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
    expect(editDistance("germny", "germany", 1)).toBe(1);
  });

  it("counts code points, not UTF-16 units", () => {
    expect(editDistance("😀a", "😀b")).toBe(1);
  });

  it("allows more typos in longer words", () => {
    expect([3, 4, 5, 6, 8, 9, 20].map(typoAllowance)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});

describe("normalisation", () => {
  it("strips Latin diacritics but keeps Cyrillic and Kazakh letters", () => {
    expect(foldCase("Côte d’Ivoire")).toBe("cote d’ivoire");
    expect(foldCase("Österreich Weiß")).toBe("osterreich weiss");
    expect(foldCase("Ёлка Йошкар")).toBe("елка йошкар");
    expect(foldCase("Қазақстан Өзбекстан Ұлыбритания")).toBe("қазақстан өзбекстан ұлыбритания");
    expect(foldCase("İstanbul")).toBe("istanbul");
  });

  it("turns exotic spaces and dashes into plain ones", () => {
    expect(foldCase("3\u00a0500\u202f000 \u2212 x")).toBe("3 500 000 - x");
  });

  it("normalises names for lookup", () => {
    expect(normalizeName("  Guinea-Bissau!! ")).toBe("guinea bissau");
    expect(normalizeName("Côte d'Ivoire")).toBe("cote divoire");
    expect(normalizeName("Côte d’Ivoire")).toBe("cote divoire");
    expect(foldKazakh("қазақстан")).toBe("казакстан");
  });
});
