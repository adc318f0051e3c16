/**
 * The /check question graph: which question comes next, declared apart from the policy. Questions are asked in
 * a fixed order; a question is skipped when its answer can no longer change any verdict, and the check ends
 * ("outcome") as soon as both programs are decided not_eligible. No text here: the bot renders node ids and
 * option ids through locale keys.
 */
import { anyProgramOpen, type Answers, incomeMayQualify, isKazakh, isStateless, YES_NO } from "./answers.js";
import { IT_SPECIALTIES } from "./codes.js";
import type { IncomeValue } from "./income.js";
import {
  type Validation,
  validateAmount,
  validateChoice,
  validateCount,
  validateCountry,
  validateDate,
} from "./validate.js";

export const NODE_IDS = [
  "citizenship",
  "second_citizenship_q",
  "second_citizenship",
  "it_specialty",
  "has_degree",
  "has_portfolio",
  "remote_income",
  "monthly_income",
  "income_months",
  "criminal_record",
  "passport_expiry",
] as const;
export type NodeId = (typeof NODE_IDS)[number];
export const OUTCOME = "outcome";
export type NextId = NodeId | typeof OUTCOME;
export type NodeKind = "choice" | "country" | "amount" | "count" | "date";

interface NodeBase {
  readonly id: NodeId;
  readonly kind: NodeKind;
  /** Every id `next` can return; the graph tests prove each one is reached. */
  readonly exits: readonly NextId[];
  /** The next question for these answers (this node's answer included), or "outcome". */
  next(answers: Answers): NextId;
  /** Checks and normalizes a raw answer; pure. */
  validate(raw: unknown, answers: Answers): Validation<string | number | IncomeValue>;
}
export interface ChoiceNode extends NodeBase { readonly kind: "choice"; readonly options: readonly string[] }
export interface CountryNode extends NodeBase { readonly kind: "country" }
export interface AmountNode extends NodeBase { readonly kind: "amount"; readonly unit: "USD" }
export interface CountNode extends NodeBase { readonly kind: "count"; readonly unit: "months"; readonly min: number; readonly max: number }
export interface DateNode extends NodeBase { readonly kind: "date" }
export type QuestionNode = ChoiceNode | CountryNode | AmountNode | CountNode | DateNode;

/** Whether a question can still change a verdict, given the answers before it. */
const ASKS: Record<NodeId, (a: Answers) => boolean> = {
  citizenship: () => true,
  second_citizenship_q: (a) => !isKazakh(a) && !isStateless(a),
  second_citizenship: (a) => ASKS.second_citizenship_q(a) && a.second_citizenship_q === "yes",
  it_specialty: (a) => !isKazakh(a),
  has_degree: (a) => !isKazakh(a) && a.it_specialty !== undefined && a.it_specialty !== "none",
  has_portfolio: (a) => ASKS.has_degree(a),
  remote_income: (a) => !isKazakh(a),
  monthly_income: (a) => ASKS.remote_income(a) && a.remote_income === "yes",
  income_months: (a) => ASKS.monthly_income(a) && a.monthly_income !== undefined && incomeMayQualify(a.monthly_income),
  criminal_record: (a) => !isKazakh(a) && anyProgramOpen(a),
  passport_expiry: (a) => !isKazakh(a) && anyProgramOpen(a),
};

/** The answers to the questions before `id` only, so a re-walk of complete answers routes as the first walk did. */
function answersBefore(id: NodeId, answers: Answers): Answers {
  const out: Record<string, unknown> = {};
  for (const earlier of NODE_IDS.slice(0, NODE_IDS.indexOf(id))) {
    if (answers[earlier] !== undefined) out[earlier] = answers[earlier];
  }
  return out as Answers;
}

/** The first question after `id` that can still change a verdict, or "outcome". */
function nextAfter(id: NodeId, answers: Answers): NextId {
  for (const candidate of NODE_IDS.slice(NODE_IDS.indexOf(id) + 1)) {
    if (ASKS[candidate](answersBefore(candidate, answers))) return candidate;
  }
  return OUTCOME;
}

