/**
 * The same profile table with one data value flipped: b9_1.pilot_extension set to "extended" (confirmed), as it
 * would be once an extension is published. B9-1 is then eligible again wherever the other rules allow.
 */
import { describe, expect, it, vi } from "vitest";
import { assess, pilotStatus } from "../../src/rules/index.js";
import { BASE, check, checkCodes, ROWS, TODAY } from "./assessTable.js";

vi.mock("../../src/rules/data/facts/b9_1.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/rules/data/facts/b9_1.js")>();
  return {
    B9_1_FACTS: original.B9_1_FACTS.map((f) =>
      f.id === "b9_1.pilot_extension" ? { ...f, value: "extended", confidence: "confirmed" } : f,
    ),
  };
});

describe("assess with the pilot's extension confirmed in the data", () => {
  it("reads the flipped value", () => expect(pilotStatus(TODAY).state).toBe("extended"));

  it("restores eligible for the base profile", () => {
    const b91 = assess(BASE, { today: TODAY }).results[0]!;
    expect(b91.verdict).toBe("eligible");
    expect(b91.reasons).not.toContain("pilot_status_unconfirmed");
  });

  it.each(ROWS)("%s", (_name, change, b91, b121) => {
    const { results } = assess({ ...BASE, ...change }, { today: TODAY });
    check(results[0], { ...b91, not: [...(b91.not ?? []), "pilot_status_unconfirmed"] });
    check(results[1], b121);
    checkCodes(results);
  });
});
