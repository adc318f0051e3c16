import Database from "better-sqlite3";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSealer } from "../../src/store/crypto.js";
import { DataKeyMismatchError, openEmbeddedStores, resolveDataKey, StoredDataError } from "../../src/store/index.js";
import { DATABASE_FILE } from "../../src/store/sqlite.js";
import { npmStart, ownLines } from "../helpers/process.js";
import { dropTestDatabases } from "../helpers/pg.js";
import { FakeClock } from "../helpers/testBot.js";
import { ENGINES } from "./engines.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "nomad-kz-damage-"));
const KEY = Buffer.alloc(32, 5);
afterAll(dropTestDatabases);

// Damaged pages, empty or missing files and the issue-9 migration are SQLite's own: PostgreSQL keeps its files
// itself (a damaged page is the server's error, reported with the query) and never had the old reminders layout.

/** A database with enough rows to span many pages, closed (checkpointed into the main file). */
async function filledDatabase(): Promise<string> {
  const dir = tempDir();
  const stores = openEmbeddedStores(dir, KEY, new FakeClock());
  for (let i = 0; i < 400; i++) await stores.users.update(i, { timezone: "Europe/Berlin", language: "de" });
  stores.close();
  return dir;
}

describe("opening a damaged database", () => {
  it("stops with a message naming the file when pages are damaged (PRAGMA quick_check)", async () => {
    const dir = await filledDatabase();
    const file = join(dir, DATABASE_FILE);
    expect(statSync(file).size).toBeGreaterThan(8 * 4096);
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, 5 * 4096); // the header of a b-tree page
    closeSync(fd);
    expect(() => openEmbeddedStores(dir, KEY, new FakeClock())).toThrow(StoredDataError);
    expect(() => openEmbeddedStores(dir, KEY, new FakeClock())).toThrow(file);
  });

  it("stops when the file is not a database at all", () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE), "this is not sqlite ".repeat(400));
    expect(() => openEmbeddedStores(dir, KEY, new FakeClock())).toThrow(/nomad-kz\.sqlite is damaged/);
  });

  it("stops on a zero-length database instead of starting empty, and leaves the file as it was", () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE), "");
    expect(() => openEmbeddedStores(dir, KEY, new FakeClock())).toThrow(/is empty \(0 bytes\)/);
    expect(() => resolveDataKey(dir, "0f".repeat(32))).toThrow(StoredDataError);
    expect(statSync(join(dir, DATABASE_FILE)).size).toBe(0);
  });
});

describe("the data folder at start", () => {
  it("stops when the key file is there but the database is missing", () => {
    const dir = tempDir();
    const first = resolveDataKey(dir, undefined);
    openEmbeddedStores(dir, first.key, new FakeClock()).close();
    for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) rmSync(join(dir, f), { force: true });
    expect(() => resolveDataKey(dir, undefined)).toThrow(/is missing, but its key file .*data\.key exists/);
    expect(() => resolveDataKey(dir, "0f".repeat(32))).toThrow(StoredDataError);
  });

  it("is a first start with neither file, or with DATA_KEY set and no key file", () => {
    expect(resolveDataKey(tempDir(), undefined).origin).toBe("generated");
    const dir = tempDir();
    const fromEnv = resolveDataKey(dir, "0f".repeat(32));
    expect(fromEnv.origin).toBe("setting");
    expect(existsSync(join(dir, "data.key"))).toBe(false);
    openEmbeddedStores(dir, fromEnv.key, new FakeClock()).close();
    expect(resolveDataKey(dir, "0f".repeat(32)).origin).toBe("setting"); // and a second start
  });

  it("without DATA_KEY, a database written with DATA_KEY (or whose key file was deleted) stops and generates no key", () => {
    const withSetting = tempDir();
    openEmbeddedStores(withSetting, resolveDataKey(withSetting, "0f".repeat(32)).key, new FakeClock()).close();
    const lostKey = tempDir();
    openEmbeddedStores(lostKey, resolveDataKey(lostKey, undefined).key, new FakeClock()).close();
    rmSync(join(lostKey, "data.key"));
    for (const dir of [withSetting, lostKey]) {
      const files = readdirSync(dir).sort();
      expect(() => resolveDataKey(dir, undefined)).toThrow(DataKeyMismatchError);
      expect(() => resolveDataKey(dir, undefined)).toThrow(/needs the DATA_KEY it was written with\. Set DATA_KEY, or restore .*data\.key/);
      expect(readdirSync(dir).sort()).toEqual(files); // nothing written, no data.key left behind
    }
    expect(resolveDataKey(withSetting, "0f".repeat(32)).origin).toBe("setting"); // with its key it opens as before
  });

  it("npm start without DATA_KEY on a database written with one prints one line, exits 1 and writes no key", async () => {
    const dir = tempDir();
    openEmbeddedStores(dir, KEY, new FakeClock()).close();
    const run = npmStart({ DATA_DIR: dir }, "/start\n");
    expect(await run.exited).toBe(1);
    const lines = ownLines(run.stderr()).filter((l) => !l.startsWith(">"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("needs the DATA_KEY it was written with");
    expect(run.stdout()).not.toContain("generated a new data key");
    expect(existsSync(join(dir, "data.key"))).toBe(false);
  }, 40_000);

  it("npm start with an empty database prints one line naming the file and exits 1", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "data.key"), KEY.toString("hex") + "\n", { mode: 0o600 });
    writeFileSync(join(dir, DATABASE_FILE), "");
    const run = npmStart({ DATA_DIR: dir }, "/start\n");
    expect(await run.exited).toBe(1);
    const lines = ownLines(run.stderr()).filter((l) => !l.startsWith(">"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(join(dir, DATABASE_FILE));
    expect(lines[0]).toContain("is empty (0 bytes)");
  }, 40_000);
});

