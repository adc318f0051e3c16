import { afterAll, describe, expect, it } from "vitest";
import { DataKeyMismatchError, type PlannedRow } from "../../src/store/index.js";
import { CLAIM_LEASE_MS } from "../../src/store/pgReminders.js";
import { FakeClock } from "../helpers/testBot.js";
import { dropTestDatabases } from "../helpers/pg.js";
import { ENGINES } from "./engines.js";

const KEY = Buffer.alloc(32, 3);
const HOUR = 3600_000;
afterAll(dropTestDatabases);

const planned = (clock: FakeClock, deadlineId: string, offsets: Array<[string, number]>): PlannedRow[] =>
  offsets.map(([offsetId, inHours]) => ({
    deadlineId,
    offsetId,
    dueAt: clock.now() + inHours * HOUR,
    deadlineEnd: clock.now() + 100 * HOUR,
    payload: { deadlineId, date: "2026-12-24" },
  }));

describe.each(ENGINES)("stores on $name", (engine) => {
  it("keep preferences, sessions and milestones across a restart, and refuse another key", async () => {
    const clock = new FakeClock();
    let e = await engine.open(KEY, clock);
    await e.stores.users.update(42, { language: "kk" });
    expect(await e.stores.users.update(42, { timezone: "Europe/Berlin" })).toEqual({ language: "kk", timezone: "Europe/Berlin" });
    await e.stores.sessions.write("42", { menuMessageId: 7 });
    await e.stores.milestones.write("42", { visa_expiry: "2027-03-01" });
    e = await e.reopen();
    expect(await e.stores.users.get(42)).toEqual({ language: "kk", timezone: "Europe/Berlin" });
    expect(await e.stores.sessions.read("42")).toEqual({ menuMessageId: 7 });
    expect(await e.stores.milestones.read("42")).toEqual({ visa_expiry: "2027-03-01" });
    expect(await e.stores.users.get(43)).toEqual({});
    await e.stores.users.delete(42);
    expect(await e.stores.users.get(42)).toEqual({});
    await expect(e.reopen(Buffer.alloc(32, 9))).rejects.toThrow(DataKeyMismatchError);
  });

  it("merge preference changes made at the same time, also of someone with none stored yet", async () => {
    const e = await engine.open(KEY, new FakeClock());
    for (let id = 100; id < 120; id++) {
      await Promise.all([
        e.stores.users.update(id, { language: "de" }),
        e.stores.users.update(id, { timezone: "Asia/Almaty" }),
        e.stores.users.update(id, { seenLocale: "ru" }),
      ]);
      expect(await e.stores.users.get(id)).toEqual({ language: "de", timezone: "Asia/Almaty", seenLocale: "ru" });
    }
    await e.close();
  });

  it("read the preferences of several people at once as one by one, someone with none and an unreadable row too", async () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    const e = await engine.open(KEY, clock, (ev) => seen.push(ev.source));
    const users = e.stores.users;
    await users.update(1, { language: "kk", timezone: "Europe/Berlin" });
    await users.update(2, { seenLocale: "ru" });
    await users.update(3, { language: "de" });
    const [row] = await e.sql("SELECT prefs FROM users WHERE user_id = 3");
    const damaged = Buffer.from(row!.prefs as Buffer);
    damaged[damaged.length - 1]! ^= 0xff;
    await e.sql("UPDATE users SET prefs = ? WHERE user_id = 3", [damaged]);
    expect(users.getMany).toBeDefined();
    const many = await users.getMany!([2, 1, 4, 2, 3]);
    expect([...many.entries()].sort(([a], [b]) => a - b)).toEqual([
      [1, { language: "kk", timezone: "Europe/Berlin" }],
      [2, { seenLocale: "ru" }],
      [3, {}],
      [4, {}],
    ]);
    expect(seen).toEqual(["users"]);
    expect(await e.sql("SELECT user_id FROM users WHERE user_id = 3")).toEqual([]);
    expect((await users.getMany!([])).size).toBe(0);
    for (const id of [1, 2, 4]) expect(await users.get(id)).toEqual(many.get(id));
    await e.close();
  });

  it("mark claimed reminders sent when many marks come at once, each returning once its row is written", async () => {
    const clock = new FakeClock();
    const e = await engine.open(KEY, clock);
    const r = e.stores.reminders;
    for (let u = 1; u <= 6; u++) await r.replacePlan(u, planned(clock, "visa", [["d7", -1], ["d2", -2]]));
    const claimed = await r.claimDue(clock.now(), 20);
    expect(claimed).toHaveLength(12);
    clock.advance(5_000);
    // All at once, as sends ending together mark their rows: each mark has its row written when it returns.
    await Promise.all(
      claimed.map(async (row) => {
        await r.markSentClaimed(row, clock.now());
        expect((await r.all(row.userId)).find((x) => x.id === row.id)).toMatchObject({ status: "sent", sentAt: clock.now() });
      }),
    );
    for (let u = 1; u <= 6; u++) expect((await r.all(u)).map((x) => x.status)).toEqual(["sent", "sent"]);
    expect(await r.claimDue(clock.now(), 20)).toEqual([]);
    await e.close();
  });

  it("store conversation state without names, and delete only entries untouched since a cutoff", async () => {
    const clock = new FakeClock();
    const e = await engine.open(KEY, clock);
    await e.stores.conversations.write("old", { update: { message: { from: { id: 1, first_name: "Aigerim", username: "aig" }, text: "hi" } } });
    expect(await e.stores.conversations.read("old")).toEqual({ update: { message: { from: { id: 1 }, text: "hi" } } });
    clock.advance(25 * HOUR);
    await e.stores.conversations.write("fresh", { step: 2 });
    expect(await e.stores.conversations.deleteStale(clock.now() - 24 * HOUR)).toBe(1);
    expect(await e.stores.conversations.read("old")).toBeUndefined();
    expect(await e.stores.conversations.read("fresh")).toEqual({ step: 2 });
    await e.close();
  });

  it("keep every value encrypted: no plaintext in any cell", async () => {
    const clock = new FakeClock();
    const e = await engine.open(KEY, clock);
    await e.stores.conversations.write("42", { answer: "Uzbekistan-and-a-criminal-record" });
    await e.stores.users.update(42, { timezone: "Asia/Tashkent" });
    await e.stores.milestones.write("42", { visa_expiry: "2027-03-01" });
    await e.stores.reminders.replacePlan(42, planned(clock, "visa.exit_before_expiry", [["d7", 1]]));
    await e.stores.inbox.add([{ updateId: 5, userId: 42, chatId: 42, update: { update_id: 5, message: { text: "my secret question" } } }]);
    const words = ["Uzbekistan", "Asia/Tashkent", "2027-03-01", "2026-12-24", "visa.exit_before_expiry", "d7", "my secret question"];
    for (const cell of await e.cells()) {
      const text = Buffer.isBuffer(cell.value) ? cell.value.toString("latin1") : String(cell.value);
      // Random ciphertext holds any given two bytes now and then ("d7" failed once in CI, 2026-12-02): in binary
      // cells only words of 6+ bytes are looked for, which chance does not produce; text cells are checked for all.
      for (const word of words) if (!Buffer.isBuffer(cell.value) || word.length >= 6) expect(text, `${cell.table}.${cell.column}`).not.toContain(word);
    }
    await e.close();
  });

  it("set a value that fails to decrypt aside, tell once where it was, and read it as absent", async () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    const e = await engine.open(KEY, clock, (ev) => seen.push(ev.source));
    await e.stores.sessions.write("42", { menuMessageId: 7 });
    await e.stores.users.update(42, { language: "de" });
    const [row] = await e.sql("SELECT value FROM kv WHERE ns = 'session' AND key = '42'");
    const damaged = Buffer.from(row!.value as Buffer);
    damaged[damaged.length - 1]! ^= 0xff;
    await e.sql("UPDATE kv SET value = ? WHERE ns = 'session' AND key = '42'", [damaged]);
    expect(await e.stores.sessions.read("42")).toBeUndefined();
    expect(seen).toEqual(["kv:session"]);
    expect(await e.stores.personal.takeUnreadable(42)).toEqual(["kv:session"]);
    expect(await e.stores.personal.takeUnreadable(42)).toEqual([]);
    expect(await e.stores.users.get(42)).toEqual({ language: "de" });
    expect((await e.stores.personal.export(42)).unreadable).toHaveLength(1);
    clock.advance(HOUR);
    expect(await e.stores.personal.sweepUnreadable(clock.now())).toBe(1);
    await e.close();
  });

  it("claim due reminders once, send them once, keep the person's choices, and give back stale claims", async () => {
    const clock = new FakeClock();
    const e = await engine.open(KEY, clock);
    const r = e.stores.reminders;
    const changes = await r.replacePlan(7, [...planned(clock, "visa", [["d7", -1], ["d2", 2]]), ...planned(clock, "passport", [["d7", -2]])]);
    expect(changes.pending).toBe(3);
    const claimed = await r.claimDue(clock.now(), 10);
    expect(claimed.map((x) => `${x.deadlineId}/${x.offsetId}`)).toEqual(["passport/d7", "visa/d7"]);
    expect(await r.claimDue(clock.now(), 10)).toEqual([]);
    await r.markSent(claimed[0]!.id, clock.now());
    // A replan with the same dates never sends a sent reminder again, and keeps the claim in flight.
    await r.replacePlan(7, [...planned(clock, "visa", [["d7", -1], ["d2", 2]]), ...planned(clock, "passport", [["d7", -2]])]);
    expect((await r.all(7)).map((x) => x.status).sort()).toEqual(["claimed", "pending", "sent"]);
    if (engine.name === "sqlite") {
      // One process: after a restart every claim is a dead one's.
      expect(await r.releaseStaleClaims(Number.MAX_SAFE_INTEGER)).toBe(1);
    } else {
      // Other instances may be sending: only a claim older than its lease is given back.
      expect(await r.releaseStaleClaims(Number.MAX_SAFE_INTEGER)).toBe(0);
      clock.advance(CLAIM_LEASE_MS + 1);
      expect(await r.releaseStaleClaims(Number.MAX_SAFE_INTEGER)).toBe(1);
    }
    expect((await r.claimDue(clock.now(), 10)).map((x) => x.offsetId)).toEqual(["d7"]);
    expect(await r.dismiss(7, { deadlineId: "visa", mark: "muted" })).toBe(true);
    expect(await r.choices(7)).toEqual([
      { deadlineId: "passport", date: "2026-12-24" },
      { deadlineId: "visa", date: "2026-12-24", muted: true },
    ]);
    expect((await r.upcoming(7)).map((x) => `${x.deadlineId}/${x.offsetId}/${x.status}`)).toEqual(["visa/d7/claimed"]);
    await r.setPaused(7, true);
    expect(await r.isPaused(7)).toBe(true);
    expect(r.eventUid(7, "visa")).toMatch(/^[0-9a-f]{32}@nomad-kz$/);
    await e.close();
  });

  it("export a person's data decrypted and erase it from every table, others untouched", async () => {
    const clock = new FakeClock();
    const e = await engine.open(KEY, clock);
    for (const id of [7705, 7706]) {
      await e.stores.users.update(id, { language: "ru", timezone: "Asia/Almaty" });
      await e.stores.sessions.write(String(id), { menuMessageId: id });
      await e.stores.conversations.write(String(id), { step: id });
      await e.stores.milestones.write(String(id), { visa_expiry: "2027-03-01" });
      await e.stores.reminders.replacePlan(id, planned(clock, "visa", [["d7", 5]]));
      await e.stores.personal.touch(id, clock.now());
      await e.stores.inbox.add([{ updateId: id + 1, userId: id, chatId: id, update: { update_id: id + 1, message: { text: `question ${id}` } } }]);
    }
    const exported = await e.stores.personal.export(7705);
    expect(exported).toMatchObject({
      user_id: 7705,
      settings: { language: "ru", timezone: "Asia/Almaty" },
      milestones: { visa_expiry: "2027-03-01" },
      session: { menuMessageId: 7705 },
      conversation: { step: 7705 },
      last_active_day: "2026-11-21",
      reminders: [{ deadline: "visa", offset: "d7", deadline_date: "2026-12-24", status: "pending" }],
      inbox: [{ update_id: 7706, handled: false, update: { update_id: 7706, message: { text: "question 7705" } } }],
      other_tables: {},
    });
    expect(await e.stores.personal.erase(7705)).toBeGreaterThanOrEqual(7);
    const mine = (await e.cells()).filter((c) => c.value === 7705 || c.value === "7705");
    expect(mine).toEqual([]);
    expect((await e.stores.personal.export(7706)).milestones).toEqual({ visa_expiry: "2027-03-01" });
    expect(await e.stores.personal.inactiveSince(clock.now() + 400 * 24 * HOUR, 10)).toEqual([7706]);
    await e.close();
  });

  it("keep each update_id once in the inbox and hand a chat's pending updates back in order", async () => {
    const clock = new FakeClock();
    const e = await engine.open(KEY, clock);
    const u = (id: number, chat: number) => ({ updateId: id, userId: chat, chatId: chat, update: { update_id: id, message: { text: `t${id}` } } });
    expect(await e.stores.inbox.add([u(3, 1), u(2, 1), u(4, 2)])).toEqual([3, 2, 4]);
    expect(await e.stores.inbox.add([u(3, 1), u(5, 1)])).toEqual([5]);
    expect((await e.stores.inbox.pendingOfChat(1, 3)).map((x) => [x.updateId, x.attempts])).toEqual([
      [2, 1],
      [3, 1],
    ]);
    await e.stores.inbox.markDone(2);
    expect((await e.stores.inbox.pendingOfChat(1, 5)).map((x) => x.updateId)).toEqual([3, 5]);
    expect((await e.stores.inbox.pendingOfChat(undefined, 4)).map((x) => x.update)).toEqual([{ update_id: 4, message: { text: "t4" } }]);
    const [done] = await e.sql("SELECT user_id, chat_id, payload FROM inbox WHERE update_id = 2");
    expect(done).toEqual({ user_id: null, chat_id: null, payload: null });
    clock.advance(25 * HOUR);
    expect(await e.stores.inbox.sweepHandled(clock.now() - 24 * HOUR)).toBe(1);
    await e.close();
  });
});
