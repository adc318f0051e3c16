/**
 * A /check state read back from storage is used only when the rules would take every answer in it as it stands
 * (isWellFormed): another version, or a damaged record, must end the check rather than fail every later step.
 */
import { describe, expect, it } from "vitest";
import { answerCurrent, initialState, type CheckState } from "../../src/rules/index.js";
import { isWellFormed } from "../../src/rules/eligibility/state.js";

function answered(...raws: unknown[]): CheckState {
  let state = initialState;
  for (const raw of raws) {
    const r = answerCurrent(state, raw);
    if (!r.ok) throw new Error(`answer ${String(raw)} refused: ${r.error}`);
    state = r.state;
  }
  return state;
}

describe("isWellFormed", () => {
  it("takes every state the check itself builds, answer by answer", () => {
    expect(isWellFormed(initialState)).toBe(true);
    const state = answered("DE", "no", "programming", "yes", "yes", "yes");
    expect(state.answered.length).toBe(6);
    for (let n = 0; n <= state.answered.length; n++) {
      const ids = state.answered.slice(0, n);
      expect(isWellFormed({ answered: ids, answers: Object.fromEntries(ids.map((id) => [id, state.answers[id]])) })).toBe(true);
    }
  });

  it("refuses answers a question would not take, or not as stored", () => {
    const state = answered("DE");
    expect(isWellFormed({ ...state, answers: { citizenship: { code: "DE" } as never } })).toBe(false);
    expect(isWellFormed({ ...state, answers: { citizenship: "XX" } })).toBe(false);
    // Taken when typed, but the rules store the code in capitals: "de" as stored is not what they wrote.
    expect(isWellFormed({ ...state, answers: { citizenship: "de" } })).toBe(false);
    expect(isWellFormed({ ...state, answers: { ...state.answers, income_months: "many" as never } })).toBe(false);
    expect(isWellFormed({ ...state, answers: { ...state.answers, shoe_size: 42 } as never })).toBe(false);
    expect(isWellFormed({ answered: ["shoe_size" as never], answers: {} })).toBe(false);
  });
});