describe.each(ENGINES)("a reminder row that fails to decrypt on $name", (engine) => {
  it("is set aside: the dispatcher and the person's lists go on without it", async () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    const e = await engine.open(KEY, clock, (ev) => seen.push(ev.source));
    const row = (deadlineId: string) => ({ deadlineId, offsetId: "d0", dueAt: clock.now(), deadlineEnd: clock.now() + 86_400_000, payload: { deadlineId, date: "2026-11-22" } });
    await e.stores.reminders.replacePlan(9, [row("registration"), row("visa_end")]);
    const [victim] = (await e.sql("SELECT id, sealed FROM reminders ORDER BY id LIMIT 1")) as Array<{ id: number; sealed: Buffer }>;
    victim!.sealed.writeUInt8(victim!.sealed.readUInt8(20) ^ 0x10, 20);
    await e.sql("UPDATE reminders SET sealed = ? WHERE id = ?", [victim!.sealed, victim!.id]);

    const claimed = await e.stores.reminders.claimDue(clock.now(), 10);
    expect(claimed.map((r) => r.deadlineId)).toEqual(["visa_end"]);
    expect(seen).toEqual(["reminders"]);
    expect((await e.stores.reminders.all(9)).map((r) => r.deadlineId)).toEqual(["visa_end"]);
    expect(await e.stores.personal.takeUnreadable(9)).toEqual(["reminders"]);
    expect(await e.stores.personal.takeUnreadable(9)).toEqual([]); // told once
    await e.close();
  });
});

describe("the issue-9 migration of reminders", () => {
  it("seals the deadline and dates of rows written by the previous schema and drops the old table", async () => {
    const dir = tempDir();
    const sealer = createSealer(KEY);
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma("journal_mode = WAL");
    // The schema as it stood before (steps 1 and 2 of MIGRATIONS).
    db.exec(`CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
      CREATE TABLE kv (ns TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (ns, key));
      CREATE INDEX kv_updated ON kv (ns, updated_at);
      CREATE TABLE users (user_id INTEGER PRIMARY KEY, prefs BLOB NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE reminders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, deadline_id TEXT NOT NULL, offset_id TEXT NOT NULL,
        due_at INTEGER NOT NULL, planned_at INTEGER NOT NULL, deadline_end INTEGER NOT NULL, payload BLOB NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'sent', 'expired', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0, claimed_at INTEGER, sent_at INTEGER, UNIQUE (user_id, deadline_id, offset_id));
      CREATE INDEX reminders_due ON reminders (status, due_at);
      CREATE TABLE reminder_users (user_id INTEGER PRIMARY KEY, paused INTEGER NOT NULL DEFAULT 0);
      PRAGMA user_version = 2;`);
    db.prepare("INSERT INTO meta (name, value) VALUES ('key_check', ?)").run(sealer.seal("nomad-kz data key check", "meta:key_check"));
    const payload = { deadlineId: "b121_renewal", date: "2026-12-20" };
    const insert = db.prepare(
      "INSERT INTO reminders (user_id, deadline_id, offset_id, due_at, planned_at, deadline_end, payload, status, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    insert.run(42, "b121_renewal", "d7", 1_796_000_000_123, 1_796_000_000_123, 1_796_700_000_000, sealer.seal(JSON.stringify(payload), "reminder:42:b121_renewal:d7"), "sent", 1_796_000_100_000);
    insert.run(42, "b121_renewal", "d2", 1_796_400_000_000, 1_796_400_000_000, 1_796_700_000_000, sealer.seal(JSON.stringify(payload), "reminder:42:b121_renewal:d2"), "pending", null);
    const damaged = sealer.seal(JSON.stringify(payload), "reminder:42:b121_renewal:d0");
    damaged.writeUInt8(damaged.readUInt8(30) ^ 1, 30);
    insert.run(42, "b121_renewal", "d0", 1_796_600_000_000, 1_796_600_000_000, 1_796_700_000_000, damaged, "pending", null);
    db.close();

    const stores = openEmbeddedStores(dir, KEY, new FakeClock());
    const rows = await stores.reminders.all(42);
    expect(rows.map((r) => [r.deadlineId, r.offsetId, r.status, r.payload.date, r.deadlineEnd])).toEqual([
      ["b121_renewal", "d7", "sent", "2026-12-20", 1_796_700_000_000],
      ["b121_renewal", "d2", "pending", "2026-12-20", 1_796_700_000_000],
    ]);
    expect(rows[0]!.sentAt).toBe(1_796_000_100_000);
    expect(rows[0]!.dueAt).toBe(1_795_999_980_000); // rounded down to the minute
    const raw = (stores as unknown as { db: Database.Database }).db;
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'reminders_legacy'").get()).toBeUndefined();
    expect(await stores.personal.takeUnreadable(42)).toEqual(["reminders"]); // the damaged row was set aside, not lost silently
    // Muting by deadline still finds the converted rows through the keyed tag.
    expect(await stores.reminders.delete(42, { deadlineId: "b121_renewal" })).toBe(2);
    stores.close();
  });
});
