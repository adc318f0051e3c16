import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSealer } from "../../src/store/crypto.js";
import { openEmbeddedStores } from "../../src/store/index.js";
import { SqliteInbox } from "../../src/store/sqliteInbox.js";
import { FakeClock } from "../helpers/testBot.js";

const KEY = Buffer.alloc(32, 4);

describe("a person's updates in the polling inbox", () => {
  it("are exported decrypted by /mydata and erased by /forget, other people's untouched", async () => {
    const clock = new FakeClock();
    const stores = openEmbeddedStores(mkdtempSync(join(tmpdir(), "nomad-kz-pd-")), KEY, clock);
    const inbox = new SqliteInbox(stores.db, createSealer(KEY), clock);
    const update = (id: number, user: number, text: string) => ({ updateId: id, userId: user, chatId: user, update: { update_id: id, message: { text } } });
    await inbox.add([update(10, 5, "my question"), update(11, 6, "someone else"), update(12, 5, "handled already")]);
    await inbox.markDone(12);

    const exported = await stores.personal.export(5);
    expect(exported.inbox).toEqual([
      { update_id: 10, received_at: new Date(clock.now()).toISOString(), handled: false, update: { update_id: 10, message: { text: "my question" } } },
    ]);
    // A handled update no longer says whose it was: nothing of it is theirs to export or erase.
    expect(stores.db.prepare("SELECT user_id, chat_id, payload FROM inbox WHERE update_id = 12").get()).toEqual({ user_id: null, chat_id: null, payload: null });
    expect(exported.other_tables).toEqual({});

    expect(await stores.personal.erase(5)).toBeGreaterThanOrEqual(1);
    expect((await stores.personal.export(5)).inbox).toEqual([]);
    expect((await stores.personal.export(6)).inbox).toHaveLength(1);
    stores.close();
  });
});
