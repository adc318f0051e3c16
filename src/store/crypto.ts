import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypts values at rest with AES-256-GCM; the associated data binds a ciphertext to its row. */
export interface Sealer {
  seal(plain: string, associated: string): Buffer;
  open(sealed: Buffer, associated: string): string;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new Error("The data key must be exactly 32 bytes.");
  return {
    seal(plain, associated) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(associated, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
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
 */
export function resolveDataKey(dataDir: string, setting: string | undefined): ResolvedKey {
  if (setting) return { key: decodeKey(setting), origin: "setting" };
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, KEY_FILE_NAME);
  if (existsSync(file)) return { key: decodeKey(readFileSync(file, "utf8")), origin: "file", file };
  const key = randomBytes(32);
  writeFileSync(file, key.toString("hex") + "\n", { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return { key, origin: "generated", file };
}
