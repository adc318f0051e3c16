import { afterAll, describe, expect, it } from "vitest";
import pino from "pino";
import { ReminderDispatcher, GLOBAL_GAP_MS } from "../../src/reminders/dispatcher.js";
import { openPgStores, type ReminderRow, type Stores } from "../../src/store/index.js";
import { FakeClock } from "../helpers/testBot.js";
import { dropTestDatabases, freshDatabase, PG_URL, pgRaw } from "../helpers/pg.js";

const KEY = Buffer.alloc(32, 5);
const HOUR = 3600_000;
afterAll(dropTestDatabases);

async function twoInstances(clock: FakeClock, leaseMs?: number): Promise<{ url: string; a: Stores; b: Stores }> {
  const url = await freshDatabase();
  // Both start at once: the migration lock lets one migrate while the other waits.
  const [a, b] = await Promise.all([0, 1].map(() => openPgStores(url, KEY, clock, { poolSize: 6, reminders: { leaseMs } })));
  return { url, a: a!, b: b! };
}

async function planMany(s: Stores, clock: FakeClock, users: number): Promise<void> {
  for (let u = 1; u <= users; u++) {
    await s.reminders.replacePlan(u, [
      { deadlineId: "visa", offsetId: "d7", dueAt: clock.now() - HOUR, deadlineEnd: clock.now() + 50 * HOUR, payload: { deadlineId: "visa", date: "2026-12-24" } },
      { deadlineId: "passport", offsetId: "d7", dueAt: clock.now() - 2 * HOUR, deadlineEnd: clock.now() + 50 * HOUR, payload: { deadlineId: "passport", date: "2027-01-24" } },
    ]);
  }
}

describe.skipIf(!PG_URL)("several instances on one PostgreSQL", () => {
  it("migrate once when they start together", async () => {
    const { url, a, b } = await twoInstances(new FakeClock());
    expect(await pgRaw(url, "SELECT version FROM schema_migrations ORDER BY version")).toEqual([1, 2, 3, 4, 5].map((version) => ({ version })));
    await a.users.update(1, { language: "de" });
    expect(await b.users.get(1)).toEqual({ language: "de" });
    await Promise.all([a.close(), b.close()]);
  });

  it("never claim the same reminder twice, however they race", async () => {
    const clock = new FakeClock();
    const { a, b } = await twoInstances(clock);
    await planMany(a, clock, 150);
    const claimed: number[][] = [[], []];
    await Promise.all(
      [a, b].map(async (s, i) => {
        for (;;) {
          const rows = await s.reminders.claimDue(clock.now(), 7);
          if (rows.length === 0) return;
          claimed[i]!.push(...rows.map((r) => r.id));
        }
      }),
    );
    const all = [...claimed[0]!, ...claimed[1]!];
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect(claimed[0]!.length).toBeGreaterThan(0);
    expect(claimed[1]!.length).toBeGreaterThan(0);
    await Promise.all([a.close(), b.close()]);
  });

  it("take over the claims of an instance that died once their lease is over, not before", async () => {
    const clock = new FakeClock();
    const { a, b } = await twoInstances(clock, 60_000);
    await planMany(a, clock, 3);
    const dead = await a.reminders.claimDue(clock.now(), 10);
    expect(dead).toHaveLength(6);
    await a.close(); // it dies holding them
    await b.reminders.releaseStaleClaims(Number.MAX_SAFE_INTEGER); // b restarts: a's claims are not its to give back yet
    expect(await b.reminders.claimDue(clock.now(), 10)).toEqual([]);
    clock.advance(60_001);
    expect((await b.reminders.claimDue(clock.now(), 10)).map((r) => r.id).sort()).toEqual(dead.map((r) => r.id).sort());
    await b.close();
  });

  it("never send a row whose lease ran out while it waited: the instance that took it over sends it", async () => {
    const clock = new FakeClock();
    const { a, b } = await twoInstances(clock, 60_000);
    await planMany(a, clock, 1);
    const slow = await a.reminders.claimDue(clock.now(), 10);
    expect(slow.length).toBeGreaterThan(1);
    // a renews its claim on the first row just before sending it: that row stays a's.
    expect(await a.reminders.holdClaim!(slow[0]!, clock.now())).toBe(true);
    clock.advance(60_001); // a is still waiting to send the others (interactive updates, the send budget)
    const taken = await b.reminders.claimDue(clock.now(), 10);
    expect(taken.map((r) => r.id).sort()).toEqual(slow.map((r) => r.id).sort());
    // Now a may send none of them: b holds every claim, and b's own claims hold.
    for (const row of slow) expect(await a.reminders.holdClaim!(row, clock.now())).toBe(false);
    for (const row of taken) expect(await b.reminders.holdClaim!(row, clock.now())).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });

  it("share one send budget: two instances' slots never come closer than the gap", async () => {
    const clock = new FakeClock();
    const { a, b } = await twoInstances(clock);
    const slots = (await Promise.all([a, b].flatMap((s) => Array.from({ length: 30 }, () => s.reminders.reserveSendSlot!(clock.now(), GLOBAL_GAP_MS))))).sort((x, y) => x - y);
    expect(new Set(slots).size).toBe(60);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBe(GLOBAL_GAP_MS);
    expect(slots[59]! - slots[0]!).toBe(59 * GLOBAL_GAP_MS); // 60 sends take two seconds, not one
    await Promise.all([a.close(), b.close()]);
  });

  it("serialise one chat across instances with the chat lock", async () => {
    const { a, b } = await twoInstances(new FakeClock());
    const trace: string[] = [];
    const work = (s: Stores, name: string) =>
      s.chatLock(42, async () => {
        trace.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 50));
        trace.push(`${name} out`);
      });
    await Promise.all([work(a, "a1"), work(b, "b1"), work(a, "a2"), work(b, "b2")]);
    for (let i = 0; i < trace.length; i += 2) expect(trace[i + 1]).toBe(trace[i]!.replace(" in", " out"));
    await Promise.all([a.close(), b.close()]);
  });

  it("send 400 due reminders exactly once with two dispatchers at work together", async () => {
    const clock = new FakeClock();
    const { url, a, b } = await twoInstances(clock);
    await planMany(a, clock, 200);
    const sent: number[] = [];
    const dispatcher = (s: Stores) =>
      new ReminderDispatcher({
        reminders: s.reminders,
        users: s.users,
        send: async (row: ReminderRow) => void sent.push(row.id),
        clock,
        sleep: async () => undefined,
        idle: async () => undefined,
        logger: pino({ level: "silent" }),
      });
    const [da, db] = [dispatcher(a), dispatcher(b)];
    const drain = async (d: ReminderDispatcher) => {
      while ((await d.tick()).length > 0);
    };
    await Promise.all([drain(da), drain(db), drain(da), drain(db)]);
    expect(sent).toHaveLength(400);
    expect(new Set(sent).size).toBe(400);
    expect(await pgRaw(url, "SELECT status, COUNT(*)::int AS n FROM reminders GROUP BY status")).toEqual([{ status: "sent", n: 400 }]);
    await Promise.all([a.close(), b.close()]);
  });
});
