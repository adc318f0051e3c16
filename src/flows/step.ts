import type { z } from "zod";
import type { BotContext } from "../bot/context.js";

/** Unusable answers in a row after which a flow offers to start over (and keeps offering). */
export const MAX_INVALID_IN_A_ROW = 3;

/** What a flow does with an update that reaches it while it waits. */
export type StepResult<S> =
  /** The update is taken: `show` runs for `state`, which is stored, and the next update finds it. */
  | { kind: "next"; state: S }
  /** The flow is over and the update is taken (the stored state is deleted). */
  | { kind: "done" }
  /** The flow is over and the update goes on to the rest of the bot (a question, another command). */
  | { kind: "leave" }
  /** The update changes nothing (a press on an old button): the state stays as it was and the update is dropped. */
  | { kind: "skip" }
  /**
   * The update is not the flow's (a press on another feature's button: a reminder's Done, a FAQ topic): the flow
   * stays where it is and the update goes on to the rest of the bot.
   */
  | { kind: "pass" };

export const next = <S>(state: S): StepResult<S> => ({ kind: "next", state });
export const DONE = { kind: "done" } as const;
export const LEAVE = { kind: "leave" } as const;
export const SKIP = { kind: "skip" } as const;
export const PASS = { kind: "pass" } as const;

/** True for a button press whose data is not the flow's (`prefix`, e.g. "chk:"): the flow passes it on (PASS). */
export function isOtherFeaturesPress(ctx: BotContext, prefix: string): boolean {
  const data = ctx.callbackQuery?.data;
  return data !== undefined && !data.startsWith(prefix);
}

/**
 * A conversation as a state machine: what it stores between two updates is its state, never the updates or the
 * Bot API results, so an update costs one read and one write of that state, whatever came before.
 *
 * Why not the conversations plugin (@grammyjs/conversations, which these flows used until 2026-12-04): it keeps a
 * log of every update and call and runs the flow's code again from its start on each update (twice a step with a
 * checkpoint to keep the log short), with a new context and Api per replayed update; a /check step cost about
 * 1,260 µs of CPU against 281 for a command (bench/updateKinds.ts), over half of the mixed load's CPU, and settled
 * on a timer that made its steps wait a second event-loop turn. Our flows were already written as steps carrying
 * their state from one to the next, which is what this interface says directly.
 *
 * - `begin` runs when the flow is entered (once: an intro, the day the flow counts from) and gives the fixed part,
 *   kept as long as the flow runs, and the first state;
 * - `show` runs when the flow comes to a state (entering it, or after `next`): it asks what that state asks and
 *   returns the state to wait in (say, with the id of the message whose buttons count);
 * - `handle` takes an update that reaches the flow while it waits.
 * A step that throws changes nothing stored (see middleware/flows.ts): the person answers the same question again.
 */
export interface StepFlow<F, S> {
  readonly id: string;
  /** Checks what is read back from storage (a boundary: another version may have written it). */
  readonly stored: z.ZodType<{ fixed: F; state: S }>;
  /** Undefined when the flow cannot run for this update (no user to keep dates for). */
  begin(ctx: BotContext): Promise<{ fixed: F; state: S } | undefined>;
  show(ctx: BotContext, fixed: F, state: S): Promise<S>;
  handle(ctx: BotContext, fixed: F, state: S): Promise<StepResult<S>>;
}
