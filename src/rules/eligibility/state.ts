/**
 * The state of one check: the ordered list of answered question ids plus the answers. Going back drops the
 * last answer, so changing an earlier answer is just going back to it. Plain JSON throughout.
 */
import { type Answers, fillProfile } from "./answers.js";
import { firstNode, getNode, isNodeId, type NextId, NODE_IDS, type NodeId, nextNode, OUTCOME } from "./graph.js";
import type { Profile } from "./profile.js";
import { type PolicyRules, policyRules } from "./rules.js";
import type { ValidationError } from "./validate.js";

export interface CheckState {
  readonly answered: readonly NodeId[];
  readonly answers: Answers;
}

/** A check that has not started. */
export const initialState: CheckState = { answered: [], answers: {} };

/**
 * Walks on from the end of `path` (the questions before it routed as they do for `answers`), up to and
 * including the first unanswered question, or "outcome".
 */
function walk(path: NextId[], answers: Answers): NextId[] {
  let id: NextId = path.at(-1) ?? firstNode;
  if (path.length === 0) path.push(id);
  for (;;) {
    if (id === OUTCOME || answers[id] === undefined) return path;
    if (path.length > 64) throw new Error("The question graph loops; this is a bug in src/rules/eligibility/graph.ts");
    id = nextNode(id, answers);
    path.push(id);
  }
}

/**
 * Paths already walked, by the answers' value (keyOf). A /check update asks for an answers' path more than once
 * (the question it answers, the answer, the question it shows next), each walk evaluating the policy for every
 * question (anyProgramOpen), and the next update starts from the answers the last one ended with: with the memo,
 * an update walks only from the question it answers (answerCurrent).
 * What invalidates an entry: nothing but the rules. A path depends only on the answers' values (the key holds
 * every value the graph reads, typed) and on the policy rules, built once per process from facts that do not
 * change while it runs; should `policyRules()` ever hand out another object, the memo is emptied. Bounded:
 * the oldest entries go first (an entry is a few hundred bytes; a miss only costs the walk).
 */
const walked = new Map<string, readonly NextId[]>();
let walkedFor: PolicyRules | undefined;
export const PATH_MEMO_ENTRIES = 4_096;

/** The memo key of a primitive answer, typed; undefined for a value the key cannot tell apart (NaN, -0, ...). */
function scalarKey(value: unknown): string | undefined {
  if (typeof value === "string") return `s${value.length}:${value}`;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0) ? `n${value}` : undefined;
  if (typeof value === "boolean") return value ? "t" : "f";
  return undefined;
}

/** A plain object of primitives, or of plain objects of primitives (the income answer and its rate), keyed. */
function objectKey(value: object, depth: number): string | undefined {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined;
  let k = "{";
  for (const name of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[name];
    const part = typeof v === "object" && v !== null && depth > 0 ? objectKey(v, depth - 1) : scalarKey(v);
    if (part === undefined) return undefined;
    k += `${name.length}:${name}=${part};`;
  }
  return `${k}}`;
}

/** One answer's part of keyOf. */
function valueKey(v: unknown): string | undefined {
  return typeof v === "object" && v !== null ? objectKey(v, 1) : scalarKey(v);
}

/**
 * The answers' value as a string, over the questions' ids only (the graph reads nothing else); undefined when
 * an answer is of a kind the key does not describe exactly (then the path is walked, not memoized).
 */
function keyOf(answers: Answers): string | undefined {
  let k = "";
  for (const id of NODE_IDS) {
    const v: unknown = answers[id];
    if (v === undefined) continue;
    const part = valueKey(v);
    if (part === undefined) return undefined;
    k += `${id}=${part}|`;
  }
  return k;
}

function remembered(key: string | undefined): readonly NextId[] | undefined {
  const rules = policyRules();
  if (walkedFor !== rules) {
    walked.clear();
    walkedFor = rules;
  }
  return key === undefined ? undefined : walked.get(key);
}

function remember(key: string | undefined, path: NextId[]): readonly NextId[] {
  if (key === undefined) return path;
  if (walked.size >= PATH_MEMO_ENTRIES) walked.delete(walked.keys().next().value!);
  const frozen = Object.freeze(path);
  walked.set(key, frozen);
  return frozen;
}

