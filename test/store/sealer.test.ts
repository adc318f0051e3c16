import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSealer } from "../../src/store/crypto.js";

const KEY = Buffer.alloc(32, 4);

describe("the sealer", () => {
  it("gives every value its own IV, also across the draws of random bytes, and each opens with its row only", () => {
    const sealer = createSealer(KEY);
    const ivs = new Set<string>();
    for (let i = 0; i < 1_500; i++) {
      const sealed = sealer.seal(`value ${i}`, `row:${i}`);
      ivs.add(sealed.subarray(1, 13).toString("hex"));
      expect(sealer.open(sealed, `row:${i}`)).toBe(`value ${i}`);
      if (i % 100 === 0) expect(() => sealer.open(sealed, `row:${i + 1}`)).toThrow();
    }
    expect(ivs.size).toBe(1_500);
  });

  it("opens values written in the stored format (version byte, IV, tag, AES-256-GCM body)", () => {
    const iv = Buffer.alloc(12, 1);
    const cipher = createCipheriv("aes-256-gcm", KEY, iv);
    cipher.setAAD(Buffer.from("kv:conversation:42", "utf8"));
    const body = Buffer.concat([cipher.update('{"a":1}', "utf8"), cipher.final()]);
    const stored = Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
    expect(createSealer(KEY).open(stored, "kv:conversation:42")).toBe('{"a":1}');
  });
});
