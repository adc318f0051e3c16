import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataKeyMismatchError, openEmbeddedStores, resolveDataKey } from "../../src/store/index.js";
import { dropTestDatabases } from "../helpers/pg.js";
import { FakeClock } from "../helpers/testBot.js";
import { ENGINES } from "./engines.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "nomad-kz-store-"));
const KEY = Buffer.alloc(32, 3);
afterAll(dropTestDatabases);

function rawDatabaseBytes(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.startsWith("nomad-kz.sqlite"))
    .map((f) => readFileSync(join(dir, f)).toString("latin1"))
    .join("");
}

describe.each(ENGINES)("stores on $name", (engine) => {
  it("keep preferences and sessions across a reopen", async () => {
    const clock = new FakeClock();
    let e = await engine.open(KEY, clock);
    await e.stores.users.update(42, { language: "kk" });
    await e.stores.users.update(42, { timezone: "Europe/Berlin" });
    await e.stores.sessions.write("42", { menuMessageId: 7 });
    e = await e.reopen();
    expect(await e.stores.users.get(42)).toEqual({ language: "kk", timezone: "Europe/Berlin" });
    expect(await e.stores.sessions.read("42")).toEqual({ menuMessageId: 7 });
    expect(await e.stores.users.get(43)).toEqual({});
    await e.close();
  });

  it("store personal data encrypted: the plaintext is in no cell of any table (SQLite: nor anywhere in its files)", async () => {
    const e = await engine.open(KEY, new FakeClock());
    await e.stores.conversations.write("42", { answer: "Uzbekistan-and-a-criminal-record" });
    await e.stores.users.update(42, { timezone: "Asia/Tashkent" });
    const words = ["Uzbekistan-and-a-criminal-record", "Asia/Tashkent"];
    const cells = await e.cells();
    expect(cells.filter((c) => c.table === "kv" || c.table === "users").length).toBeGreaterThan(0);
    for (const cell of cells) {
      const text = Buffer.isBuffer(cell.value) ? cell.value.toString("latin1") : String(cell.value);
      for (const word of words) expect(text, `${cell.table}.${cell.column}`).not.toContain(word);
    }
    // The values are sealed, not merely encoded: each stored value is a ciphertext that decrypts only with the key.
    const [kv] = await e.sql("SELECT value FROM kv WHERE ns = 'conversation' AND key = '42'");
    expect(Buffer.isBuffer(kv!.value) && (kv!.value as Buffer).length).toBeGreaterThan(28);
    await e.close();
    if (e.dataDir) {
      const raw = rawDatabaseBytes(e.dataDir);
      for (const word of words) expect(raw).not.toContain(word);
    }
  });

  it("refuse to open with another key instead of losing or misreading data", async () => {
    const e = await engine.open(KEY, new FakeClock());
    await expect(e.reopen(Buffer.alloc(32, 9))).rejects.toThrow(DataKeyMismatchError);
  });

  it("delete entries left untouched since a cutoff, and only those", async () => {
    const clock = new FakeClock();
    const e = await engine.open(KEY, clock);
    await e.stores.conversations.write("old", { step: 1 });
    clock.advance(25 * 3600_000);
    await e.stores.conversations.write("fresh", { step: 2 });
    expect(await e.stores.conversations.deleteStale(clock.now() - 24 * 3600_000)).toBe(1);
    expect(await e.stores.conversations.read("old")).toBeUndefined();
    expect(await e.stores.conversations.read("fresh")).toEqual({ step: 2 });
    await e.close();
  });

  it("erase a user's preferences", async () => {
    const e = await engine.open(KEY, new FakeClock());
    await e.stores.users.update(5, { language: "de" });
    await e.stores.users.update(6, { language: "ru" });
    await e.stores.users.delete(5);
    expect(await e.stores.users.get(5)).toEqual({});
    expect(await e.stores.users.get(6)).toEqual({ language: "ru" });
    await e.close();
  });
});

// SQLite only: the generated key file lives in DATA_DIR; PostgreSQL needs DATA_KEY set.
describe("data key", () => {
  it("is generated once into a 0600 file when DATA_KEY is unset, then reused", () => {
    const dir = tempDir();
    const first = resolveDataKey(dir, undefined);
    expect(first.origin).toBe("generated");
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    openEmbeddedStores(dir, first.key, new FakeClock()).close();
    const second = resolveDataKey(dir, undefined);
    expect(second.origin).toBe("file");
    expect(second.key.equals(first.key)).toBe(true);
  });

  it("comes from DATA_KEY when set, in hex or base64", () => {
    const dir = tempDir();
    expect(resolveDataKey(dir, "0f".repeat(32)).key.equals(Buffer.alloc(32, 15))).toBe(true);
    expect(resolveDataKey(dir, Buffer.alloc(32, 15).toString("base64")).key.equals(Buffer.alloc(32, 15))).toBe(true);
  });
});