/** pathOf, shared with the memo (never to be changed by the caller). */
function sharedPath(answers: Answers): readonly NextId[] {
  const key = keyOf(answers);
  return remembered(key) ?? remember(key, walk([], answers));
}

/** The questions on the path the answers take, in order, up to and including the first unanswered one. */
export function pathOf(answers: Answers): NextId[] {
  return [...sharedPath(answers)];
}

/** The question to ask now, or "outcome" when the answers are complete. */
export function currentNode(state: CheckState): NextId {
  return sharedPath(state.answers).at(-1) ?? firstNode;
}

export type AnswerResult =
  | { ok: true; state: CheckState; next: NextId }
  | { ok: false; node: NodeId; error: ValidationError };

/** Validates `raw` as the answer to the current question and moves on; an invalid answer leaves the state as it was. */
export function answerCurrent(state: CheckState, raw: unknown): AnswerResult {
  const before = sharedPath(state.answers);
  const id = before.at(-1) ?? firstNode;
  if (id === OUTCOME) throw new Error("The check is complete: show the outcome, or call back() to change an answer");
  const v = getNode(id).validate(raw, state.answers);
  if (!v.ok) return { ok: false, node: id, error: v.error };
  const answers = { ...state.answers, [id]: v.value } as Answers;
  // The questions before `id` route as they did: each looks only at the answers before the question it picks
  // (graph.ts, answersBefore), and none of them comes after `id`. So the walk goes on from `id`.
  const key = keyOf(answers);
  const path = remembered(key) ?? remember(key, walk([...before], answers));
  const next = path.at(-1) ?? firstNode;
  return { ok: true, state: { answered: [...state.answered, id], answers }, next };
}

/**
 * True when every answer is one its question accepts as it stands (read back from storage, a state another version
 * wrote may hold values the rules would throw on) and every answered id is a question of the graph.
 */
export function isWellFormed(state: CheckState): boolean {
  for (const [id, value] of Object.entries(state.answers)) {
    if (!isNodeId(id) || value === undefined) return false;
    const v = getNode(id).validate(value, state.answers);
    // The value as stored must be the value its question makes of it (compared as keyOf would).
    if (!v.ok || valueKey(v.value) !== valueKey(value)) return false;
  }
  return state.answered.every((id) => isNodeId(id));
}

/** Undoes the last answer (no-op at the start). */
export function back(state: CheckState): CheckState {
  const last = state.answered.at(-1);
  if (last === undefined) return state;
  const answers: Answers = { ...state.answers };
  delete answers[last];
  return { answered: state.answered.slice(0, -1), answers };
}

/**
 * The profile for `assess` once the check is complete. Only answers on the path count; a skipped question gets
 * a value that cannot change any verdict. Throws when a question on the path is still unanswered.
 */
export function toProfile(answers: Answers): Profile {
  const path = sharedPath(answers);
  const last = path.at(-1);
  if (last !== OUTCOME) throw new Error(`The check is not complete: question "${String(last)}" is unanswered`);
  const onPath: Record<string, unknown> = {};
  for (const id of path) if (id !== OUTCOME) onPath[id] = answers[id];
  return fillProfile(onPath as Answers);
}

/**
 * Reopens one answered question from the outcome ("Change"): that answer goes, every other answer stays. The
 * next question asked is `id`; after it, only questions the new answer brings onto the path are asked, and
 * answers that fall off the path are ignored by toProfile.
 */
export function reopen(state: CheckState, id: NodeId): CheckState {
  const answers: Answers = { ...state.answers };
  delete answers[id];
  const before = sharedPath(answers).filter((n): n is NodeId => n !== OUTCOME && answers[n] !== undefined);
  return { answered: before, answers };
}

/** The answered questions on the path of complete answers, in order: the "Your answers" list. */
export function answeredPath(answers: Answers): NodeId[] {
  return sharedPath(answers).filter((n): n is NodeId => n !== OUTCOME && answers[n] !== undefined);
}
