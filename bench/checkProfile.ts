/**
 * Where a /check step's time goes: plays whole /check scripts (all languages, typed and pressed answers, a
 * country typed with a typo) one update at a time on the real bot under the V8 profiler, and prints the inclusive
 * time of the functions that parse, render and replay, per update, by the step of the script (every person
 * plays step k, profiled on its own, then step k + 1). Replays should do no
 * parsing: the parsers' time should not grow with the step, and `matchCountry`, `parseAmount`, `parseDuration`,
 * `parseDate` should show up only on the step that answers with them.
 * `npx tsx bench/checkProfile.ts [--quick] [--save file.cpuprofile]` (the profile saved is the last step's).
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import type { Update } from "grammy/types";
import type { Script } from "./lib/driver.js";
import { realBot } from "./lib/realBot.js";
import { quick, report } from "./lib/stats.js";
import { checkScript, LANGS } from "./lib/workload.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Functions to follow (names as V8 reports them). */
const WATCH = [
  "interpret", "matchCountry", "fuzzyCountryCodes", "parseAmount", "parseDuration", "parseDate", "matchSpecialty",
  "checkVars", "ask", "questionText", "showOutcome", "beginStep", "replayState", "handleUpdate",
];

/** Inclusive milliseconds per watched function (a sample counts once for a function however deep it recurses). */
function inclusive(profile: Profile): Record<string, number> {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const out: Record<string, number> = Object.fromEntries(WATCH.map((w) => [w, 0]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (Object.hasOwn(out, name) && !seen.has(name)) (seen.add(name), (out[name]! += dt));
    }
  });
  out.profiled_total = total;
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

const rb = await realBot();
const scripts = LANGS.flatMap((l) => [checkScript(rb.services.i18n, l, false), checkScript(rb.services.i18n, l, true)]);
const PEOPLE = quick ? 48 : 160;
const steps = scripts[0]!.steps.length;

interface Person {
  id: number;
  script: Script;
  keyboard?: Record<string, unknown>;
}
let updateId = 1;
/** The update for step k of a person's script, a press on the latest keyboard's button by its label. */
function updateFor(p: Person, k: number): Update {
  const step = p.script.steps[k]!;
  const from = { id: p.id, is_bot: false, first_name: "Alex", language_code: p.script.lang };
  const date = Math.floor(Date.now() / 1000);
  if (step.text !== undefined) {
    const command = /^\/[a-z]+/.exec(step.text);
    const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
    return { update_id: updateId++, message: { message_id: updateId, date, chat: { id: p.id, type: "private", first_name: "Alex" }, from, text: step.text, ...(entities ? { entities } : {}) } };
  }
  const rows = ((p.keyboard?.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> })?.inline_keyboard ?? []).flat();
  const button = rows.find((b) => b.text === step.press) ?? rows.find((b) => b.text.includes(step.press));
  if (!button?.callback_data) throw new Error(`${p.script.name} step ${k}: no button "${step.press}"`);
  return { update_id: updateId++, callback_query: { id: String(updateId), from, chat_instance: "ci", data: button.callback_data, message: p.keyboard as never } };
}
/** Step k for every person, one update at a time. */
async function playStep(people: Person[], k: number): Promise<void> {
  for (const p of people) {
    await rb.bot.handleUpdate(updateFor(p, k));
    for (const sent of rb.api.take(p.id)) {
      if ((sent.payload.reply_markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard && sent.result) p.keyboard = sent.result;
    }
  }
}

let nextId = 5_000_000;
const crowd = (n: number) => Array.from({ length: n }, (_, i): Person => ({ id: nextId++, script: scripts[i % scripts.length]! }));
// Warm-up, unprofiled: every script once.
const warm = crowd(scripts.length);
for (let k = 0; k < steps; k++) await playStep(warm, k);

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 100 });
const people = crowd(PEOPLE);
const per: Array<Record<string, number>> = [];
let saved: Profile | undefined;
for (let k = 0; k < steps; k++) {
  await session.post("Profiler.start");
  const started = process.hrtime.bigint();
  await playStep(people, k);
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const { profile } = await session.post("Profiler.stop");
  saved = profile as Profile;
  const times = inclusive(saved);
  per.push(Object.fromEntries(Object.entries({ wall_ms: wall, ...times }).map(([key, v]) => [key, Math.round((v / PEOPLE) * 1000) / 1000])));
}
session.disconnect();
rb.close();

per.forEach((r, k) => {
  const step = scripts[0]!.steps[k]!;
  process.stderr.write(`step ${k} (${step.text !== undefined ? "typed" : "pressed"}), ms per update: ${Object.entries(r).filter(([, v]) => v !== 0).map(([key, v]) => `${key} ${v}`).join(", ")}\n`);
});
const save = process.argv.indexOf("--save");
if (save > 0 && saved) writeFileSync(process.argv[save + 1]!, JSON.stringify(saved));
report({ people: PEOPLE, steps_per_check: steps, ms_per_update_by_step: per });
