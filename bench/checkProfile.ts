/**
 * Where a /check step's time goes: plays whole /check scripts (all languages, typed and pressed answers, a
 * country typed with a typo) one update at a time on the real bot under the V8 profiler, and prints the inclusive
 * time of the functions that parse, render and replay, per update, by the step of the script (every person
 * plays step k, profiled on its own, then step k + 1). Replays should do no
 * parsing: the parsers' time should not grow with the step, and `matchCountry`, `parseAmount`, `parseDuration`,
 * `parseDate` should show up only on the step that answers with them.
 * `npx tsx bench/checkProfile.ts [--quick] [--save file.cpuprofile] [--save-steps folder]` (the profile saved is
 * the last step's; with --save-steps, each step's profile is written to folder/step-<k>.cpuprofile).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
  "checkVars", "ask", "questionText", "showOutcome", "assess", "beginStep", "replayState", "handleUpdate",
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
/**
 * Steps after the script's result: a press by callback data (the first button whose data starts with it) on the
 * latest keyboard, or a step of the script played again.
 */
type After = { data: string } | { again: number };
const AFTER: After[] = [{ data: "chk:chg:passport_expiry" }, { again: scripts[0]!.steps.length - 1 }, { data: "chk:docs:" }];
const steps = scripts[0]!.steps.length + AFTER.length;
const describe = (k: number) => {
  const after = AFTER[k - scripts[0]!.steps.length];
  if (after === undefined) return scripts[0]!.steps[k]!.text !== undefined ? "typed" : "pressed";
  return "data" in after ? `pressed ${after.data}` : `typed again`;
};

interface Person {
  id: number;
  script: Script;
  keyboard?: Record<string, unknown>;
}
let updateId = 1;
/** The update for step k of a person's script, a press on the latest keyboard's button by its label. */
function updateFor(p: Person, k: number): Update {
  const after = AFTER[k - p.script.steps.length];
  const step = after === undefined ? p.script.steps[k]! : "again" in after ? p.script.steps[after.again]! : { data: after.data, text: undefined };
  const from = { id: p.id, is_bot: false, first_name: "Alex", language_code: p.script.lang };
  const date = Math.floor(Date.now() / 1000);
  if (step.text !== undefined) {
    const command = /^\/[a-z]+/.exec(step.text);
    const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
    return { update_id: updateId++, message: { message_id: updateId, date, chat: { id: p.id, type: "private", first_name: "Alex" }, from, text: step.text, ...(entities ? { entities } : {}) } };
  }
  const rows = ((p.keyboard?.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> })?.inline_keyboard ?? []).flat();
  const button =
    "data" in step
      ? rows.find((b) => b.callback_data?.startsWith(step.data))
      : (rows.find((b) => b.text === step.press) ?? rows.find((b) => b.text.includes(step.press!)));
  if (!button?.callback_data) throw new Error(`${p.script.name} step ${k}: no button "${"data" in step ? step.data : step.press}"`);
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

const saveSteps = process.argv.includes("--save-steps") ? process.argv[process.argv.indexOf("--save-steps") + 1] : undefined;
if (saveSteps) mkdirSync(saveSteps, { recursive: true });
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
  const cpuBefore = process.cpuUsage();
  await playStep(people, k);
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  // CPU time of the process (the profiler's sampling included, the same in every run): less moved than the wall
  // time by other processes on a loaded machine.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const { profile } = await session.post("Profiler.stop");
  saved = profile as Profile;
  if (saveSteps) writeFileSync(join(saveSteps, `step-${k}.cpuprofile`), JSON.stringify(saved));
  const times = inclusive(saved);
  per.push(Object.fromEntries(Object.entries({ wall_ms: wall, cpu_ms: cpuMs, ...times }).map(([key, v]) => [key, Math.round((v / PEOPLE) * 1000) / 1000])));
}
session.disconnect();
rb.close();

per.forEach((r, k) => {
  process.stderr.write(`step ${k} (${describe(k)}), ms per update: ${Object.entries(r).filter(([, v]) => v !== 0).map(([key, v]) => `${key} ${v}`).join(", ")}\n`);
});
const save = process.argv.indexOf("--save");
if (save > 0 && saved) writeFileSync(process.argv[save + 1]!, JSON.stringify(saved));
report({ people: PEOPLE, steps_per_check: scripts[0]!.steps.length, steps_after_result: AFTER.length, ms_per_update_by_step: per });
