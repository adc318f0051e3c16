/**
 * The state of one check: the ordered list of answered question ids plus the answers. Going back drops the
 * last answer, so changing an earlier answer is just going back to it. Plain JSON throughout.
 */
import { type Answers, fillProfile } from "./answers.js";
import { firstNode, getNode, type NextId, type NodeId, nextNode, OUTCOME } from "./graph.js";
import type { Profile } from "./profile.js";
import type { ValidationError } from "./validate.js";

export interface CheckState {
  readonly answered: readonly NodeId[];
  readonly answers: Answers;
}

/** A check that has not started. */
export const initialState: CheckState = { answered: [], answers: {} };

/** The questions on the path the answers take, in order, up to and including the first unanswered one. */
export function pathOf(answers: Answers): NextId[] {
  const path: NextId[] = [];
  let id: NextId = firstNode;
  for (;;) {
    path.push(id);
    if (id === OUTCOME || answers[id] === undefined) return path;
    if (path.length > 64) throw new Error("The question graph loops; this is a bug in src/rules/eligibility/graph.ts");
    id = nextNode(id, answers);
  }
}

/** The question to ask now, or "outcome" when the answers are complete. */
export function currentNode(state: CheckState): NextId {
  return pathOf(state.answers).at(-1) ?? firstNode;
}

export type AnswerResult =
  | { ok: true; state: CheckState; next: NextId }
  | { ok: false; node: NodeId; error: ValidationError };

/** Validates `raw` as the answer to the current question and moves on; an invalid answer leaves the state as it was. */
export function answerCurrent(state: CheckState, raw: unknown): AnswerResult {
  const id = currentNode(state);
  if (id === OUTCOME) throw new Error("The check is complete: show the outcome, or call back() to change an answer");
  const v = getNode(id).validate(raw, state.answers);
  if (!v.ok) return { ok: false, node: id, error: v.error };
  const answers = { ...state.answers, [id]: v.value } as Answers;
  const next = currentNode({ answered: [], answers });
  return { ok: true, state: { answered: [...state.answered, id], answers }, next };
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
  const path = pathOf(answers);
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
  const before = pathOf(answers).filter((n): n is NodeId => n !== OUTCOME && answers[n] !== undefined);
  return { answered: before, answers };
}

/** The answered questions on the path of complete answers, in order: the "Your answers" list. */
export function answeredPath(answers: Answers): NodeId[] {
  return pathOf(answers).filter((n): n is NodeId => n !== OUTCOME && answers[n] !== undefined);
}
