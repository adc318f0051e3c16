import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSealer, type Sealer } from "../../src/store/crypto.js";
import { openEmbeddedStores, openPgStores, type Stores } from "../../src/store/index.js";
import { OpenedCache, OpenedCaches } from "../../src/store/openedCache.js";
import { openDatabase } from "../../src/store/sqlite.js";
import { SqliteKeyValue } from "../../src/store/sqliteKeyValue.js";
import { SqliteUsers } from "../../src/store/sqliteUsers.js";
import { Quarantine } from "../../src/store/unreadable.js";
import { dropTestDatabases, freshDatabase, PG_URL } from "../helpers/pg.js";
import { FakeClock } from "../helpers/testBot.js";

const KEY = Buffer.alloc(32, 5);
afterAll(dropTestDatabases);

const bytes = (...b: number[]) => Buffer.from(b);

describe("OpenedCache", () => {
  it("gives a value back only for the very bytes it was opened from", () => {
    const cache = new OpenedCache<string>({ maxEntries: 10 });
    cache.set("1", bytes(1, 2, 3), "a");
    expect(cache.get("1", bytes(1, 2, 3))).toBe("a");
    // The row was rewritten (by anyone): a miss, and the old value is dropped.
    expect(cache.get("1", bytes(1, 2, 4))).toBeUndefined();
    expect(cache.get("1", bytes(1, 2, 3))).toBeUndefined();
  });

  it("keeps at most its bound of entries and of size, dropping the least recently used", () => {
    const cache = new OpenedCache<string>({ maxEntries: 2, maxSize: 10 });
    cache.set("a", bytes(1), "a", 4);
    cache.set("b", bytes(2), "b", 4);
    expect(cache.get("a", bytes(1))).toBe("a"); // "b" is now the least recently used
    cache.set("c", bytes(3), "c", 4);
    expect([cache.has("a"), cache.has("b"), cache.has("c")]).toEqual([true, false, true]);
    cache.set("d", bytes(4), "d", 9); // over the size bound with anything else
    expect([cache.has("a"), cache.has("c"), cache.has("d")]).toEqual([false, false, true]);
    cache.set("e", bytes(5), "e", 11); // larger than the whole bound: not kept at all
    expect(cache.has("e")).toBe(false);
  });

  it("with a maximum age, drops entries not used for that long (on use and when swept)", () => {
    const clock = new FakeClock();
    const caches = new OpenedCaches({ maxAgeMs: 1000, now: () => clock.now() });
    const cache = caches.create<string>(10);
    cache.set("1", bytes(1), "one");
    cache.set("2", bytes(2), "two");
    clock.advance(600);
    expect(cache.get("1", bytes(1))).toBe("one");
    clock.advance(600);
    caches.sweep();
    expect([cache.has("1"), cache.has("2")]).toEqual([true, false]);
    clock.advance(1001);
    expect(cache.get("1", bytes(1))).toBeUndefined();
  });
});

/** A sealer that counts decryptions. */
function countingSealer(): Sealer & { opens: number } {
  const inner = createSealer(KEY);
  const sealer = {
    opens: 0,
    seal: inner.seal,
    tag: inner.tag,
    open(sealed: Buffer, associated: string) {
      sealer.opens++;
      return inner.open(sealed, associated);
    },
  };
  return sealer;
}

describe("stores remembering what rows decrypted to (SQLite)", () => {
  function open(dir = mkdtempSync(join(tmpdir(), "nomad-kz-opened-"))) {
    const sealer = countingSealer();
    const clock = new FakeClock();
    const db = openDatabase(dir, sealer, () => clock.now());
    const quarantine = new Quarantine(db, clock);
    const caches = new OpenedCaches();
    const users = new SqliteUsers(db, sealer, clock, quarantine, caches.create(100));
    const kv = new SqliteKeyValue<unknown>(db, "conversation", sealer, clock, quarantine, caches.create<string>(100, 1 << 20));
    return { dir, db, sealer, users, kv, caches };
  }

  it("do not decrypt a row again while it holds the same bytes, and do after any write to it", async () => {
    const a = open();
    await a.users.update(1, { language: "de" });
    await a.kv.write("1", { step: 1 });
    const before = a.sealer.opens;
    expect(await a.users.get(1)).toEqual({ language: "de" });
    expect(await a.kv.read("1")).toEqual({ step: 1 });
    expect(await a.users.get(1)).toEqual({ language: "de" });
    expect(a.sealer.opens).toBe(before); // written by this store: known without decrypting
    // Another process on the same file writes both rows.
    const b = open(a.dir);
    await b.users.update(1, { language: "kk" });
    await b.kv.write("1", { step: 2 });
    expect(await a.users.get(1)).toEqual({ language: "kk" });
    expect(await a.kv.read("1")).toEqual({ step: 2 });
    expect(a.sealer.opens).toBe(before + 2);
    a.db.close();
    b.db.close();
  });

  it("hand out copies: a caller changing what it got does not change what is read next", async () => {
    const a = open();
    await a.users.update(2, { language: "ru", timezone: "Asia/Almaty" });
    await a.kv.write("2", { log: [1, 2] });
    const prefs = await a.users.get(2);
    prefs.language = "en";
    delete prefs.timezone;
    const state = (await a.kv.read("2")) as { log: number[] };
    state.log.push(3);
    expect(await a.users.get(2)).toEqual({ language: "ru", timezone: "Asia/Almaty" });
    expect(await a.kv.read("2")).toEqual({ log: [1, 2] });
    a.db.close();
  });

  it("forget a row deleted by someone else, and what is deleted through them", async () => {
    const a = open();
    await a.kv.write("3", { step: 1 });
    await a.users.update(3, { language: "de" });
    const b = open(a.dir);
    await b.kv.delete("3");
    await b.users.delete(3);
    expect(await a.kv.read("3")).toBeUndefined();
    expect(await a.users.get(3)).toEqual({});
    await a.kv.write("4", { step: 1 });
    await a.kv.delete("4");
    expect(a.caches.heldFor(4)).toBe(0);
    a.db.close();
    b.db.close();
  });
});

