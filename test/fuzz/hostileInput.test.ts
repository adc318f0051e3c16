/**
 * Issue 9, item 8: hostile input as a test. Seeded fast-check scenarios (fresh or in the middle of
 * /check and /remind) send at least FUZZ_UPDATES updates (default 10,000) through the real bot and
 * middleware over the emulated Bot API. After each update: no error was logged; a private message
 * got an answer, or the person was rate limited (then at most the one warning); a press got an
 * answer; groups and channels heard nothing they did not address to the bot; every call is one
 * Telegram accepts (telegramRules.ts); no log line holds a text, a name, the token or the key.
 */
import { rmSync } from "node:fs";
import fc from "fast-check";
import type { Update } from "grammy/types";
import { afterAll, describe, expect, it } from "vitest";
import { FAIR_USE } from "../../src/bot/middleware/rateLimit.js";
import type { ApiCall } from "../../src/local/botApiEmulator.js";
import { createHarness, TEST_KEY, type Harness } from "../helpers/testBot.js";
import { NAME_MARK, OUR_BOT, person, scenario, toUpdates, type Scenario, type SentMessageRef } from "./hostileUpdates.js";
import { violations } from "./telegramRules.js";

const TARGET = Number(process.env.FUZZ_UPDATES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const TOKEN = "TEST-TOKEN-abcdefghijklmnopqrstuvwxyz";
/** Nothing a log may hold: names, the token, the data key (hex and base64), a phone number. */
const SECRETS = [NAME_MARK, "Familyname", "qanary_user", "Qanarygroup", "Qanarychannel", TOKEN, TEST_KEY.toString("hex"), TEST_KEY.toString("base64"), "77010000000"];
/** A scenario of this many stored conversation bytes or more is a finding (see test/flows/boundedState). */
const STATE_BOUND = 16_000;

const stats = { updates: 0, scenarios: 0, floods: 0, dropped: 0, warnings: 0, byKind: new Map<string, number>(), largestState: 0 };
const dirs = new Set<string>();
let h: Harness;
let buttons: SentMessageRef[] = [];
/** When each person last got the flood warning (fake clock), to prove one warning per window. */
const lastWarning = new Map<number, number>();

afterAll(() => {
  h?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Calls that show the person something in their chat. */
const OUTGOING = ["sendMessage", "sendDocument", "editMessageText"];
const kindOf = (u: Update) => Object.keys(u).find((k) => k !== "update_id")!;
const escapedForJson = (s: string) => JSON.stringify(s).slice(1, -1);

/** Dropped by flood control, and how far over the limit (from the limiter's debug line). */
function droppedOver(logs: string[], updateId: number): number | undefined {
  for (const line of logs) {
    if (!line.includes("update dropped by the rate limit")) continue;
    const entry = JSON.parse(line) as { update_id: number; over: number };
    if (entry.update_id === updateId) return entry.over;
  }
  return undefined;
}

/** Buttons the bot sent, so that later steps can press them when they are stale. */
function rememberButtons(calls: ApiCall[]): void {
  for (const c of calls) {
    const rows = (c.payload.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)?.inline_keyboard;
    const messageId = (c.result as { message_id?: number } | undefined)?.message_id ?? Number(c.payload.message_id);
    for (const b of rows?.flat() ?? []) {
      if (b.callback_data && Number.isFinite(messageId)) buttons.push({ chatId: Number(c.payload.chat_id), messageId, data: b.callback_data });
    }
  }
  if (buttons.length > 400) buttons = buttons.slice(-200);
}

/** Checks what one update did; `texts` are what the person typed in it (must not be logged). */
function checkUpdate(update: Update, calls: ApiCall[], logs: string[], texts: string[]): void {
  const where = `update ${kindOf(update)} ${JSON.stringify(update).slice(0, 300)}`;
  const errors = logs.filter((l) => /"level":(50|60)/.test(l));
  expect(errors, `${where}: error logged`).toEqual([]);
  for (const call of calls) expect(violations(call), `${where}: ${call.method} ${JSON.stringify(call.payload).slice(0, 300)}`).toEqual([]);
  const joined = logs.join("\n");
  for (const secret of SECRETS) expect(joined.includes(secret), `${where}: log holds ${secret}`).toBe(false);
  for (const text of texts) {
    const t = text.trim();
    if (t.length >= 8 && !/^\/\w+$/.test(t)) expect(joined.includes(t) || joined.includes(escapedForJson(t)), `${where}: log holds the text`).toBe(false);
  }

  const over = droppedOver(logs, update.update_id);
  if (over !== undefined) stats.dropped++;
  const msg = update.message ?? update.edited_message;
  const sentTo = (chatId: number) => calls.filter((c) => OUTGOING.includes(c.method) && Number(c.payload.chat_id) === chatId);
  if (msg && msg.chat.type === "private") {
    const replies = sentTo(msg.chat.id);
    if (over === undefined) expect(replies.length, `${where}: no answer`).toBeGreaterThan(0);
    else if (over === 1) {
      expect(replies.map((r) => r.payload.text), `${where}: the warning`).toHaveLength(1);
      const previous = lastWarning.get(msg.chat.id);
      if (previous !== undefined) expect(h.clock.now() - previous, `${where}: a second warning in one window`).toBeGreaterThanOrEqual(FAIR_USE.windowMs);
      lastWarning.set(msg.chat.id, h.clock.now());
      stats.warnings++;
    } else expect(replies, `${where}: answered although dropped`).toEqual([]);
  }
  if (msg && msg.chat.type !== "private") {
    const addressed = new RegExp(`^/\\w+@${OUR_BOT}\\b`, "i").test(msg.text ?? "") && update.message !== undefined;
    if (!addressed) expect(sentTo(msg.chat.id), `${where}: spoke in a group unasked`).toEqual([]);
  }
  if (update.channel_post || update.edited_channel_post) expect(calls, `${where}: acted on a channel post`).toEqual([]);
  const cq = update.callback_query;
  if (cq && (over === undefined || over <= FAIR_USE.limit)) {
    expect(calls.filter((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === cq.id), `${where}: press not answered`).toHaveLength(1);
  }
}

async function deliver(update: Update, texts: string[]): Promise<void> {
  const callsFrom = h.api.calls.length;
  const logsFrom = h.logs.length;
  await h.bot.handleUpdate(update);
  const calls = h.api.calls.slice(callsFrom);
  rememberButtons(calls);
  checkUpdate(update, calls, h.logs.slice(logsFrom), texts);
  stats.updates++;
  stats.byKind.set(kindOf(update), (stats.byKind.get(kindOf(update)) ?? 0) + 1);
}

/** A flood arrives all at once, handled concurrently as the runner would. */
async function deliverFlood(updates: Update[], chatId: number): Promise<void> {
  const callsFrom = h.api.calls.length;
  const logsFrom = h.logs.length;
  await Promise.all(updates.map((u) => h.bot.handleUpdate(u)));
  const calls = h.api.calls.slice(callsFrom);
  const logs = h.logs.slice(logsFrom);
  rememberButtons(calls);
  expect(logs.filter((l) => /"level":(50|60)/.test(l)), "flood: error logged").toEqual([]);
  for (const call of calls) expect(violations(call), `flood: ${call.method}`).toEqual([]);
  const dropped = updates.map((u) => droppedOver(logs, u.update_id)).filter((o) => o !== undefined);
  expect(dropped.filter((o) => o === 1).length, "flood: more than one warning").toBeLessThanOrEqual(1);
  const replies = calls.filter((c) => OUTGOING.includes(c.method) && Number(c.payload.chat_id) === chatId);
  const presses = updates.filter((u) => u.callback_query);
  if (presses.length === 0) expect(replies.length, "flood: a handled message went unanswered").toBeGreaterThanOrEqual(updates.length - dropped.length);
  for (const u of presses) {
    const over = droppedOver(logs, u.update_id);
    const answers = calls.filter((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === u.callback_query!.id);
    expect(answers, `flood: press answered ${answers.length} times (over the limit by ${over})`).toHaveLength(over === undefined || over <= FAIR_USE.limit ? 1 : 0);
    if (over === 1) expect(answers[0]!.payload.show_alert, "flood: the warning is an alert").toBe(true);
  }
  if (dropped.includes(1)) lastWarning.set(chatId, h.clock.now());
  stats.updates += updates.length;
  stats.dropped += dropped.length;
  stats.warnings += dropped.filter((o) => o === 1).length;
  stats.floods++;
  stats.byKind.set(presses.length ? "flood of presses" : "flood of messages", (stats.byKind.get(presses.length ? "flood of presses" : "flood of messages") ?? 0) + updates.length);
}

async function run(sc: Scenario): Promise<void> {
  const u = person(sc.person, sc.language);
  const seconds = () => Math.floor(h.clock.now() / 1000);
  for (const text of sc.prelude) {
    h.clock.advance(FAIR_USE.windowMs);
    await deliver(toUpdates({ kind: "text", text, where: "private" }, u, seconds(), buttons, () => undefined)[0]!, [text]);
  }
  for (const { step, pauseMs } of sc.steps) {
    h.clock.advance(pauseMs);
    const updates = toUpdates(step, u, seconds(), buttons, (chatId, id) => h.api.message(chatId, id));
    if (step.kind === "flood") await deliverFlood(updates, u.id);
    else await deliver(updates[0]!, "text" in step ? [step.text] : []);
  }
  const state = await h.services.stores.conversations.read(String(u.id));
  const bytes = Buffer.byteLength(JSON.stringify(state ?? null));
  stats.largestState = Math.max(stats.largestState, bytes);
  expect(bytes, "stored conversation state").toBeLessThan(STATE_BOUND);
  stats.scenarios++;
}

describe("hostile input", () => {
  it(`survives at least ${TARGET} generated updates, fresh and mid-conversation`, async () => {
    const started = performance.now();
    h = await createHarness({ logLevel: "debug" });
    dirs.add(h.dataDir);
    for (let batch = 0; stats.updates < TARGET; batch++) {
      await fc.assert(fc.asyncProperty(scenario, run), { seed: SEED + batch, numRuns: 20, endOnFailure: true });
      // Now and then the process restarts: open conversations must resume from the database.
      if (batch % 10 === 9) {
        h = await h.restart();
        buttons = [];
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz: ${stats.updates} updates in ${stats.scenarios} scenarios (${stats.floods} floods, ${stats.dropped} dropped by flood control, ${stats.warnings} warnings), ` +
        `largest stored conversation ${stats.largestState} bytes, ${seconds} s; by kind ${JSON.stringify(Object.fromEntries(stats.byKind))}`,
    );
    expect(stats.updates).toBeGreaterThanOrEqual(TARGET);
  }, 300_000);
});
