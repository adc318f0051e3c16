/**
 * The search's own tokens (program names, rule markers) are told by name, not by a prefix: words people type that
 * begin like them ("programmer", "question", Kazakh in Latin letters "qujat") are stemmed and weighed as words.
 */
import { describe, expect, it } from "vitest";
import { isMarkerTerm } from "../../../src/bot/faq/search/markers.js";
import { processTerm } from "../../../src/bot/faq/search/terms.js";

describe("marker terms and words that begin like them", () => {
  it("stems words beginning with 'prog' or 'q' like any other word", () => {
    expect(processTerm("programmers")).toBe(processTerm("programmer"));
    expect(processTerm("questions")).toBe(processTerm("question"));
    expect(processTerm("qualifications")).toBe(processTerm("qualification"));
    expect(processTerm("Programmierer")).not.toBe("programmierer");
  });

  it("keeps the program tokens and markers as they are, and tells them from words", () => {
    for (const token of ["progbnine", "progbtwelve", "qcountry", "qlang"]) {
      expect(processTerm(token)).toBe(token);
      expect(isMarkerTerm(token)).toBe(true);
    }
    for (const word of ["program", "programmer", "question", "qujat", "qalai"]) expect(isMarkerTerm(processTerm(word) ?? word)).toBe(false);
  });
});
