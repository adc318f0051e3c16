import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { livePersonalSession, PERSON, rawDatabaseBytes } from "../helpers/personalSession.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const LANGS = ["en", "ru", "kk", "de"] as const;
const t = (lng: string) => h.services.i18n.getFixedT(lng);

/** Cells of any table that hold this id (as a number or as the text of a key). */
async function cellsOf(id: number) {
  return (await h.store.cells()).filter((c) => c.value === id || c.value === String(id));
}

/** Every ciphertext stored in rows that belong to `id`, as latin1 text. */
async function blobsOf(id: number): Promise<string[]> {
  const out: string[] = [];
  for (const [table, columns] of await h.store.personColumns()) {
    for (const column of columns) {
      const rows = await h.store.sql(`SELECT * FROM "${table}" WHERE "${column}" = ?`, [table === "kv" ? String(id) : id]);
      for (const row of rows) for (const v of Object.values(row)) if (Buffer.isBuffer(v) && v.length >= 29) out.push(v.toString("latin1"));
    }
  }
  return out;
}

describe("/forget", () => {
  it.each(LANGS)("in %s: asks first, Cancel keeps everything, Erase deletes it and says so", async (lng) => {
    const user = new TestUser(h, { id: 500 + LANGS.indexOf(lng), language_code: lng });
    await user.send("/remind");
    await user.press(t(lng)("remind:milestone.visa_expiry"));
    await user.send("2027-03-01");
    await user.press(t(lng)("remind:btn.done"));
    const id = user.user.id;
    expect((await h.services.stores.reminders.upcoming(id)).length).toBeGreaterThan(0);

    await user.send("/forget");
    expect(user.lastText()).toBe(t(lng)("forget.confirm"));
    expect(user.buttons()).toEqual([t(lng)("forget.erase_button"), t(lng)("forget.keep_button")]);
    await user.press(t(lng)("forget.keep_button"));
    expect(user.lastText()).toBe(t(lng)("forget.kept"));
    expect(await h.services.stores.milestones.read(String(id))).toEqual({ visa_expiry: "2027-03-01" });

    await user.send("/forget");
    await user.press(t(lng)("forget.erase_button"));
    expect(user.notices()).toEqual([t(lng)("forget.done_short")]);
    expect(user.lastText()).toBe(t(lng)("forget.done"));
    expect(await h.services.stores.milestones.read(String(id))).toBeUndefined();
    expect(await h.services.stores.reminders.all(id)).toEqual([]);
    expect(await cellsOf(id)).toEqual([]);
  });

  it("leaves no row that refers to the person in any table, and none of their ciphertexts in the files (SQLite) or any table (PostgreSQL); others keep theirs", async () => {
    const person = await livePersonalSession(h);
    const other = await livePersonalSession(h, { id: PERSON.id + 1, first_name: "Other" });
    // Rows that failed to decrypt are theirs too: set one aside.
    const [users] = (await h.store.sql("SELECT prefs FROM users WHERE user_id = ?", [person.user.id])) as Array<{ prefs: Buffer }>;
    const last = users!.prefs.length - 1;
    users!.prefs.writeUInt8(users!.prefs.readUInt8(last) ^ 1, last);
    await h.store.sql("UPDATE users SET prefs = ? WHERE user_id = ?", [users!.prefs, person.user.id]);
    expect(await h.services.stores.users.get(person.user.id)).toEqual({});

    const tablesWithRowsOfTheirs = new Set((await cellsOf(person.user.id)).map((c) => c.table));
    for (const table of ["kv", "reminders", "reminder_users", "activity", "unreadable"]) expect(tablesWithRowsOfTheirs).toContain(table);
    const theirBlobs = await blobsOf(person.user.id);
    expect(theirBlobs.length).toBeGreaterThan(8);
    const otherBefore = (await cellsOf(other.user.id)).length;

    await person.send("/forget"); // in the middle of an open /check
    await person.press(t("en")("forget.erase_button"));
    expect(person.lastText()).toBe(t("en")("forget.done"));

    expect(await cellsOf(person.user.id)).toEqual([]);
    if (h.store.engine === "sqlite") {
      // secure_delete and the checkpoint: not a byte of them is left in the database file or its log.
      const raw = rawDatabaseBytes(h.dataDir);
      for (const blob of theirBlobs) expect(raw.includes(blob)).toBe(false);
    } else {
      // PostgreSQL keeps a deleted row's bytes in its table file until VACUUM reuses the space (SECURITY.md):
      // what can be checked is that no row of any table still holds one of their ciphertexts.
      const cells = (await h.store.cells()).filter((c) => Buffer.isBuffer(c.value)).map((c) => (c.value as Buffer).toString("latin1"));
      expect(cells.length).toBeGreaterThan(0);
      for (const blob of theirBlobs) expect(cells.some((c) => c.includes(blob))).toBe(false);
    }
    expect((await cellsOf(other.user.id)).length).toBe(otherBefore);
    expect(await h.services.stores.conversations.read(String(other.user.id))).toBeDefined();

    // The open conversation is gone too: the next text is not taken as an answer.
    await person.send("Germany");
    expect(person.lastText()).not.toContain(t("en")("check:q.second_citizenship_q").split("\n")[0]!);
  });

  it("covers every table: each one says whose its rows are, or holds nothing about anyone", async () => {
    const tables = await h.store.personColumns();
    expect(tables.size).toBeGreaterThan(8);
    for (const [table, columns] of tables) {
      expect(columns.length > 0 || h.store.impersonal.has(table), `table ${table} has no user_id or chat_id column`).toBe(true);
    }
  });

  it("works in the middle of /remind and leaves it", async () => {
    const user = new TestUser(h, { id: 610 });
    await user.send("/remind");
    await user.press(t("en")("remind:milestone.entry"));
    await user.send("/forget");
    expect(user.lastText()).toBe(t("en")("forget.confirm"));
    await user.press(t("en")("forget.erase_button"));
    await user.send("2026-11-27");
    expect(user.lastText()).not.toBe(t("en")("remind:intro"));
    expect(await h.services.stores.conversations.read("610")).toBeUndefined();
  });

  it("an old Erase button pressed in the middle of a later /check erases, says so, and leaves no check behind", async () => {
    const user = new TestUser(h, { id: 611 });
    await user.send("/forget");
    const confirm = h.api.calls.filter((c) => c.method === "sendMessage").at(-1)!.result as never;
    await user.send("/check");
    await user.send("Germany");
    // Deleting flow state fails from here on: the erasure itself does not depend on it, nor does what it says.
    const store = h.services.stores.conversations;
    const remove = store.delete.bind(store);
    store.delete = async () => {
      throw new Error("SQLITE_BUSY: database is locked");
    };
    await user.pressData("forget:erase", confirm);
    store.delete = remove;
    const said = user.replies();
    expect(said).not.toContain(t("en")("system:storage_failed"));
    expect(user.notices().join("\n") + said.join("\n")).toContain(t("en")("forget.done_short"));
    expect(await h.services.stores.conversations.read("611")).toBeUndefined();
    await user.send("Germany");
    expect(user.lastText()).not.toContain(t("en")("check:q.second_citizenship_q").split("\n")[0]!);
  });

  it.each(["forget", "mydata"])("/%s in a group points to a private chat, and erases or shows nothing there", async (command) => {
    const user = new TestUser(h, { id: 620 });
    await h.services.stores.users.update(620, { timezone: "Europe/Berlin" });
    await user.sendInGroup(`/${command}@${h.api.botInfo.username}`);
    const reply = h.api.calls.at(-1)!;
    expect(reply.payload).toMatchObject({ chat_id: -100500, text: t("en")("forget.private_only") });
    expect(JSON.stringify(reply.payload.reply_markup)).toContain(`https://t.me/${h.api.botInfo.username}`);
    expect(h.api.calls.some((c) => c.method === "sendDocument")).toBe(false);
    expect((await h.services.stores.users.get(620)).timezone).toBe("Europe/Berlin");
  });
});