const engines: Array<{ name: string; open: () => Promise<{ first: Stores; second: () => Promise<Stores> }> }> = [
  {
    name: "sqlite",
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), "nomad-kz-opened-"));
      return { first: openEmbeddedStores(dir, KEY, new FakeClock()), second: async () => openEmbeddedStores(dir, KEY, new FakeClock()) };
    },
  },
  ...(PG_URL
    ? [
        {
          name: "postgres",
          open: async () => {
            const url = await freshDatabase();
            return { first: await openPgStores(url, KEY, new FakeClock(), { poolSize: 2 }), second: () => openPgStores(url, KEY, new FakeClock(), { poolSize: 2 }) };
          },
        },
      ]
    : []),
];

describe.each(engines)("the stores on $name, two instances on one database", ({ open }) => {
  it("never give one instance's remembered value after the other changed or erased it", async () => {
    const { first: a, second } = await open();
    const b = await second();
    await a.users.update(10, { language: "de", seenLocale: "de" });
    await a.conversations.write("10", { v: 1, state: { check: [{ step: 1 }] } });
    expect(await a.users.get(10)).toEqual({ language: "de", seenLocale: "de" });
    expect(await a.conversations.read("10")).toEqual({ v: 1, state: { check: [{ step: 1 }] } });

    await b.users.update(10, { language: "ru" });
    await b.conversations.write("10", { v: 1, state: { check: [{ step: 2 }] } });
    expect(await a.users.get(10)).toEqual({ language: "ru", seenLocale: "de" });
    expect(await a.conversations.read("10")).toEqual({ v: 1, state: { check: [{ step: 2 }] } });

    // The same preferences written again are new bytes (a fresh IV): still read from the row, still right.
    await b.users.update(10, { language: "ru" });
    expect(await a.users.get(10)).toEqual({ language: "ru", seenLocale: "de" });

    await b.personal.erase(10);
    expect(await a.users.get(10)).toEqual({});
    expect(await a.conversations.read("10")).toBeUndefined();
    await a.close();
    await b.close();
  });
});

describe("erasure and sweeps (SQLite)", () => {
  it("/forget's erasure drops everything held about the person from memory, and only theirs", async () => {
    const s = openEmbeddedStores(mkdtempSync(join(tmpdir(), "nomad-kz-opened-")), KEY, new FakeClock());
    for (const id of [20, 21]) {
      await s.users.update(id, { language: "kk" });
      await s.conversations.write(String(id), { step: id });
      await s.milestones.write(String(id), { visa_expiry: "2027-03-01" });
    }
    expect(s.caches.heldFor(20)).toBe(3);
    await s.personal.erase(20);
    expect(s.caches.heldFor(20)).toBe(0);
    expect(s.caches.heldFor(21)).toBe(3);
    expect(await s.users.get(20)).toEqual({});
    expect(await s.users.get(21)).toEqual({ language: "kk" });
    s.close();
  });

  it("a sweep of abandoned conversations drops their texts from memory too", async () => {
    const clock = new FakeClock();
    const s = openEmbeddedStores(mkdtempSync(join(tmpdir(), "nomad-kz-opened-")), KEY, clock);
    await s.conversations.write("30", { step: 1 });
    clock.advance(10_000);
    expect(await s.conversations.deleteStale(clock.now())).toBe(1);
    expect(s.caches.heldFor(30)).toBe(0);
    s.close();
  });
});
