import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataKeyMismatchError, openEmbeddedStores, resolveDataKey } from "../../src/store/index.js";
import { FakeClock } from "../helpers/testBot.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "nomad-kz-store-"));
const KEY = Buffer.alloc(32, 3);

function rawDatabaseBytes(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.startsWith("nomad-kz.sqlite"))
    .map((f) => readFileSync(join(dir, f)).toString("latin1"))
    .join("");
}

describe("embedded stores", () => {
  it("keep preferences and sessions across a reopen", async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    let stores = openEmbeddedStores(dir, KEY, clock);
    await stores.users.update(42, { language: "kk" });
    await stores.users.update(42, { timezone: "Europe/Berlin" });
    await stores.sessions.write("42", { menuMessageId: 7 });
    stores.close();
    stores = openEmbeddedStores(dir, KEY, clock);
    expect(await stores.users.get(42)).toEqual({ language: "kk", timezone: "Europe/Berlin" });
    expect(await stores.sessions.read("42")).toEqual({ menuMessageId: 7 });
    expect(await stores.users.get(43)).toEqual({});
    stores.close();
  });

  it("store personal data encrypted: the plaintext is nowhere in the database files", async () => {
    const dir = tempDir();
    const stores = openEmbeddedStores(dir, KEY, new FakeClock());
    await stores.conversations.write("42", { answer: "Uzbekistan-and-a-criminal-record" });
    await stores.users.update(42, { timezone: "Asia/Tashkent" });
    stores.close();
    const raw = rawDatabaseBytes(dir);
    expect(raw).not.toContain("Uzbekistan-and-a-criminal-record");
    expect(raw).not.toContain("Asia/Tashkent");
  });

  it("refuse to open with another key instead of losing or misreading data", () => {
    const dir = tempDir();
    openEmbeddedStores(dir, KEY, new FakeClock()).close();
    expect(() => openEmbeddedStores(dir, Buffer.alloc(32, 9), new FakeClock())).toThrow(DataKeyMismatchError);
  });

  it("delete entries left untouched since a cutoff, and only those", async () => {
    const clock = new FakeClock();
    const stores = openEmbeddedStores(tempDir(), KEY, clock);
    await stores.conversations.write("old", { step: 1 });
    clock.advance(25 * 3600_000);
    await stores.conversations.write("fresh", { step: 2 });
    expect(await stores.conversations.deleteStale(clock.now() - 24 * 3600_000)).toBe(1);
    expect(await stores.conversations.read("old")).toBeUndefined();
    expect(await stores.conversations.read("fresh")).toEqual({ step: 2 });
    stores.close();
  });

  it("erase a user's preferences", async () => {
    const stores = openEmbeddedStores(tempDir(), KEY, new FakeClock());
    await stores.users.update(5, { language: "de" });
    await stores.users.delete(5);
    expect(await stores.users.get(5)).toEqual({});
    stores.close();
  });
});

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
