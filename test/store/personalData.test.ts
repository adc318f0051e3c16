import { afterAll, describe, expect, it } from "vitest";
import { dropTestDatabases } from "../helpers/pg.js";
import { FakeClock } from "../helpers/testBot.js";
import { ENGINES } from "./engines.js";

const KEY = Buffer.alloc(32, 4);
afterAll(dropTestDatabases);

describe.each(ENGINES)("a person's updates in the inbox on $name", (engine) => {
  it("are exported decrypted by /mydata and erased by /forget, other people's untouched", async () => {
    const clock = new FakeClock();
    const e = await engine.open(KEY, clock);
    const inbox = e.stores.inbox;
    const update = (id: number, user: number, text: string) => ({ updateId: id, userId: user, chatId: user, update: { update_id: id, message: { text } } });
    await inbox.add([update(10, 5, "my question"), update(11, 6, "someone else"), update(12, 5, "handled already")]);
    await inbox.markDone(12);

    const exported = await e.stores.personal.export(5);
    expect(exported.inbox).toEqual([
      { update_id: 10, received_at: new Date(clock.now()).toISOString(), handled: false, update: { update_id: 10, message: { text: "my question" } } },
    ]);
    // A handled update no longer says whose it was: nothing of it is theirs to export or erase.
    expect(await e.sql("SELECT user_id, chat_id, payload FROM inbox WHERE update_id = 12")).toEqual([{ user_id: null, chat_id: null, payload: null }]);
    expect(exported.other_tables).toEqual({});

    expect(await e.stores.personal.erase(5)).toBeGreaterThanOrEqual(1);
    expect((await e.stores.personal.export(5)).inbox).toEqual([]);
    expect((await e.stores.personal.export(6)).inbox).toHaveLength(1);
    await e.close();
  });

  it("in a table the export does not know by name are exported as stored and erased with the rest", async () => {
    const e = await engine.open(KEY, new FakeClock());
    // A table added later, with a person column: covered without touching the personal-data code.
    await e.sql("CREATE TABLE later_feature (user_id BIGINT, note BYTEA)");
    await e.sql("INSERT INTO later_feature (user_id, note) VALUES (?, ?), (?, ?)", [5, Buffer.from("sealed-5"), 6, Buffer.from("sealed-6")]);
    expect((await e.stores.personal.export(5)).other_tables).toEqual({ later_feature: [{ user_id: 5, note: Buffer.from("sealed-5").toString("base64") }] });
    await e.stores.personal.erase(5);
    expect((await e.sql("SELECT user_id FROM later_feature")).map((r) => Number(r.user_id))).toEqual([6]);
    await e.close();
  });
});