const MONTHS_MAX = 600;

const NODES: Readonly<Record<NodeId, QuestionNode>> = {
  citizenship: {
    id: "citizenship",
    kind: "country",
    exits: ["second_citizenship_q", "it_specialty", OUTCOME],
    next: (a) => nextAfter("citizenship", a),
    validate: (raw) => validateCountry(raw, true),
  },
  second_citizenship_q: {
    id: "second_citizenship_q",
    kind: "choice",
    options: YES_NO,
    exits: ["second_citizenship", "it_specialty"],
    next: (a) => nextAfter("second_citizenship_q", a),
    validate: (raw) => validateChoice(raw, YES_NO),
  },
  second_citizenship: {
    id: "second_citizenship",
    kind: "country",
    exits: ["it_specialty", OUTCOME],
    next: (a) => nextAfter("second_citizenship", a),
    validate: (raw, a) => {
      const v = validateCountry(raw);
      return v.ok && v.value === a.citizenship ? { ok: false, error: "same_citizenship" } : v;
    },
  },
  it_specialty: {
    id: "it_specialty",
    kind: "choice",
    options: IT_SPECIALTIES,
    exits: ["has_degree", "remote_income"],
    next: (a) => nextAfter("it_specialty", a),
    validate: (raw) => validateChoice(raw, IT_SPECIALTIES),
  },
  has_degree: {
    id: "has_degree",
    kind: "choice",
    options: YES_NO,
    exits: ["has_portfolio"],
    next: (a) => nextAfter("has_degree", a),
    validate: (raw) => validateChoice(raw, YES_NO),
  },
  has_portfolio: {
    id: "has_portfolio",
    kind: "choice",
    options: YES_NO,
    exits: ["remote_income"],
    next: (a) => nextAfter("has_portfolio", a),
    validate: (raw) => validateChoice(raw, YES_NO),
  },
  remote_income: {
    id: "remote_income",
    kind: "choice",
    options: YES_NO,
    exits: ["monthly_income", "criminal_record", OUTCOME],
    next: (a) => nextAfter("remote_income", a),
    validate: (raw) => validateChoice(raw, YES_NO),
  },
  monthly_income: {
    id: "monthly_income",
    kind: "amount",
    unit: "USD",
    exits: ["income_months", "criminal_record", OUTCOME],
    next: (a) => nextAfter("monthly_income", a),
    validate: (raw) => validateAmount(raw),
  },
  income_months: {
    id: "income_months",
    kind: "count",
    unit: "months",
    min: 0,
    max: MONTHS_MAX,
    exits: ["criminal_record", OUTCOME],
    next: (a) => nextAfter("income_months", a),
    validate: (raw) => validateCount(raw, 0, MONTHS_MAX),
  },
  criminal_record: {
    id: "criminal_record",
    kind: "choice",
    options: YES_NO,
    exits: ["passport_expiry", OUTCOME],
    next: (a) => nextAfter("criminal_record", a),
    validate: (raw) => validateChoice(raw, YES_NO),
  },
  passport_expiry: {
    id: "passport_expiry",
    kind: "date",
    exits: [OUTCOME],
    next: (a) => nextAfter("passport_expiry", a),
    validate: (raw) => validateDate(raw),
  },
};

/** The question every check starts with. */
export const firstNode: NodeId = "citizenship";

/** True for a string that names a question of the graph (e.g. one read back from storage). */
export function isNodeId(id: string): id is NodeId {
  return (NODE_IDS as readonly string[]).includes(id);
}

/** One question by id; throws for an unknown id so a stale stored state fails loudly. */
export function getNode(id: NodeId): QuestionNode {
  const node = NODES[id];
  if (!node) throw new Error(`Unknown question "${String(id)}"; expected one of ${NODE_IDS.join(", ")}`);
  return node;
}

/** The question after `id` given the answers so far (including the answer to `id`), or "outcome". */
export function nextNode(id: NodeId, answers: Answers): NextId {
  return getNode(id).next(answers);
}
