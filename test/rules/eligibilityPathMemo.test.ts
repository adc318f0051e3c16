/**
 * The /check path is memoized by the answers' value (src/rules/eligibility/state.ts): every question on it comes
 * out as a fresh walk of the graph gives it, whatever the answers are (typed values, income answers with a rate,
 * values the key cannot tell apart), the walk that answerCurrent continues from the answered question equals a
 * walk from the start, and nothing a caller does with a result or an answers object changes a later one.
 */
import { describe, expect, it } from "vitest";
import {
  answerCurrent,
  back,
  currentNode,
  firstNode,
  getNode,
  initialState,
  nextNode,
  NODE_IDS,
  OUTCOME,
  pathOf,
  toProfile,
  type Answers,
  type CheckState,
  type NextId,
  type NodeId,
} from "../../src/rules/index.js";
import { answeredPath, PATH_MEMO_ENTRIES, reopen } from "../../src/rules/eligibility/state.js";

/** The path as the graph gives it, without the memo (nextNode walks the graph itself). */
function freshPath(answers: Answers): NextId[] {
  const path: NextId[] = [firstNode];
  for (let id: NextId = firstNode; id !== OUTCOME && answers[id] !== undefined; ) {
    id = nextNode(id, answers);
    path.push(id);
  }
  return path;
}

const SAMPLES: Record<NodeId, readonly unknown[]> = {
  citizenship: ["DE", "RU", "KZ", "stateless", "AM"],
  second_citizenship_q: ["yes", "no"],
  second_citizenship: ["BY", "US", "KZ"],
  it_specialty: ["programming", "other_it", "none"],
  has_degree: ["yes", "no"],
  has_portfolio: ["yes", "no"],
  remote_income: ["yes", "no"],
  monthly_income: [
    0,
    3000,
    3000.01,
    { usd: 3000, amount: 3000, currency: "USD", period: "month" },
    { usd: 2950, amount: 2700, currency: "EUR", period: "month", rate: { date: "2026-11-20", kztPerUnit: 550, kztPerUsd: 503, origin: "embedded" } },
    { usd: 2000, amount: 24000, currency: "USD", period: "year" },
  ],
  income_months: [5, 6],
  criminal_record: ["yes", "no"],
  passport_expiry: ["2026-11-20", "2036-11-21"],
};

/** Every complete check over the samples, answered through answerCurrent, with each state on the way. */
function allChecks(): CheckState[] {
  const states: CheckState[] = [];
  const visit = (state: CheckState): void => {
    states.push(state);
    const id = currentNode(state);
    if (id === OUTCOME) return;
    for (const sample of SAMPLES[id]) {
      const r = answerCurrent(state, sample);
      if (!r.ok) continue;
      expect(r.next, JSON.stringify(r.state.answers)).toBe(freshPath(r.state.answers).at(-1));
      visit(r.state);
    }
  };
  visit(initialState);
  return states;
}

describe("the memoized /check path", () => {
  const states = allChecks();

  it("is the graph's own path for every state of every check, and for copies of the same answers", () => {
    expect(states.length).toBeGreaterThan(1000);
    for (const { answers } of states) {
      const fresh = freshPath(answers);
      expect(pathOf(answers)).toEqual(fresh);
      // The same values in a new object (as a replay reads them back from storage), keys in another order.
      const copy = JSON.parse(JSON.stringify(answers)) as Answers;
      const reordered = Object.fromEntries(Object.entries(answers).reverse()) as Answers;
      expect(pathOf(copy)).toEqual(fresh);
      expect(pathOf(reordered)).toEqual(fresh);
      expect(currentNode({ answered: [], answers: copy })).toBe(fresh.at(-1));
    }
  });

  it("gives toProfile, answeredPath and reopen the graph's path", () => {
    for (const { answers } of states) {
      const fresh = freshPath(answers);
      if (fresh.at(-1) !== OUTCOME) continue;
      expect(answeredPath(answers)).toEqual(fresh.filter((n) => n !== OUTCOME));
      for (const id of answeredPath(answers).slice(0, 3)) {
        const reopened = reopen({ answered: [], answers }, id);
        expect(currentNode(reopened)).toBe(id);
        const rest = { ...answers };
        delete rest[id];
        expect(reopened.answered).toEqual(freshPath(rest).filter((n) => n !== OUTCOME && rest[n as NodeId] !== undefined));
      }
      expect(() => toProfile(answers)).not.toThrow();
    }
  });

  it("is not changed by a caller changing what pathOf returned, or the answers it was given", () => {
    const answers: Answers = { citizenship: "DE", second_citizenship_q: "no", it_specialty: "none" };
    const first = pathOf(answers);
    first.push("passport_expiry");
    first[0] = "income_months";
    expect(pathOf(answers)).toEqual(freshPath(answers));
    // The memo holds values, not objects: a changed object is a new key.
    answers.it_specialty = "programming";
    expect(pathOf(answers)).toEqual(freshPath(answers));
    expect(pathOf(answers).at(-1)).toBe("has_degree");
    delete answers.it_specialty;
    expect(currentNode({ answered: [], answers })).toBe("it_specialty");
  });

  it("tells apart values of different types and values its key cannot describe exactly", () => {
    const base: Answers = { citizenship: "DE", second_citizenship_q: "no", it_specialty: "programming", has_degree: "yes", has_portfolio: "yes", remote_income: "yes" };
    const odd: unknown[] = [3001, "3001", Number.NaN, Number.POSITIVE_INFINITY, -0, 0, null, [3001], { usd: 3001 }, { usd: "3001" }, { usd: 3001, rate: { date: "2026-11-20" } }, new Date(0)];
    for (const value of odd) {
      const answers = { ...base, monthly_income: value } as Answers;
      let fresh: NextId[] | Error;
      try {
        fresh = freshPath(answers);
      } catch (error) {
        fresh = error as Error;
      }
      if (fresh instanceof Error) expect(() => pathOf(answers)).toThrow();
      else {
        expect(pathOf(answers), String(value)).toEqual(fresh);
        expect(pathOf(answers), String(value)).toEqual(fresh);
      }
    }
  });

  it("stays right past its bound (the oldest entries go)", () => {
    const start: Answers = { citizenship: "DE", second_citizenship_q: "no", it_specialty: "programming", has_degree: "yes", has_portfolio: "yes", remote_income: "yes" };
    for (let i = 0; i < PATH_MEMO_ENTRIES + 50; i++) pathOf({ ...start, monthly_income: 2990 + i / 100 });
    for (const income of [2990, 2999.99, 3000, 3000.01, 3010]) {
      const answers = { ...start, monthly_income: income };
      expect(pathOf(answers)).toEqual(freshPath(answers));
    }
  });

  it("back and answering again walk as from the start", () => {
    let state = initialState;
    for (const value of ["DE", "no", "programming", "yes", "no", "yes", 4500, 8, "no"]) {
      const r = answerCurrent(state, value);
      expect(r.ok).toBe(true);
      if (r.ok) state = r.state;
    }
    expect(currentNode(state)).toBe("passport_expiry");
    state = back(back(state));
    expect(pathOf(state.answers)).toEqual(freshPath(state.answers));
    expect(currentNode(state)).toBe("income_months");
    const r = answerCurrent(state, 3);
    expect(r.ok && r.next).toBe(freshPath(r.ok ? r.state.answers : {}).at(-1));
    expect(getNode("income_months").kind).toBe("count");
    expect(NODE_IDS).toContain("income_months");
  });
});
