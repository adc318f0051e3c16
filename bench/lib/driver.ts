import { AsyncLocalStorage } from "node:async_hooks";
import type { Bot, Context } from "grammy";
import type { Update } from "grammy/types";
import type { FastApi, Sent } from "./fastApi.js";

/** One thing a person does: type a text, or press the button whose label is given. */
export type Step = { text: string; press?: undefined } | { press: string; text?: undefined };

export interface Script {
  /** Same name, same replies: the reference is taken from one sequential run of the script. */
  name: string;
  lang: string;
  kind: "faq" | "check" | "command";
  steps: Step[];
}

/** What the bot answered one update: the texts sent or edited, and the buttons of the latest keyboard. */
export interface Reply {
  texts: string[];
  /** Whether a callback query was answered (presses must be). */
  answered: boolean;
}

interface Person {
  id: number;
  script: Script;
  next: number;
  /** The latest message of the bot that carried an inline keyboard. */
  keyboard?: Record<string, unknown>;
  updateId: number;
}

let updateIds = 1;

/** Turns of the event loop so far, counted by `countTurns()` (for `mixed.ts --split`): how many turns an update waits. */
export const turns = { n: 0, generation: 0 };
/** When each person's update in flight was handed over (for `mixed.ts --split`). */
export const startedAt = new Map<number, bigint>();
/** The update being handled, as its async context sees it (for `mixed.ts --split`). */
export const tracing = { on: false };
export const current = new AsyncLocalStorage<{ id: number; kind: string; step: number }>();
export function countTurns(on: boolean): void {
  const generation = ++turns.generation;
  const tick = () => {
    turns.n++;
    if (turns.generation === generation) setImmediate(tick);
  };
  if (on) setImmediate(tick);
}

/** Builds the update for a person's next step. */
function updateFor(p: Person): Update {
  const step = p.script.steps[p.next]!;
  const from = { id: p.id, is_bot: false, first_name: "Alex", language_code: p.script.lang };
  const date = Math.floor(Date.now() / 1000);
  if (step.text !== undefined) {
    const command = /^\/[a-z]+/.exec(step.text);
    return {
      update_id: updateIds++,
      message: {
        message_id: updateIds,
        date,
        chat: { id: p.id, type: "private", first_name: "Alex" },
        from,
        text: step.text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    } as Update;
  }
  const rows = ((p.keyboard?.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> })?.inline_keyboard ?? []).flat();
  const button = rows.find((b) => b.text === step.press) ?? rows.find((b) => b.text.includes(step.press));
  if (!button?.callback_data) throw new Error(`${p.script.name} step ${p.next}: no button "${step.press}" in [${rows.map((b) => b.text).join(" | ")}]`);
  return {
    update_id: updateIds++,
    callback_query: { id: String(updateIds), from, chat_instance: "ci", data: button.callback_data, message: p.keyboard },
  } as Update;
}

function readReply(p: Person, sent: Sent[], answered: boolean): Reply {
  const texts: string[] = [];
  for (const s of sent) {
    if (typeof s.payload.text === "string" && s.method !== "answerCallbackQuery") texts.push(s.payload.text);
    if (s.payload.reply_markup && (s.payload.reply_markup as { inline_keyboard?: unknown }).inline_keyboard && s.result) p.keyboard = s.result;
  }
  return { texts, answered };
}

export interface RunResult {
  latencies: { kind: string; step: number; press: boolean; ms: number; turns: number }[];
  updates: number;
  seconds: number;
  wrong: string[];
}

