/**
 * What one update of each kind costs: the mixed workload's scripts played kind by kind on the real bot (100 in
 * flight, the same 10,000 people with stored preferences), then the bare grammY bot, each as the process's CPU time
 * per update (user + system) and the rate. A diagnostic for where the mixed figure's CPU goes, not one of issue 14's
 * figures: `npx tsx bench/updateKinds.ts [--quick]`. Replies are not checked here (`mixed.ts` checks them).
 */
import { play, type Script } from "./lib/driver.js";
import { bareBot, realBot } from "./lib/realBot.js";
import { median, quick } from "./lib/stats.js";
import { mixedWorkload } from "./lib/workload.js";

const USERS = 10_000;
const ROUNDS = quick ? 2 : 4;
/** People a round per kind: a /check is 13 updates, a command script 4, a question script 3. */
const PEOPLE = { faq: quick ? 600 : 1_500, command: quick ? 400 : 1_000, check: quick ? 120 : 300 } as const;

const rb = await realBot();
const work = mixedWorkload(rb.services.i18n);
for (let id = 1; id <= USERS; id++) await rb.services.stores.users.update(1_000_000 + id, { seenLocale: work.scriptOf(id).lang as never });

let next = 0;
async function costOf(scripts: Script[], people: number): Promise<{ cpuUs: number; perS: number }> {
  const list = Array.from({ length: people }, (_, i) => ({ id: 1_000_001 + (next++ % USERS), script: scripts[i % scripts.length]! }));
  const cpu0 = process.cpuUsage();
  const r = await play(rb.bot as never, rb.api, list, 100, () => undefined);
  const cpu = process.cpuUsage(cpu0);
  return { cpuUs: (cpu.user + cpu.system) / r.updates, perS: r.updates / r.seconds };
}

const kinds = ["faq", "command", "check"] as const;
const seen: Record<string, Array<{ cpuUs: number; perS: number }>> = { faq: [], command: [], check: [], bare: [] };
// Round 0 warms up (the FAQ index, the answer cache, the JIT).
for (let round = 0; round <= ROUNDS; round++) {
  for (const kind of kinds) {
    const r = await costOf(work.distinct.filter((s) => s.kind === kind), PEOPLE[kind]);
    if (round > 0) seen[kind]!.push(r);
  }
}
rb.close();

const bare = await bareBot();
const bareScript: Script = { name: "bare", lang: "en", kind: "command", steps: ["/start", "hello", "what is b9-1", "thanks"].map((text) => ({ text })) };
for (let round = 0; round <= ROUNDS; round++) {
  const cpu0 = process.cpuUsage();
  const r = await play(bare.bot as never, bare.api, Array.from({ length: 3_000 }, (_, i) => ({ id: 5_000_000 + round * 3_000 + i, script: bareScript })), 100, () => undefined);
  const cpu = process.cpuUsage(cpu0);
  if (round > 0) seen.bare!.push({ cpuUs: (cpu.user + cpu.system) / r.updates, perS: r.updates / r.seconds });
}

console.log("| updates | CPU µs an update (median, min-max) | updates/s (median) |\n|---|---|---|");
for (const [kind, rounds] of Object.entries(seen)) {
  const cpu = rounds.map((r) => r.cpuUs);
  console.log(`| ${kind} | ${median(cpu).toFixed(0)} (${Math.min(...cpu).toFixed(0)}-${Math.max(...cpu).toFixed(0)}) | ${median(rounds.map((r) => r.perS)).toFixed(0)} |`);
}
