import { describe, expect, it } from "vitest";
import { countryIndex } from "../../src/rules/input/countryIndex.js";
import {
  answerCurrent,
  assess,
  back,
  currentNode,
  firstNode,
  getNode,
  initialState,
  pathOf,
  type Profile,
  IT_SPECIALTIES,
  NODE_IDS,
  nextNode,
  OUTCOME,
  toProfile,
  type Answers,
  type CheckState,
  type NextId,
  type NodeId,
} from "../../src/rules/index.js";

const TODAY = "2026-11-21";

/** Representative answers per question: one per group of countries, around every threshold. */
const SAMPLES: Record<NodeId, readonly (string | number)[]> = {
  citizenship: ["DZ", "DE", "RU", "CN", "KZ", "stateless"],
  second_citizenship_q: ["yes", "no"],
  second_citizenship: ["BY", "US", "AF", "KZ", "DZ"],
  it_specialty: ["programming", "other_it", "none"],
  has_degree: ["yes", "no"],
  has_portfolio: ["yes", "no"],
  remote_income: ["yes", "no"],
  monthly_income: [0, 3000, 3000.01],
  income_months: [5, 6],
  criminal_record: ["yes", "no"],
  passport_expiry: ["2026-11-20", "2027-05-20", "2036-11-21"],
};

/** Invalid answers each question must refuse. */
const INVALID: Record<NodeId, readonly unknown[]> = {
  citizenship: ["XX", "DEU", "Germany", "", 49, null, undefined],
  second_citizenship_q: ["maybe", "", 1, true, null],
  second_citizenship: ["ZZ", "", 7, "DE"], // "DE" equals the first citizenship in the fixture
  it_specialty: ["java", "", "NONE!", 3, null],
  has_degree: ["y", "", 0, null],
  has_portfolio: ["n", "", 0, null],
  remote_income: ["sometimes", "", false, null],
  monthly_income: [-1, Number.NaN, Number.POSITIVE_INFINITY, "3000", null],
  income_months: [-1, 601, 2.5, "6", Number.NaN, null],
  criminal_record: ["no comment", "", 1, null],
  passport_expiry: ["2027-02-30", "27-01-01", "2027/01/01", "01.02.2027", "0227-05-01", "", 20270101, null],
};

interface Walk {
  exits: Map<NodeId, Set<NextId>>;
  reached: Set<NextId>;
  paths: number;
  longest: number;
  earlyEnds: Answers[];
  complete: Answers[];
}

/** Walks every path over the sample answers, depth first, checking each step against the declared exits. */
function walkAll(): Walk {
  const w: Walk = { exits: new Map(), reached: new Set([firstNode]), paths: 0, longest: 0, earlyEnds: [], complete: [] };
  const visit = (id: NextId, answers: Answers, seen: NodeId[]): void => {
    if (id === OUTCOME) {
      w.paths++;
      w.longest = Math.max(w.longest, seen.length);
      w.complete.push(answers);
      expect(pathOf(answers)).toEqual([...seen, OUTCOME]);
      if (seen.at(-1) !== "passport_expiry") w.earlyEnds.push(answers);
      return;
    }
    if (seen.includes(id)) throw new Error(`cycle at ${id} after ${seen.join(" > ")}`);
    const node = getNode(id);
    for (const sample of SAMPLES[id]) {
      const v = node.validate(sample, answers);
      if (!v.ok) continue; // e.g. a second citizenship equal to the first
      const next = { ...answers, [id]: v.value } as Answers;
      const to = nextNode(id, next);
      expect(node.exits, `${id} -> ${to}`).toContain(to);
      if (!w.exits.has(id)) w.exits.set(id, new Set());
      w.exits.get(id)!.add(to);
      w.reached.add(to);
      visit(to, next, [...seen, id]);
    }
  };
  visit(firstNode, {}, []);
  return w;
}

const walk = walkAll();

