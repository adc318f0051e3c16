import { Writable } from "node:stream";
import { GrammyError, HttpError } from "grammy";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { BATCH_SIZE, ReminderDispatcher, SENDS_IN_FLIGHT, type DispatcherDeps } from "../../src/reminders/dispatcher.js";
import { InteractiveGate } from "../../src/reminders/interactiveGate.js";
import { deadlineEnd, planReminders } from "../../src/rules/index.js";
import { CLAIM_LEASE_MS } from "../../src/store/pgReminders.js";
import type { ReminderRow, Stores } from "../../src/store/index.js";
import { dropTestDatabases } from "../helpers/pg.js";
import { FakeClock, TEST_KEY } from "../helpers/testBot.js";
import { VirtualTime } from "../helpers/virtualTime.js";
import { ENGINES, type OpenEngine } from "../store/engines.js";

const TZ = "Asia/Almaty";
const silent = createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, cb) => cb() }) });
const apiError = (code: number, description: string, retry_after?: number) =>
  new GrammyError(`Call to 'sendMessage' failed! (${code}: ${description})`, { ok: false, error_code: code, description, ...(retry_after ? { parameters: { retry_after } } : {}) }, "sendMessage", {});

class Crash extends Error {}

let engine: OpenEngine;
let stores: Stores;
let clock: FakeClock;
let sent: Array<{ id: number; user: number; at: number; late: boolean }>;
let failWith: Array<Error | undefined>;

function dispatcher(hooks?: DispatcherDeps["hooks"], idle: () => Promise<void> = async () => undefined): ReminderDispatcher {
  return new ReminderDispatcher({
    reminders: stores.reminders,
    users: stores.users,
    clock,
    sleep: async (ms) => clock.advance(ms),
    idle,
    logger: silent,
    hooks,
    send: async (row: ReminderRow, opts) => {
      const failure = failWith.shift();
      if (failure) throw failure;
      sent.push({ id: row.id, user: row.userId, at: clock.now(), late: opts.late });
    },
  });
}

/** Plans one deadline per user, `date` away, as the /remind flow does. */
async function plan(users: number[], date: string): Promise<void> {
  for (const user of users) {
    const rows = planReminders(date, TZ, clock.now()).map((r) => ({
      deadlineId: "registration",
      offsetId: r.offset,
      dueAt: r.dueAt,
      deadlineEnd: deadlineEnd(date, TZ),
      payload: { deadlineId: "registration", date },
    }));
    await stores.reminders.replacePlan(user, rows);
  }
}

/** The process died; a new one starts on the same database. */
async function restart(): Promise<void> {
  engine = await engine.reopen();
  stores = engine.stores;
}

afterAll(dropTestDatabases);

describe("planning", () => {
  beforeEach(() => {
    clock = new FakeClock(Date.parse("2026-12-01T03:00:00Z")); // 08:00 in Almaty
  });

  it("puts reminders at 10:00 local time a week, two days and zero days before, in the user's zone", () => {
    const plan = planReminders("2026-12-20", TZ, clock.now());
    expect(plan.map((p) => [p.offset, new Date(p.dueAt).toISOString()])).toEqual([
      ["d7", "2026-12-13T05:00:00.000Z"],
      ["d2", "2026-12-18T05:00:00.000Z"],
      ["d0", "2026-12-20T05:00:00.000Z"],
    ]);
    const berlin = planReminders("2026-12-20", "Europe/Berlin", clock.now());
    expect(new Date(berlin[0]!.dueAt).toISOString()).toBe("2026-12-13T09:00:00.000Z");
  });

  it("for a deadline entered late keeps only future reminders, or one right away (never at night)", () => {
    expect(planReminders("2026-12-03", TZ, clock.now()).map((p) => p.offset)).toEqual(["d2", "d0"]);
    clock.set("2026-12-03T12:00:00Z"); // 17:00 local on the deadline day
    expect(planReminders("2026-12-03", TZ, clock.now())).toEqual([{ offset: "d0", dueAt: clock.now() }]);
    clock.set("2026-12-03T18:30:00Z"); // 23:30 local: the next allowed time is after the deadline
    expect(planReminders("2026-12-03", TZ, clock.now())).toEqual([]);
  });
});

