import type { Conversation } from "@grammyjs/conversations";
import type { Context } from "grammy";

/** Unusable answers in a row after which a flow offers to start over (and keeps offering). */
export const MAX_INVALID_IN_A_ROW = 3;

/**
 * The conversations plugin stores every update a flow waited for and every Bot API result since
 * it began, and replays them all on each update: a flow that loops on `wait()` grows with every
 * answer (1,000 garbage answers in /check were 4.8 MB and 102 ms a step). So each step of our
 * flows ends by handing its state over and rewinding to a checkpoint taken at the start; the
 * replay reads the state back through `external` and waits for the next update, and the stored
 * log holds one step, whatever came before.
 *
 * The plugin cannot pass a value through `rewind`, so the value waits here, in memory, between
 * `put` and `take`: both happen while one update is handled (a chat's updates are handled one at
 * a time), so nothing is kept here between updates and a process restart loses nothing.
 */
export class Carry<T> {
  private readonly waiting = new Map<string, T>();

  put(key: string, value: T): void {
    this.waiting.set(key, value);
  }

  take(key: string): T | null {
    const value = this.waiting.get(key);
    this.waiting.delete(key);
    return value ?? null;
  }
}

export interface Step<T> {
  /** The state carried from the previous step, or the initial one. */
  state: T;
  /** Ends this step: the next update finds `state`. Never returns. */
  next(state: T): Promise<never>;
}

/**
 * Starts a step (see Carry): call it once, after what the flow does only at its very start, and
 * before it asks anything. Everything after it runs once per update, on a log of one step.
 */
export async function beginStep<T, OC extends Context, C extends Context>(
  conversation: Conversation<OC, C>,
  carry: Carry<T>,
  key: string,
  initial: T,
): Promise<Step<T>> {
  const origin = conversation.checkpoint();
  const state = (await conversation.external(() => carry.take(key))) ?? initial;
  return {
    state,
    next: async (nextState: T) => {
      await conversation.external(() => carry.put(key, nextState));
      return conversation.rewind(origin);
    },
  };
}