/** Plays one step of person `p` and records it; returns the error text of a wrong reply (or of a missing button). */
async function playStep(bot: Bot<Context> | Bot<never>, api: FastApi, p: Person, check: (script: Script, step: number, reply: Reply) => string | undefined, out: RunResult["latencies"]): Promise<string | undefined> {
  let update: Update;
  try {
    update = updateFor(p);
  } catch (err) {
    // The previous reply lacked the button this step presses: a wrong reply, and the script ends here.
    p.next = p.script.steps.length;
    return err instanceof Error ? err.message : String(err);
  }
  const t0 = process.hrtime.bigint();
  const n0 = turns.n;
  startedAt.set(p.id, t0);
  // The async context costs every promise of the update: only when asked for (`tracing.on`).
  if (tracing.on) await current.run({ id: p.id, kind: p.script.kind, step: p.next }, () => (bot as Bot).handleUpdate(update));
  else await (bot as Bot).handleUpdate(update);
  out.push({ kind: p.script.kind, step: p.next, press: p.script.steps[p.next]!.press !== undefined, ms: Number(process.hrtime.bigint() - t0) / 1e6, turns: turns.n - n0 });
  const err = check(p.script, p.next, readReply(p, api.take(p.id), update.callback_query !== undefined && api.answered.delete(update.callback_query.id)));
  p.next++;
  return err;
}

/**
 * A steady stream of people (mixed.ts): `waiting` people queue for their next step, `inFlight` updates are
 * handled at a time, a person who has played a step queues again at the back, and one whose script ended is
 * replaced by a newcomer at once. So the kinds of update in flight keep the workload's mix at every moment.
 * (Playing a fixed set of people to the end, as `play` does, does not: once the short scripts are done only
 * /check people are left, and their results all come at the end of the round together.)
 * `run(n)` plays the next `n` updates and measures them; `drain()` plays everyone queued to the end of their
 * script, unmeasured, so nobody is left inside a conversation when the stream stops.
 */
export function stream(
  bot: Bot<Context> | Bot<never>,
  api: FastApi,
  newcomer: () => { id: number; script: Script },
  waiting: number,
  inFlight: number,
  check: (script: Script, step: number, reply: Reply) => string | undefined,
) {
  const join = (): Person => ({ ...newcomer(), next: 0, updateId: 0 });
  let ready: Person[] = Array.from({ length: waiting }, join);
  let head = 0;
  const take = (): Person | undefined => {
    if (head >= ready.length) return undefined;
    const p = ready[head++]!;
    if (head > 4096) {
      ready = ready.slice(head);
      head = 0;
    }
    return p;
  };
  async function playFor(budget: number, newcomers: boolean): Promise<RunResult> {
    const latencies: RunResult["latencies"] = [];
    const wrong: string[] = [];
    let handed = 0;
    let active = 0;
    const waiters: Array<() => void> = [];
    const wake = () => waiters.splice(0).forEach((w) => w());
    const started = process.hrtime.bigint();
    const worker = async () => {
      for (;;) {
        const p = handed < budget ? take() : undefined;
        if (!p) {
          if (active === 0) return wake();
          await new Promise<void>((r) => waiters.push(r));
          continue;
        }
        handed++;
        active++;
        const err = await playStep(bot, api, p, check, latencies);
        if (err) wrong.push(err);
        active--;
        if (p.next < p.script.steps.length) ready.push(p);
        else if (newcomers) ready.push(join());
        wake();
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { latencies, updates: latencies.length, seconds, wrong };
  }
  return {
    run: (updates: number) => playFor(updates, true),
    drain: async () => {
      await playFor(Infinity, false);
    },
  };
}

/**
 * Plays the scripts of `people` with `inFlight` updates at a time; one person has at most one update in
 * flight, so each chat's order is kept. `check(script, step, reply)` returns an error text or undefined.
 */
export async function play(
  bot: Bot<Context> | Bot<never>,
  api: FastApi,
  people: Array<{ id: number; script: Script }>,
  inFlight: number,
  check: (script: Script, step: number, reply: Reply) => string | undefined,
): Promise<RunResult> {
  const ready: Person[] = people.map((p) => ({ ...p, next: 0, updateId: 0 }));
  let head = 0;
  const latencies: RunResult["latencies"] = [];
  const wrong: string[] = [];
  const started = process.hrtime.bigint();
  let active = 0;
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const worker = async () => {
    for (;;) {
      if (head >= ready.length) {
        if (active === 0) return wake();
        await new Promise<void>((r) => waiters.push(r));
        continue;
      }
      const p = ready[head++]!;
      active++;
      const err = await playStep(bot, api, p, check, latencies);
      if (err) wrong.push(err);
      active--;
      if (p.next < p.script.steps.length) ready.push(p);
      wake();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { latencies, updates: latencies.length, seconds, wrong };
}
