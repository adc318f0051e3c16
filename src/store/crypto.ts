import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomFillSync } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DATABASE_FILE, DataKeyMismatchError, StoredDataError } from "./sqlite.js";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION_BYTE = Buffer.from([VERSION]);

const TAG_BYTES_OUT = 16;

/** Encrypts values at rest with AES-256-GCM; the associated data binds a ciphertext to its row. */
export interface Sealer {
  seal(plain: string, associated: string): Buffer;
  open(sealed: Buffer, associated: string): string;
  /**
   * A keyed HMAC-SHA-256 (16 bytes) of `text`: an opaque, stable lookup key for a value that must not
   * be stored in clear but must still be found by equality (e.g. which deadline a reminder is for).
   */
  tag(text: string): Buffer;
}

/** IVs drawn at a time: one call to the system's random source per this many seals. */
const IVS_PER_DRAW = 512;
let ivPool = Buffer.alloc(0);
let ivAt = 0;

/**
 * A fresh random IV. `randomBytes(12)` per seal was most of a seal's cost (a native call and a buffer each time
 * for 12 bytes), so random bytes are drawn for many IVs at once and handed out in turn, each slice once: the IVs
 * are as random and as unique as before. A new pool is drawn each time (never refilled in place).
 */
function nextIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = randomFillSync(Buffer.allocUnsafe(IV_BYTES * IVS_PER_DRAW));
    ivAt = 0;
  }
  const iv = ivPool.subarray(ivAt, ivAt + IV_BYTES);
  ivAt += IV_BYTES;
  return iv;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new Error("The data key must be exactly 32 bytes.");
  // A separate key for the HMAC, derived from the data key, so one key is never used for two algorithms.
  const tagKey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "nomad-kz lookup tags v1", 32));
  return {
    tag(text) {
      return createHmac("sha256", tagKey).update(text, "utf8").digest().subarray(0, TAG_BYTES_OUT);
    },
    seal(plain, associated) {
      const iv = nextIv();
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(associated, "utf8"));
      const body = cipher.update(plain, "utf8");
      cipher.final(); // GCM is a stream mode: final() adds no bytes, it computes the tag
      return Buffer.concat([VERSION_BYTE, iv, cipher.getAuthTag(), body], 1 + IV_BYTES + TAG_BYTES + body.length);
    },
    open(sealed, associated) {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
        throw new Error("Stored value is not in a known encrypted format.");
      }
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAAD(Buffer.from(associated, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    },
  };
}

/** Decodes DATA_KEY as given in the settings: 64 hex digits or 44 base64 characters. */
export function decodeKey(text: string): Buffer {
  const trimmed = text.trim();
  return /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
}

export interface ResolvedKey {
  key: Buffer;
  /** Where the key came from; "generated" means a new key file was just written. */
  origin: "setting" | "file" | "generated";
  file?: string;
}

export const KEY_FILE_NAME = "data.key";

/**
 * Finds the key that encrypts personal data: the DATA_KEY setting, else the key file in the data
 * folder, else a new random key written to that file with mode 0600 (the caller warns about it).
 * A key file means data was written here before: if the database next to it is missing or empty,
 * it stops instead of starting afresh (which would silently lose everything). A database without a key
 * file and without DATA_KEY stops too: only the key it was written with can open it.
 */
export function resolveDataKey(dataDir: string, setting: string | undefined): ResolvedKey {
  const file = join(dataDir, KEY_FILE_NAME);
  checkDataFolder(dataDir, file);
  if (setting) return { key: decodeKey(setting), origin: "setting" };
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(file)) return { key: decodeKey(readFileSync(file, "utf8")), origin: "file", file };
  // A database with no key file was written with DATA_KEY, or its key file was lost: a new key could never open
  // it, so none is generated (nor left behind) and the start stops with what to do.
  const database = join(dataDir, DATABASE_FILE);
  if (existsSync(database)) {
    throw new DataKeyMismatchError(
      `DATA_KEY is not set and there is no key file ${file}, but the database ${database} exists: it needs the DATA_KEY it was written with. Set DATA_KEY, or restore ${file} from a backup; no new key was generated.`,
    );
  }
  const key = randomBytes(32);
  writeFileSync(file, key.toString("hex") + "\n", { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return { key, origin: "generated", file };
}

/**
 * A first start has neither a key file nor a database (or only a database key from DATA_KEY).
 * A key file without its database, or a zero-length database, is damage or a lost file: stop.
 */
function checkDataFolder(dataDir: string, keyFile: string): void {
  const database = join(dataDir, DATABASE_FILE);
  const hasDatabase = existsSync(database);
  if (hasDatabase && statSync(database).size === 0) {
    throw new StoredDataError(
      `The database file ${database} is empty (0 bytes), so the data it held is gone. Restore it from a backup; if you really mean to start with no data, delete the file.`,
    );
  }
  if (!hasDatabase && existsSync(keyFile)) {
    throw new StoredDataError(
      `The database file ${database} is missing, but its key file ${keyFile} exists: the data was moved or lost. Restore the database from a backup (or set DATA_DIR to where it is); to start afresh with no data, delete ${keyFile}.`,
    );
  }
}
