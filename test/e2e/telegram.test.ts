import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { privacyText } from "../../src/bot/features/privacy.js";
import type { ApiCall } from "../../src/local/botApiEmulator.js";
import { BotApiServer } from "../helpers/botApiServer.js";
import { npmStart, ownLines, type Started } from "../helpers/process.js";

const TOKEN = "4242424242:E2E-test-token_abcdefghijklmnopq";
const i18n = createI18n();
const t = (lng: string) => i18n.getFixedT(lng);

let server: BotApiServer;
let root: string;
const dataDir = mkdtempSync(join(tmpdir(), "nomad-kz-e2e-"));

function start(): Started {
  return npmStart({ BOT_TOKEN: TOKEN, BOT_API_ROOT: root, DATA_DIR: dataDir, LOG_LEVEL: "info" });
}

const user = (id: number, language_code: string) => ({ id, is_bot: false, first_name: `U${id}`, language_code });
const chat = (id: number) => ({ id, type: "private" as const, first_name: `U${id}` });
let messageId = 1;

function sendText(id: number, lng: string, text: string): number {
  const since = server.calls.length;
  const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  server.push({ message: { message_id: messageId++, date: 1_800_000_000, chat: chat(id), from: user(id, lng), text, ...(entities ? { entities } : {}) } } as never);
  return since;
}

const toChat = (id: number) => (c: ApiCall) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.payload.chat_id) === id;

async function replyTo(id: number, lng: string, text: string): Promise<ApiCall> {
  return server.waitForCall(toChat(id), sendText(id, lng, text));
}

beforeAll(async () => {
  server = new BotApiServer(TOKEN);
  root = await server.start();
});
afterAll(async () => {
  await server.stop();
});

describe("npm start against an emulated Bot API", () => {
  it("registers itself, answers in each user's language, switches to German, survives odd input and a restart", async () => {
    let bot = start();
    try {
      await server.waitForCall((c) => c.method === "deleteWebhook", 0, 30_000);
      const commandLanguages = (await Promise.all(
        ["ru", "kk", "de"].map((lng) => server.waitForCall((c) => c.method === "setMyCommands" && c.payload.language_code === lng)),
      )).map((c) => c.payload.language_code);
      expect(commandLanguages).toEqual(["ru", "kk", "de"]);
      const deCommands = server.calls.find((c) => c.method === "setMyCommands" && c.payload.language_code === "de")!;
      expect(JSON.stringify(deCommands.payload.commands)).toContain(JSON.stringify(t("de")("commands.help")).slice(1, -1));
      expect(server.calls.some((c) => c.method === "setMyDescription" && c.payload.language_code === "kk")).toBe(true);

      for (const [i, lng] of ["en", "ru", "kk", "de"].entries()) {
        const id = 100 + i;
        expect(String((await replyTo(id, lng, "/start")).payload.text).startsWith(t(lng)("start.welcome", { name: `U${id}` }))).toBe(true);
        expect(String((await replyTo(id, lng, "/help")).payload.text)).toContain(t(lng)("help.title"));
        expect((await replyTo(id, lng, "/privacy")).payload.text).toBe(privacyText(t(lng)));
        expect((await replyTo(id, lng, "/language")).payload.text).toBe(t(lng)("language.choose"));
        expect((await replyTo(id, lng, "/cancel")).payload.text).toBe(t(lng)("cancel.nothing"));
      }

      // An English speaker picks Deutsch on the /language keyboard.
      const menu = await replyTo(200, "en", "/language");
      const since = server.calls.length;
      server.push({
        callback_query: { id: "cb1", from: user(200, "en"), chat_instance: "x", data: "lang:de", message: menu.result as Message },
      } as never);
      const confirmation = await server.waitForCall(toChat(200), since);
      expect(confirmation.method).toBe("editMessageText");
      expect(confirmation.payload.text).toBe(t("de")("language.saved_long", { language: "Deutsch" }));
      expect(String((await replyTo(200, "en", "/help")).payload.text)).toContain(t("de")("help.title"));

      // A sticker and a photo get a polite answer; the process keeps running.
      let mark = server.calls.length;
      server.push({ message: { message_id: messageId++, date: 1_800_000_000, chat: chat(200), from: user(200, "en"), sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } } } as never);
      expect((await server.waitForCall(toChat(200), mark)).payload.text).toBe(t("de")("unhandled.media"));
      mark = server.calls.length;
      server.push({ message: { message_id: messageId++, date: 1_800_000_000, chat: chat(201), from: user(201, "ru"), photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] } } as never);
      expect((await server.waitForCall(toChat(201), mark)).payload.text).toBe(t("ru")("unhandled.media"));
      expect(bot.child.exitCode).toBeNull();

      // A graceful stop, then a restart on the same data: the language choice is still there.
      bot.signal("SIGTERM");
      await bot.exited;
      expect(bot.stdout()).toContain('"msg":"stopping"');
      expect(bot.stderr()).not.toMatch(/Error|failed/);
      bot = start();
      expect(String((await replyTo(200, "en", "/help")).payload.text)).toContain(t("de")("help.title"));
      expect(bot.stderr()).not.toContain(TOKEN);
      expect(bot.stdout()).not.toContain(TOKEN);
    } finally {
      bot.signal("SIGTERM");
      await bot.exited;
    }
  }, 90_000);

  it("refuses a token the Bot API rejects with one readable line", async () => {
    const bad = npmStart({ BOT_TOKEN: "1:wrong-token-xyz", BOT_API_ROOT: root, DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    expect(await bad.exited).not.toBe(0);
    expect(ownLines(bad.stderr())).toHaveLength(1);
    expect(ownLines(bad.stderr())[0]).toMatch(/^Invalid setting BOT_TOKEN: the Bot API rejected it \(401/);
  }, 30_000);
});

describe("bad settings", () => {
  it("fail at start with one readable line naming the setting", async () => {
    const bad = npmStart({ BOT_API_ROOT: "notaurl", DATA_DIR: dataDir });
    expect(await bad.exited).toBe(1);
    expect(ownLines(bad.stderr())).toEqual(['Invalid setting BOT_API_ROOT: must be an http(s) URL such as https://api.telegram.org (got "notaurl")',
    ]);
  }, 30_000);
});
