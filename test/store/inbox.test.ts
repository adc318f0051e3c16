/**
 * The inbox of updates (polling and webhook mode) on each engine: what makes an update Telegram sends again
 * handled once, a chat's updates handed out in order, and the payloads sealed and gone once handled.
 */
import { afterAll, describe, expect, it } from "vitest";
import { dropTestDatabases } from "../helpers/pg.js";
import { FakeClock } from "../helpers/testBot.js";
import { ENGINES } from "./engines.js";

const KEY = Buffer.alloc(32, 6);
afterAll(dropTestDatabases);

const update = (id: number, userId = 7) => ({ updateId: id, userId, chatId: userId, update: { update_id: id, message: { text: `secret ${id}` } } });
/** The cells of `table` (every table without one) as text, byte values as Latin-1. */
const stored = (cells: Array<{ table: string; value: unknown }>, table?: string) =>
  cells
    .filter((c) => table === undefined || c.table === table)
    .map((c) => (Buffer.isBuffer(c.value) ? c.value.toString("latin1") : String(c.value)))
    .join(" ");

describe.each(ENGINES)("the inbox on $name", (engine) => {
  it("keeps each update_id once, hands back unfinished ones oldest first, and counts attempts", async () => {
    const e = await engine.open(KEY, new FakeClock());
    const inbox = e.stores.inbox;
    expect(await inbox.add([update(2), update(1)])).toEqual([2, 1]);
    expect(await inbox.add([update(2), update(3)])).toEqual([3]);
    await inbox.markDone(2);
    const pending = await inbox.takePending();
    expect(pending.map((p) => [p.updateId, p.attempts])).toEqual([[1, 1], [3, 1]]);
    expect(pending[0]!.update).toEqual(update(1).update);
    expect((await inbox.takePending()).map((p) => p.attempts)).toEqual([2, 2]);
    // A handled update delivered again is still recognised until Telegram confirmed it.
    expect(await inbox.add([update(2)])).toEqual([]);
    await e.close();
  });

  it("stores payloads sealed, drops them and whose they were when handled, and deletes handled rows once confirmed", async () => {
    const e = await engine.open(KEY, new FakeClock());
    const inbox = e.stores.inbox;
    await inbox.add([update(1), update(2)]);
    const before = stored(await e.cells(), "inbox");
    expect(before.length).toBeGreaterThan(100);
    expect(before).not.toContain("secret");
    await inbox.markDone(1);
    expect(await e.sql("SELECT payload, user_id, chat_id FROM inbox WHERE update_id = 1")).toEqual([{ payload: null, user_id: null, chat_id: null }]);
    expect(await inbox.confirmed(3)).toBe(1);
    await inbox.markDone(2); // below the confirmed offset: nothing left to recognise it by
    expect(Number((await e.sql("SELECT COUNT(*) AS n FROM inbox"))[0]!.n)).toBe(0);
    await e.close();
  });

  it("erases a person's rows, other people's untouched", async () => {
    const e = await engine.open(KEY, new FakeClock());
    await e.stores.inbox.add([update(1, 7), update(2, 8)]);
    expect(await e.stores.inbox.deleteUser(7)).toBe(1);
    expect((await e.stores.inbox.takePending()).map((p) => p.updateId)).toEqual([2]);
    await e.close();
  });

  it("hands out one chat's unfinished updates up to the one being handled, oldest first, and no other chat's", async () => {
    const e = await engine.open(KEY, new FakeClock());
    const inbox = e.stores.inbox;
    await inbox.add([update(5, 7), update(3, 7), update(4, 8), update(6, 7), update(9, 7)]);
    await inbox.markDone(5);
    expect((await inbox.pendingOfChat(7, 6)).map((p) => p.updateId)).toEqual([3, 6]);
    const next = await inbox.nextOfChat(7, 9);
    expect(next?.updateId).toBe(3);
    expect(next?.update).toEqual(update(3, 7).update);
    // Each hand-out counts an attempt: the update that keeps killing its handler is dropped after a few.
    expect(next?.attempts).toBe(2);
    // Without a chat (an inline query, say) only that update.
    expect((await inbox.pendingOfChat(undefined, 4)).map((p) => p.updateId)).toEqual([4]);
    expect((await inbox.nextOfChat(undefined, 5))?.updateId).toBeUndefined(); // handled already
    await e.close();
  });

  it("settles an update whose handling failed: marked done all the same, the error handed back", async () => {
    const e = await engine.open(KEY, new FakeClock());
    const inbox = e.stores.inbox;
    await inbox.add([update(1)]);
    const failure = new Error("a step failed");
    expect(await inbox.settle(1, async () => Promise.reject(failure))).toBe(failure);
    expect(await inbox.settle(1, async () => {})).toBeUndefined();
    expect(await inbox.takePending()).toEqual([]);
    await e.close();
  });
});

describe.each(ENGINES.filter((e) => e.name === "postgres"))("the replay log on $name", (engine) => {
  it("keeps an update's Bot API answers sealed until the update is marked done, and treats an unreadable record as none", async () => {
    const e = await engine.open(KEY, new FakeClock());
    const inbox = e.stores.inbox;
    const log = inbox.replayLog!;
    await inbox.add([update(1), update(2)]);
    const calls = [{ method: "sendMessage", body: JSON.stringify({ ok: true, result: { message_id: 9, text: "secret reply" } }) }];
    await log.record(1, calls);
    await log.record(2, calls);
    expect(await log.calls(1)).toEqual(calls);
    expect(stored(await e.cells())).not.toContain("secret reply");
    await inbox.markDone(1);
    expect(await log.calls(1)).toEqual([]);
    expect(await log.calls(2)).toEqual(calls);
    await e.sql("UPDATE kv SET value = ? WHERE ns = 'replay'", [Buffer.from("not a sealed value")]);
    expect(await log.calls(2)).toEqual([]);
    await e.close();
  });
});