describe.each(ENGINES)("on $name", (kind) => {
  beforeEach(async () => {
    clock = new FakeClock(Date.parse("2026-12-01T03:00:00Z")); // 08:00 in Almaty
    engine = await kind.open(TEST_KEY, clock);
    stores = engine.stores;
    sent = [];
    failWith = [];
  });
  afterEach(() => engine.close());

  describe("dispatch", () => {
    it("sends due reminders once, at their time, and marks them sent", async () => {
      await plan([1, 2], "2026-12-10");
      const d = dispatcher();
      expect(await d.tick()).toEqual([]);
      clock.set("2026-12-03T05:00:00Z"); // d7 of 2026-12-10, 10:00 local
      expect(await d.tick()).toEqual(["sent", "sent"]);
      expect(await d.tick()).toEqual([]);
      expect(sent.map((s) => s.user)).toEqual([1, 2]);
      expect((await stores.reminders.all(1)).map((r) => r.status)).toEqual(["sent", "pending", "pending"]);
    });

    it("catches up after downtime: late reminders say they are late, ones whose deadline passed are dropped", async () => {
      await plan([1], "2026-12-10");
      clock.set("2026-12-08T07:00:00Z"); // down since before d7; now 12:00 local two days before
      const outcomes = await dispatcher().tick();
      expect(outcomes).toEqual(["sent", "sent"]);
      expect(sent.every((s) => s.late)).toBe(true);
      clock.set("2026-12-11T05:00:00Z"); // the day after the deadline
      expect(await dispatcher().tick()).toEqual(["expired"]);
      expect(sent).toHaveLength(2);
    });

    it("never sends in quiet hours: a reminder due at night waits for 08:00 local", async () => {
      await stores.users.update(1, { timezone: "Europe/Berlin" });
      await plan([1], "2026-12-10");
      clock.set("2026-12-03T21:30:00Z"); // 22:30 in Berlin, d7 (10:00 Berlin) long due
      expect(await dispatcher().tick()).toEqual(["quiet"]);
      const [row] = await stores.reminders.upcoming(1);
      expect(new Date(row!.dueAt).toISOString()).toBe("2026-12-04T07:00:00.000Z");
    });

    it("keeps Telegram's limits: one message a second per chat, about 30 a second overall", async () => {
      await plan([1, 2, 3], "2026-12-05");
      clock.set("2026-12-05T05:00:00Z"); // all three offsets due for each user
      const d = dispatcher();
      while ((await d.tick()).length > 0);
      const byUser = new Map<number, number[]>();
      for (const s of sent) byUser.set(s.user, [...(byUser.get(s.user) ?? []), s.at]);
      for (const times of byUser.values()) for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
      for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(34);
    });

    it("waits for interactive replies before sending", async () => {
      await plan([1], "2026-12-10");
      clock.set("2026-12-03T05:00:00Z");
      const gate = new InteractiveGate();
      let finishUpdate!: () => void;
      const update = gate.middleware({} as never, () => new Promise<void>((r) => (finishUpdate = r)));
      const tick = dispatcher(undefined, () => gate.idle()).tick();
      await new Promise((r) => setTimeout(r, 20));
      expect(sent).toHaveLength(0);
      finishUpdate();
      await update;
      expect(await tick).toEqual(["sent"]);
    });
  });

  describe("Bot API errors", () => {
    it("429: waits retry_after, gives the rest of the batch back, then sends everything", async () => {
      await plan([1, 2, 3], "2026-12-10");
      clock.set("2026-12-03T05:00:00Z");
      failWith = [undefined, apiError(429, "Too Many Requests: retry after 30", 30)];
      const d = dispatcher();
      expect(await d.tick()).toEqual(["sent", "rate_limited"]);
      expect(await d.tick()).toEqual([]); // still inside retry_after
      clock.advance(30_000);
      expect(await d.tick()).toEqual(["sent", "sent"]);
      expect(sent.map((s) => s.user).sort()).toEqual([1, 2, 3]);
    });

    it("403: pauses that user's reminders; an unblock resumes them", async () => {
      await plan([1, 2], "2026-12-10");
      clock.set("2026-12-03T05:00:00Z");
      failWith = [apiError(403, "Forbidden: bot was blocked by the user")];
      const d = dispatcher();
      expect(await d.tick()).toEqual(["blocked", "sent"]);
      expect(await stores.reminders.isPaused(1)).toBe(true);
      clock.set("2026-12-08T05:00:00Z");
      expect(await d.tick()).toEqual(["sent"]); // user 2's d2 only
      await stores.reminders.setPaused(1, false);
      expect(await d.tick()).toEqual(["sent", "sent"]); // user 1's d7 (late) and d2
      expect(sent.filter((s) => s.user === 1).map((s) => s.late)).toEqual([true, false]);
    });

    it("5xx and network errors: retried with growing backoff, then given up after repeated failures", async () => {
      await plan([1], "2026-12-31");
      clock.set("2026-12-24T05:00:00Z");
      failWith = [apiError(502, "Bad Gateway"), new HttpError("Network request failed", new Error("ECONNRESET"))];
      const d = dispatcher();
      expect(await d.tick()).toEqual(["retry"]);
      clock.advance(30_000);
      expect(await d.tick()).toEqual(["retry"]);
      expect(await d.tick()).toEqual([]); // second backoff is longer
      clock.advance(60_000);
      expect(await d.tick()).toEqual(["sent"]);
      failWith = Array.from({ length: 10 }, () => apiError(500, "Internal Server Error"));
      clock.set("2026-12-29T05:00:00Z");
      const outcomes: string[] = [];
      for (let i = 0; i < 100 && !outcomes.includes("failed"); i++) {
        outcomes.push(...(await d.tick()));
        clock.advance(61 * 60_000);
      }
      expect(outcomes.filter((o) => o !== "quiet")).toEqual([...Array(7).fill("retry"), "failed"]);
    });

    it("a permanent error (400 chat not found) is not retried", async () => {
      await plan([1], "2026-12-10");
      clock.set("2026-12-03T05:00:00Z");
      failWith = [apiError(400, "Bad Request: chat not found")];
      expect(await dispatcher().tick()).toEqual(["failed"]);
    });
  });

  describe("crashes", () => {
    async function crashAt(point: "beforeClaim" | "afterClaim" | "afterSend", users: number): Promise<{ delivered: Map<string, number> }> {
      await plan(Array.from({ length: users }, (_, i) => i + 1), "2026-12-10");
      clock.set("2026-12-03T05:00:00Z");
      let sends = 0;
      const hooks: DispatcherDeps["hooks"] = {
        afterClaim: () => {
          if (point === "afterClaim") throw new Crash();
        },
        afterSend: () => {
          if (point === "afterSend" && ++sends === 3) throw new Crash();
        },
      };
      if (point !== "beforeClaim") await expect(dispatcher(hooks).tick()).rejects.toBeInstanceOf(Crash);
      await restart();
      clock.advance(CLAIM_LEASE_MS + 1); // PostgreSQL gives a dead process's claims back once their lease ran out
      const d = dispatcher();
      await d.catchUp();
      while ((await d.tick()).length > 0);
      const delivered = new Map<string, number>();
      for (const s of sent) delivered.set(String(s.id), (delivered.get(String(s.id)) ?? 0) + 1);
      return { delivered };
    }

    it.each(["beforeClaim", "afterClaim"] as const)("at %s: every reminder is delivered exactly once", async (point) => {
      const { delivered } = await crashAt(point, 5);
      expect(delivered.size).toBe(5);
      expect([...delivered.values()].every((n) => n === 1)).toBe(true);
    });

    it("between a send and its commit: nothing is lost; only that in-flight reminder is repeated", async () => {
      const { delivered } = await crashAt("afterSend", 5);
      expect(delivered.size).toBe(5);
      const duplicates = [...delivered.values()].filter((n) => n > 1).length;
      expect(duplicates).toBe(1);
      expect(duplicates).toBeLessThanOrEqual(BATCH_SIZE);
    });

    it("a SIGKILL while sends are in flight repeats at most those sends, each once, and loses none", async () => {
      const users = Array.from({ length: 30 }, (_, i) => i + 1);
      await plan(users, "2026-12-10");
      clock.set("2026-12-03T05:00:00Z");
      const vt = new VirtualTime(clock);
      let killed = false;
      let under = 0;
      let most = 0;
      const reached: number[] = []; // what Telegram got: a send reaches it before its answer comes back
      const forever = new Promise<void>(() => undefined);
      const dying = new ReminderDispatcher({
        reminders: vt.track(stores.reminders),
        users: vt.track(stores.users),
        clock,
        sleep: vt.sleep,
        idle: async () => undefined,
        logger: silent,
        send: async (row) => {
          if (killed) return forever;
          reached.push(row.id);
          most = Math.max(most, ++under);
          if (reached.length === 15) {
            killed = true; // SIGKILL: no answer arrives, no mark is written, nothing more starts
            vt.freeze();
            return forever;
          }
          await vt.sleep(300); // the answer takes 300 ms to come back
          under--;
        },
      });
      void vt.run(dying.tick());
      await vt.run(new Promise<void>((r) => setTimeout(r, 0))).catch(() => undefined);
      while (!killed) await new Promise((r) => setTimeout(r, 5));
      expect(most).toBe(SENDS_IN_FLIGHT);
      await restart();
      clock.advance(CLAIM_LEASE_MS + 1);
      const d = dispatcher();
      await d.catchUp();
      while ((await d.tick()).length > 0);
      const times = new Map<number, number>();
      for (const id of [...reached, ...sent.map((s) => s.id)]) times.set(id, (times.get(id) ?? 0) + 1);
      expect(times.size).toBe(30); // nothing lost
      expect(Math.max(...times.values())).toBe(2); // nothing three times
      const repeated = [...times.values()].filter((n) => n === 2).length;
      expect(repeated).toBeGreaterThan(1); // more than one was in flight: this is the bound, not a single send
      expect(repeated).toBeLessThanOrEqual(SENDS_IN_FLIGHT);
      expect((await Promise.all(users.map((u) => stores.reminders.all(u)))).flat().filter((r) => r.offsetId === "d7").map((r) => r.status)).toEqual(Array(30).fill("sent"));
    });
  });

  describe("sends in flight", () => {
    /** A dispatcher whose sends take `latencyMs` to come back, in virtual time; what each send saw. */
    function slowDispatcher(vt: VirtualTime, latencyMs: number) {
      const log = { starts: [] as Array<{ user: number; at: number }>, most: 0, overlapInChat: 0 };
      let under = 0;
      const busy = new Set<number>();
      const d = new ReminderDispatcher({
        reminders: vt.track(stores.reminders),
        users: vt.track(stores.users),
        clock,
        sleep: vt.sleep,
        idle: async () => undefined,
        logger: silent,
        send: async (row) => {
          log.starts.push({ user: row.userId, at: clock.now() });
          if (busy.has(row.userId)) log.overlapInChat++;
          busy.add(row.userId);
          log.most = Math.max(log.most, ++under);
          await vt.sleep(latencyMs);
          under--;
          busy.delete(row.userId);
          sent.push({ id: row.id, user: row.userId, at: clock.now(), late: false });
        },
      });
      return { d, log };
    }

    it("overlap up to the bound and keep every limit: 1 a second per chat, 34 ms apart, 30 in any second", async () => {
      await plan(Array.from({ length: 40 }, (_, i) => i + 1), "2026-12-05");
      clock.set("2026-12-05T05:00:00Z"); // d2 and d0 due for each of 40 people (d7 had passed when they were planned)
      const vt = new VirtualTime(clock);
      const { d, log } = slowDispatcher(vt, 250);
      while ((await vt.run(d.tick())).length > 0);
      expect(sent).toHaveLength(80);
      expect(new Set(sent.map((s) => s.id)).size).toBe(80);
      expect(log.most).toBe(SENDS_IN_FLIGHT);
      expect(log.overlapInChat).toBe(0);
      const byUser = new Map<number, number[]>();
      for (const s of log.starts) byUser.set(s.user, [...(byUser.get(s.user) ?? []), s.at]);
      for (const t of byUser.values()) for (let i = 1; i < t.length; i++) expect(t[i]! - t[i - 1]!).toBeGreaterThanOrEqual(1000);
      // Slots missed while a batch's last sends came back are made up, so two sends may go together; never more
      // than 30 in a second, and no faster than one per 34 ms over the whole run.
      const at = log.starts.map((s) => s.at);
      for (let i = 30; i < at.length; i++) expect(at[i]! - at[i - 30]!).toBeGreaterThan(1000);
      expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual((at.length - 1) * 34 - 500);
    });

    it("a person with several reminders due does not hold up the rest of the batch", async () => {
      await plan([1], "2026-12-05");
      await plan(Array.from({ length: 10 }, (_, i) => i + 2), "2026-12-12");
      clock.set("2026-12-05T05:00:00Z"); // person 1: d2 and d0 due at once; the others: their d7, one each
      const vt = new VirtualTime(clock);
      const { d, log } = slowDispatcher(vt, 100);
      const t0 = clock.now();
      await vt.run(d.tick());
      expect(sent.filter((s) => s.user === 1)).toHaveLength(2);
      // The ten others went in the first 34 ms slots, not after person 1's second (a second later).
      const others = log.starts.filter((s) => s.user !== 1).map((s) => s.at - t0);
      expect(others).toHaveLength(10);
      expect(Math.max(...others)).toBeLessThan(12 * 34);
    });

    it("other background sends (rule-change alerts) share the limits: together never 31 in a second, one a second per chat", async () => {
      await plan(Array.from({ length: 40 }, (_, i) => i + 1), "2026-12-10");
      clock.set("2026-12-03T05:00:00Z");
      const vt = new VirtualTime(clock);
      const { d, log } = slowDispatcher(vt, 100);
      const alerts: Array<{ user: number; at: number }> = [];
      const alerting = (async () => {
        for (let user = 1; user <= 40; user++) await d.paced(user, async () => void alerts.push({ user, at: clock.now() }));
      })();
      await vt.run(Promise.all([(async () => { while ((await d.tick()).length > 0); })(), alerting]));
      expect(alerts).toHaveLength(40);
      const all = [...log.starts, ...alerts].sort((a, b) => a.at - b.at);
      expect(all).toHaveLength(80);
      for (let i = 30; i < all.length; i++) expect(all[i]!.at - all[i - 30]!.at).toBeGreaterThan(1000);
      for (let user = 1; user <= 40; user++) {
        const times = all.filter((x) => x.user === user).map((x) => x.at);
        expect(times).toHaveLength(2);
        expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
      }
    });

    it("a stalled wake-up is made up: the missed slots go back to back, still never 31 in a second", async () => {
      await plan(Array.from({ length: 90 }, (_, i) => i + 1), "2026-12-10");
      clock.set("2026-12-03T05:00:00Z");
      let sleeps = 0;
      const starts: number[] = [];
      const d = new ReminderDispatcher({
        reminders: stores.reminders,
        users: stores.users,
        clock,
        // The fifth wait wakes 300 ms late (a busy event loop, a late timer).
        sleep: async (ms) => clock.advance(ms + (++sleeps === 5 ? 300 : 0)),
        idle: async () => undefined,
        logger: silent,
        send: async () => void starts.push(clock.now()),
      });
      while ((await d.tick()).length > 0);
      expect(starts).toHaveLength(90);
      // Without making up, the stall would push every later send back by 300 ms.
      expect(starts.at(-1)! - starts[0]!).toBeLessThan(89 * 34 + 34);
      for (let i = 30; i < starts.length; i++) expect(starts[i]! - starts[i - 30]!).toBeGreaterThan(1000);
    });
  });
});
