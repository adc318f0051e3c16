import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const KEY_HEX = "ab".repeat(32);

describe("parseConfig", () => {
  it("runs as a local chat with defaults when nothing is set", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ mode: "local", BOT_API_ROOT: "https://api.telegram.org", DATA_DIR: "./data", LOG_LEVEL: "info" });
    expect(config.DATA_KEY).toBeUndefined();
  });

  it("treats an empty BOT_TOKEN like a missing one", () => {
    expect(parseConfig({ BOT_TOKEN: "  " }).mode).toBe("local");
  });

  it("runs on Telegram with a token and a custom Bot API root (trailing slash dropped)", () => {
    const config = parseConfig({ BOT_TOKEN: TOKEN, BOT_API_ROOT: "http://127.0.0.1:8081/", DATA_DIR: "/tmp/x", LOG_LEVEL: "DEBUG", DATA_KEY: KEY_HEX });
    expect(config).toMatchObject({ mode: "telegram", BOT_TOKEN: TOKEN, BOT_API_ROOT: "http://127.0.0.1:8081", DATA_DIR: "/tmp/x", LOG_LEVEL: "debug" });
  });

  it("accepts a base64 data key", () => {
    const b64 = Buffer.alloc(32, 1).toString("base64");
    expect(parseConfig({ DATA_KEY: b64 }).DATA_KEY).toBe(b64);
  });

  it.each([
    [{ BOT_API_ROOT: "notaurl" }, "BOT_API_ROOT", /notaurl/],
    [{ BOT_API_ROOT: "ftp://example.com" }, "BOT_API_ROOT", /http/],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL", /one of/],
    [{ DATA_KEY: "short" }, "DATA_KEY", /64 hex/],
    [{ BOT_TOKEN: "not a token" }, "BOT_TOKEN", /BotFather/],
  ])("rejects %o with one readable line naming %s", (env, setting, hint) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(`Invalid setting ${setting}`);
    expect(message).toMatch(hint);
    expect(message).not.toContain("\n");
  });

  it("never echoes a secret in its error", () => {
    const secret = "my-very-secret-key-material-that-is-wrong";
    expect(() => parseConfig({ DATA_KEY: secret })).toThrow(ConfigError);
    try {
      parseConfig({ DATA_KEY: secret, BOT_TOKEN: "oops secret token" });
    } catch (e) {
      expect((e as Error).message).not.toContain(secret);
      expect((e as Error).message).not.toContain("oops secret token");
    }
  });
});
