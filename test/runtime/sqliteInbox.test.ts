import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSealer } from "../../src/store/crypto.js";
import { openEmbeddedStores } from "../../src/store/index.js";
import { SqliteInbox } from "../../src/store/sqliteInbox.js";
import { FakeClock, TEST_KEY } from "../helpers/testBot.js";

let dir: string;
let stores: ReturnType<typeof openEmbeddedStores>;
let inbox: SqliteInbox;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nomad-kz-inbox-"));
  stores = openEmbeddedStores(dir, TEST_KEY, new FakeClock());
  inbox = new SqliteInbox(stores.db, createSealer(TEST_KEY), new FakeClock());
});
afterEach(() => {
  stores.close();
  rmSync(dir, { recursive: true, force: true });
});

const update = (id: number, userId = 7) => ({ updateId: id, userId, chatId: userId, update: { update_id: id, message: { text: `secret ${id}` } } });

// SQLite only (SqliteInbox over better-sqlite3 directly); test/store/inbox.test.ts runs the same cases on both engines.
describe("the SQLite inbox", () => {
  it("keeps each update_id once, hands back unfinished ones oldest first, and counts attempts", async () => {
    expect(await inbox.add([update(2), update(1)])).toEqual([2, 1]);
    expect(await inbox.add([update(2), update(3)])).toEqual([3]);
    await inbox.markDone(2);
    const pending = await inbox.takePending();
    expect(pending.map((p) => [p.updateId, p.attempts])).toEqual([[1, 1], [3, 1]]);
    expect(pending[0]!.update).toEqual(update(1).update);
    expect((await inbox.takePending()).map((p) => p.attempts)).toEqual([2, 2]);
    // A handled update delivered again is still recognised until Telegram confirmed it.
    expect(await inbox.add([update(2)])).toEqual([]);
  });

  it("stores payloads encrypted, drops them when handled, and deletes handled rows once confirmed", async () => {
    await inbox.add([update(1), update(2)]);
    const raw = stores.db.prepare("SELECT payload FROM inbox").all() as Array<{ payload: Buffer }>;
    expect(raw.map((r) => r.payload.toString("latin1")).join("")).not.toContain("secret");
    await inbox.markDone(1);
    expect(stores.db.prepare("SELECT payload, user_id, chat_id FROM inbox WHERE update_id = 1").get()).toEqual({
      payload: null,
      user_id: null,
      chat_id: null,
    });
    expect(await inbox.confirmed(3)).toBe(1);
    await inbox.markDone(2);
    expect(stores.db.prepare("SELECT COUNT(*) AS n FROM inbox").get()).toEqual({ n: 0 });
  });

  it("erases a person's rows", async () => {
    await inbox.add([update(1, 7), update(2, 8)]);
    expect(await inbox.deleteUser(7)).toBe(1);
    expect((await inbox.takePending()).map((p) => p.updateId)).toEqual([2]);
  });
});
