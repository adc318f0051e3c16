/**
 * No update lost in polling mode: the real `npm start` against the HTTP Bot API emulator, killed
 * with 200 updates in flight (kill -9, and SIGTERM), restarted on the same data; every update is
 * answered exactly once. Each update is an unknown command `/uN`, whose reply echoes it, so replies
 * can be counted per update.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiCall } from "../../src/local/botApiEmulator.js";
import { BotApiServer } from "../helpers/botApiServer.js";
import { eventually, npmStart, type Started } from "../helpers/process.js";

const TOKEN = "4242424242:E2E-inbox-token_abcdefghijklmnopq";
const UPDATES = 200;
const CHATS = 20;

let server: BotApiServer;
let root: string;
const dirs: string[] = [];
const running: Started[] = [];

beforeAll(async () => {
  server = new BotApiServer(TOKEN);
  root = await server.start();
});
afterAll(async () => {
  for (const bot of running) {
    bot.signal("SIGKILL");
    await bot.exited;
  }
  await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function start(dataDir: string): Started {
  const bot = npmStart({ BOT_TOKEN: TOKEN, BOT_API_ROOT: root, DATA_DIR: dataDir, DATA_KEY: "ab".repeat(32), LOG_LEVEL: "info" });
  running.push(bot);
  return bot;
}

/** Pushes `/u<first>` … `/u<first+count-1>`, spread over the chats (so per-chat order matters too). */
function pushCommands(tag: string, count: number): void {
  for (let n = 0; n < count; n++) {
    const id = 9000 + (n % CHATS);
    const text = `/${tag}${n}`;
    server.push({
      message: {
        message_id: 1000 + n,
        date: 1_800_000_000,
        chat: { id, type: "private", first_name: `U${id}` },
        from: { id, is_bot: false, first_name: `U${id}`, language_code: "en" },
        text,
        entities: [{ type: "bot_command", offset: 0, length: text.length }],
      },
    } as never);
  }
}

/** How many delivered replies echo each `/<tag>N` (only calls the emulator processed count). */
function repliesPerUpdate(tag: string): number[] {
  const counts = Array.from({ length: UPDATES }, () => 0);
  const pattern = new RegExp(`/${tag}(\\d+)\\b`);
  for (const c of server.calls as ApiCall[]) {
    if (c.method !== "sendMessage" || c.result === undefined) continue;
    const n = pattern.exec(String(c.payload.text))?.[1];
    if (n !== undefined) counts[Number(n)]!++;
  }
  return counts;
}

const answered = (tag: string) => repliesPerUpdate(tag).filter((n) => n > 0).length;

async function ready(bot: Started, since: number): Promise<void> {
  await eventually(() => bot.stdout().includes("bot is running"), () => `bot did not start: ${bot.stderr()}`, 30_000);
  await server.waitForCall((c) => c.method === "getUpdates", since, 10_000);
}

describe("the polling inbox", () => {
  it("kill -9 with 200 updates in flight: after a restart every update is answered exactly once", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "nomad-kz-inbox-"));
    dirs.push(dataDir);
    let bot = start(dataDir);
    await ready(bot, 0);
    // Replies stop being processed after the first 60: the other updates are fetched and in flight.
    pushCommands("k", UPDATES);
    await eventually(() => answered("k") >= 60, () => `only ${answered("k")} answered`);
    server.hold("sendMessage");
    // Wait until Telegram was told about all of them (a getUpdates past the last id).
    const last = server.lastUpdateId;
    const confirmed = () => server.calls.some((c) => c.method === "getUpdates" && Number(c.payload.offset) > last);
    await eventually(confirmed, () => "the updates were not all fetched", 10_000);
    await new Promise((r) => setTimeout(r, 500));
    const before = answered("k");
    expect(before).toBeLessThan(UPDATES);
    bot.signal("SIGKILL");
    await bot.exited;
    // Telegram was told about every update (they are gone from its queue); the held replies never happened.
    server.dropHeld();

    const since = server.calls.length;
    bot = start(dataDir);
    await ready(bot, since);
    await eventually(() => answered("k") === UPDATES, () => `answered ${answered("k")} of ${UPDATES}`, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    const counts = repliesPerUpdate("k");
    expect(counts.filter((n) => n === 0)).toEqual([]);
    expect(counts.filter((n) => n > 1)).toEqual([]);
    expect(bot.stdout()).toContain("handling updates left unfinished by the last run");
    console.info(`kill -9: ${before} answered before the kill, ${UPDATES - before} in flight, lost 0, twice 0`);
    bot.signal("SIGTERM");
    await bot.exited;
  }, 60_000);

  it("SIGTERM with 200 updates in flight: handlers finish, none is lost or answered twice", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "nomad-kz-inbox-"));
    dirs.push(dataDir);
    let bot = start(dataDir);
    await ready(bot, server.calls.length);
    pushCommands("t", UPDATES);
    await eventually(() => answered("t") >= 20, () => `only ${answered("t")} answered`);
    bot.signal("SIGTERM");
    // npm dies of the signal at once; the bot itself logs when it has closed the database.
    await eventually(() => bot.stdout().includes('"msg":"stopped"'), () => `not stopped: ${JSON.stringify(bot.stdout().slice(-1500))} ${JSON.stringify(bot.stderr().slice(-1500))}`, 15_000);
    await bot.exited;
    expect(bot.stdout()).toMatch(/"in_flight":\d+.*"msg":"stopping"/);
    expect(bot.stdout()).not.toContain("still in flight");
    const before = answered("t");

    const since = server.calls.length;
    bot = start(dataDir);
    await ready(bot, since);
    await eventually(() => answered("t") === UPDATES, () => `answered ${answered("t")} of ${UPDATES}`, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    const counts = repliesPerUpdate("t");
    expect(counts.filter((n) => n === 0)).toEqual([]);
    expect(counts.filter((n) => n > 1)).toEqual([]);
    console.info(`SIGTERM: ${before} answered before the restart, lost 0, twice 0`);
    bot.signal("SIGTERM");
    await bot.exited;
  }, 60_000);

  it("an unreachable Bot API at start is retried, and each retry is logged with its attempt and delay", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "nomad-kz-inbox-"));
    dirs.push(dataDir);
    const bot = npmStart({ BOT_TOKEN: TOKEN, BOT_API_ROOT: "http://127.0.0.1:9", DATA_DIR: dataDir, DATA_KEY: "ab".repeat(32), LOG_LEVEL: "info" });
    running.push(bot);
    await eventually(() => /"attempt":2/.test(bot.stdout()), () => `no retry logged: ${bot.stdout()}${bot.stderr()}`, 30_000);
    const first = bot.stdout().split("\n").find((l) => l.includes('"attempt":1'))!;
    expect(first).toContain('"method":"getMe"');
    expect(first).toMatch(/"retry_in_ms":\d+/);
    expect(first).toContain("ECONNREFUSED");
    expect(bot.stdout()).not.toContain(TOKEN);
    bot.signal("SIGTERM");
    await bot.exited;
  }, 45_000);
});