describe("the /check graph", () => {
  it("starts with citizenship", () => {
    expect(firstNode).toBe("citizenship");
    expect(currentNode(initialState)).toBe("citizenship");
  });

  it("reaches every question from the first one, and the outcome", () => {
    for (const id of NODE_IDS) expect(walk.reached, id).toContain(id);
    expect(walk.reached).toContain(OUTCOME);
  });

  it.each(NODE_IDS.map((id) => [id]))("%s: each declared next node is reached by some answer", (id) => {
    expect([...(walk.exits.get(id) ?? [])].sort()).toEqual([...getNode(id).exits].sort());
  });

  it("every path ends in the outcome without a cycle, and asks each question at most once", () => {
    expect(walk.paths).toBeGreaterThan(1000);
    expect(walk.longest).toBeLessThanOrEqual(NODE_IDS.length);
  });

  it("ends early only when both programs are already not_eligible", () => {
    expect(walk.earlyEnds.length).toBeGreaterThan(0);
    for (const answers of walk.earlyEnds) {
      const { results } = assess(toProfile(answers), { today: TODAY });
      expect(results.map((r) => r.verdict), JSON.stringify(answers)).toEqual(["not_eligible", "not_eligible"]);
    }
  });

  it("a skipped question cannot change a verdict, even with its worst answer", () => {
    const WORST: Partial<Record<NodeId, Partial<Profile>>> = {
      it_specialty: { itSpecialty: "none" },
      has_degree: { hasDegree: false },
      has_portfolio: { hasPortfolio: false },
      remote_income: { remoteForeignIncome: false },
      monthly_income: { monthlyIncomeUsd: 0 },
      income_months: { incomeMonths: 0 },
      criminal_record: { criminalRecord: true },
      passport_expiry: { passportExpiry: "2026-11-20" },
    };
    let checked = 0;
    for (const answers of walk.complete) {
      const asked = new Set(pathOf(answers));
      const profile = toProfile(answers);
      const verdicts = assess(profile, { today: TODAY }).results.map((r) => r.verdict);
      for (const [id, worst] of Object.entries(WORST)) {
        if (asked.has(id as NodeId)) continue;
        const other = assess({ ...profile, ...worst }, { today: TODAY }).results.map((r) => r.verdict);
        expect(other, `${id} skipped in ${JSON.stringify(answers)}`).toEqual(verdicts);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("every complete path gives a profile assess accepts", () => {
    for (const answers of walk.complete.slice(0, 2000)) {
      expect(assess(toProfile(answers), { today: TODAY }).results).toHaveLength(2);
    }
  });
});

describe("routing, question by question", () => {
  const base: Answers = { citizenship: "DZ", second_citizenship_q: "no" };
  const cases: Array<[string, NodeId, Answers, NextId]> = [
    ["a Kazakh citizen needs none of these visas", "citizenship", { citizenship: "KZ" }, OUTCOME],
    ["anyone else is asked about a second citizenship", "citizenship", { citizenship: "AF" }, "second_citizenship_q"],
    ["yes asks which one", "second_citizenship_q", { citizenship: "DZ", second_citizenship_q: "yes" }, "second_citizenship"],
    ["no moves on to IT", "second_citizenship_q", base, "it_specialty"],
    ["a second Kazakh citizenship ends the check", "second_citizenship", { citizenship: "DE", second_citizenship_q: "yes", second_citizenship: "KZ" }, OUTCOME],
    ["an IT specialty asks about a degree", "it_specialty", { ...base, it_specialty: "devops" }, "has_degree"],
    ["no IT specialty skips degree and portfolio", "it_specialty", { ...base, it_specialty: "none" }, "remote_income"],
    ["no IT and EAEU citizenship: still asked about remote income (B12-1 is unsure for them, not ruled out)", "it_specialty", { citizenship: "RU", second_citizenship_q: "no", it_specialty: "none" }, "remote_income"],
    ["a stateless person is not asked about a second citizenship", "citizenship", { citizenship: "stateless" }, "it_specialty"],
    ["degree leads to portfolio", "has_degree", { ...base, it_specialty: "ai", has_degree: "no" }, "has_portfolio"],
    ["portfolio leads to income", "has_portfolio", { ...base, it_specialty: "ai", has_degree: "no", has_portfolio: "no" }, "remote_income"],
    ["EAEU citizens are asked the income questions too", "has_portfolio", { citizenship: "KG", second_citizenship_q: "no", it_specialty: "ai", has_degree: "yes", has_portfolio: "yes" }, "remote_income"],
    ["remote income asks how much", "remote_income", { ...base, it_specialty: "none", remote_income: "yes" }, "monthly_income"],
    ["no remote income and no IT: outcome", "remote_income", { ...base, it_specialty: "none", remote_income: "no" }, OUTCOME],
    ["no remote income but IT: criminal record", "remote_income", { ...base, it_specialty: "uiux", has_degree: "yes", has_portfolio: "yes", remote_income: "no" }, "criminal_record"],
    ["income over 3,000 asks for how long", "monthly_income", { ...base, it_specialty: "none", remote_income: "yes", monthly_income: 3000.01 }, "income_months"],
    ["income of exactly 3,000 (on the disputed line) asks for how long", "monthly_income", { ...base, it_specialty: "uiux", has_degree: "yes", has_portfolio: "yes", remote_income: "yes", monthly_income: 3000 }, "income_months"],
    ["income just under 3,000 skips the months", "monthly_income", { ...base, it_specialty: "uiux", has_degree: "yes", has_portfolio: "yes", remote_income: "yes", monthly_income: 2999.99 }, "criminal_record"],
    ["low income and no IT: outcome", "monthly_income", { ...base, it_specialty: "none", remote_income: "yes", monthly_income: 2999 }, OUTCOME],
    ["5 months and no IT: outcome", "income_months", { ...base, it_specialty: "none", remote_income: "yes", monthly_income: 4000, income_months: 5 }, OUTCOME],
    ["6 months: criminal record", "income_months", { ...base, it_specialty: "none", remote_income: "yes", monthly_income: 4000, income_months: 6 }, "criminal_record"],
    ["a criminal record ends the check", "criminal_record", { ...base, it_specialty: "ai", has_degree: "yes", has_portfolio: "yes", remote_income: "no", criminal_record: "yes" }, OUTCOME],
    ["a clean record asks for the passport", "criminal_record", { ...base, it_specialty: "ai", has_degree: "yes", has_portfolio: "yes", remote_income: "no", criminal_record: "no" }, "passport_expiry"],
    ["the passport is the last question", "passport_expiry", { ...base, it_specialty: "ai", has_degree: "yes", has_portfolio: "yes", remote_income: "no", criminal_record: "no", passport_expiry: "2030-01-01" }, OUTCOME],
  ];
  it.each(cases)("%s", (_name, id, answers, expected) => {
    expect(nextNode(id, answers)).toBe(expected);
  });
});

describe("validation", () => {
  const context: Answers = { citizenship: "DE" };
  it.each(NODE_IDS.flatMap((id) => INVALID[id].map((raw) => [id, raw] as const)))("%s refuses %j", (id, raw) => {
    const v = getNode(id).validate(raw, context);
    expect(v.ok).toBe(false);
  });

  it("returns a stable error code per kind", () => {
    expect(getNode("citizenship").validate("XX", {})).toEqual({ ok: false, error: "invalid_country" });
    expect(getNode("second_citizenship").validate("de", context)).toEqual({ ok: false, error: "same_citizenship" });
    expect(getNode("it_specialty").validate("java", {})).toEqual({ ok: false, error: "invalid_choice" });
    expect(getNode("monthly_income").validate(-5, {})).toEqual({ ok: false, error: "invalid_amount" });
    expect(getNode("income_months").validate(601, {})).toEqual({ ok: false, error: "invalid_count" });
    expect(getNode("passport_expiry").validate("2027-02-29", {})).toEqual({ ok: false, error: "invalid_date" });
  });

  it("normalizes what it accepts", () => {
    expect(getNode("citizenship").validate(" de ", {})).toEqual({ ok: true, value: "DE" });
    expect(getNode("second_citizenship_q").validate("Yes", {})).toEqual({ ok: true, value: "yes" });
    expect(getNode("monthly_income").validate(0, {})).toEqual({ ok: true, value: 0 });
    expect(getNode("income_months").validate(600, {})).toEqual({ ok: true, value: 600 });
    expect(getNode("passport_expiry").validate("2028-02-29", {})).toEqual({ ok: true, value: "2028-02-29" });
  });

  it("accepts every country code the input parsers can return", () => {
    for (const code of countryIndex().codes) {
      expect(getNode("citizenship").validate(code, {}), code).toEqual({ ok: true, value: code });
    }
  });

  it("offers every IT specialty and yes/no as option ids", () => {
    const it = getNode("it_specialty");
    expect(it.kind === "choice" && it.options).toEqual(IT_SPECIALTIES);
    const yn = getNode("criminal_record");
    expect(yn.kind === "choice" && yn.options).toEqual(["yes", "no"]);
  });
});

describe("state: answering, going back, building the profile", () => {
  const play = (...raws: unknown[]): CheckState =>
    raws.reduce<CheckState>((s, raw) => {
      const r = answerCurrent(s, raw);
      if (!r.ok) throw new Error(`${r.node}: ${r.error}`);
      return r.state;
    }, initialState);

  it("walks a full check and assesses it", () => {
    const s = play("dz", "no", "programming", "yes", "yes", "yes", 3500, 12, "no", "2036-11-21");
    expect(currentNode(s)).toBe(OUTCOME);
    const { results } = assess(toProfile(s.answers), { today: TODAY });
    expect(results.map((r) => r.verdict)).toEqual(["unsure", "eligible_with_invitation"]);
    expect(results[0]!.reasons[0]).toBe("pilot_status_unconfirmed");
    expect(assess(toProfile(s.answers), { today: "2025-06-02" }).results[0]!.verdict).toBe("eligible");
  });

  it("keeps the state when an answer is invalid", () => {
    const s = play("DE");
    const r = answerCurrent(s, "perhaps");
    expect(r).toEqual({ ok: false, node: "second_citizenship_q", error: "invalid_choice" });
    expect(currentNode(s)).toBe("second_citizenship_q");
  });

  it("back drops the last answer, so a changed answer takes a new path", () => {
    let s = play("DZ", "no", "none");
    expect(currentNode(s)).toBe("remote_income");
    s = back(s);
    expect(s.answered).toEqual(["citizenship", "second_citizenship_q"]);
    expect(s.answers.it_specialty).toBeUndefined();
    const r = answerCurrent(s, "ai");
    expect(r.ok && r.next).toBe("has_degree");
    expect(back(initialState)).toBe(initialState);
  });

  it("survives a JSON round trip", () => {
    const s = play("CN", "yes", "DZ", "cybersecurity");
    const restored = JSON.parse(JSON.stringify(s)) as CheckState;
    expect(currentNode(restored)).toBe("has_degree");
  });

  it("toProfile refuses an incomplete check and fills skipped questions harmlessly", () => {
    expect(() => toProfile({ citizenship: "DZ" })).toThrow(/not complete: question "second_citizenship_q"/);
    const s = play("DZ", "no", "none", "no");
    const p = toProfile(s.answers);
    expect(p).toMatchObject({ citizenships: ["DZ"], itSpecialty: "none", remoteForeignIncome: false, criminalRecord: false });
    const { results } = assess(p, { today: TODAY });
    expect(results).toEqual([
      { program: "B9-1", verdict: "not_eligible", reasons: ["not_it_specialty"] },
      { program: "B12-1", verdict: "not_eligible", reasons: ["no_remote_foreign_income"] },
    ]);
  });

  it("toProfile ignores answers that are off the path", () => {
    const answers: Answers = { citizenship: "DZ", second_citizenship_q: "no", second_citizenship: "DE", it_specialty: "none", remote_income: "no", has_degree: "no" };
    expect(toProfile(answers)).toMatchObject({ citizenships: ["DZ"], hasDegree: true });
  });
});
