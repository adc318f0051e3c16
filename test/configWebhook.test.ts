import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const KEY_HEX = "ab".repeat(32);
const WEBHOOK = { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.com/telegram", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" };

describe("parseConfig for webhook mode and PostgreSQL", () => {
  it("keeps long polling the default, and webhook settings only in webhook mode", () => {
    const polling = parseConfig({ BOT_TOKEN: TOKEN, WEBHOOK_URL: "https://x.example/t", PORT: "9" });
    expect(polling.mode).toBe("telegram");
    expect(polling).not.toHaveProperty("WEBHOOK_URL");
    expect(polling).not.toHaveProperty("PORT");
    expect(parseConfig({ ...WEBHOOK })).toMatchObject({ mode: "webhook", WEBHOOK_URL: WEBHOOK.WEBHOOK_URL, WEBHOOK_SECRET: WEBHOOK.WEBHOOK_SECRET, PORT: 8080 });
    expect(parseConfig({ ...WEBHOOK, PORT: "3000" })).toMatchObject({ PORT: 3000 });
  });

  it.each([
    [{ ...WEBHOOK, WEBHOOK_URL: undefined }, /^Invalid setting WEBHOOK_URL/],
    [{ ...WEBHOOK, WEBHOOK_SECRET: "short" }, /^Invalid setting WEBHOOK_SECRET: must be 16 to 256/],
    [{ ...WEBHOOK, WEBHOOK_SECRET: "has spaces in it, sixteen+" }, /^Invalid setting WEBHOOK_SECRET/],
    [{ ...WEBHOOK, PORT: "70000" }, /^Invalid setting PORT/],
    [{ ...WEBHOOK, BOT_TOKEN: undefined }, /^Invalid setting BOT_TOKEN: must be set when BOT_MODE is webhook/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "pull" }, /^Invalid setting BOT_MODE: must be polling or webhook/],
    [{ DATABASE_URL: "mysql://x" }, /^Invalid setting DATABASE_URL: must be a PostgreSQL URL/],
    [{ DATABASE_URL: "postgres://bot:pw@db/nomad" }, /^Invalid setting DATA_KEY: must be set when DATABASE_URL is set/],
  ])("stops with one line naming the setting (%#)", (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it("never echoes the webhook secret or the database URL (it holds a password)", () => {
    for (const env of [{ ...WEBHOOK, WEBHOOK_SECRET: "bad secret with spaces xx" }, { DATABASE_URL: "postgres://bot:hunter2 x", DATA_KEY: KEY_HEX }]) {
      try {
        parseConfig(env);
        expect.unreachable();
      } catch (err) {
        expect(String(err)).not.toContain("bad secret");
        expect(String(err)).not.toContain("hunter2");
      }
    }
  });

  it("takes PostgreSQL with a data key, in either mode", () => {
    expect(parseConfig({ ...WEBHOOK, DATABASE_URL: "postgres://bot:pw@db:5432/nomad", DATA_KEY: KEY_HEX })).toMatchObject({ mode: "webhook", DATABASE_URL: "postgres://bot:pw@db:5432/nomad" });
    expect(parseConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: "postgresql://db/nomad", DATA_KEY: KEY_HEX }).mode).toBe("telegram");
  });
});
