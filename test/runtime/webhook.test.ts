import { afterAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { BotApiEmulator } from "../../src/local/botApiEmulator.js";
import { createLogger } from "../../src/logger.js";
import { ReplayingFetch } from "../../src/runtime/replayFetch.js";
import { startWebhookServer, type WebhookServer } from "../../src/runtime/webhook.js";
import { openPgStores, type Stores } from "../../src/store/index.js";
import { dropTestDatabases, freshDatabase, PG_URL, pgRaw } from "../helpers/pg.js";
import { createHarness, FakeClock, TEST_KEY, type Harness } from "../helpers/testBot.js";
import { makeUser, textUpdate } from "../helpers/updates.js";

const SECRET = "webhook-secret-0123456789";
afterAll(dropTestDatabases);

interface Setup {
  h: Harness;
  http: WebhookServer;
  close(): Promise<void>;
}

const ENGINES: Array<{ name: string; stores?: (clock: FakeClock) => Promise<Stores> }> = [
  { name: "sqlite" },
  ...(PG_URL ? [{ name: "postgres", stores: async (clock: FakeClock) => openPgStores(await freshDatabase(), TEST_KEY, clock, { poolSize: 8 }) }] : []),
];

/** `hold`: every reply of the bot waits for it (updates stay in flight until the test lets them go). */
async function setup(engine: (typeof ENGINES)[number], hold?: Promise<void>): Promise<Setup> {
  const clock = new FakeClock();
  const stores = engine.stores ? await engine.stores(clock) : undefined;
  const h = await createHarness({ clock, stores, logLevel: "silent" });
  if (hold) h.bot.api.config.use(async (prev, method, payload, signal) => (await hold, prev(method, payload, signal)));
  const s = h.services.stores;
  const http = await startWebhookServer(h.bot, { inbox: s.inbox, chatLock: s.chatLock, logger: h.services.logger, secret: SECRET, path: "/telegram", ping: () => s.ping() }, { port: 0, host: "127.0.0.1" });
  return {
    h,
    http,
    close: async () => {
      await http.stop(1000);
      h.close();
      if (stores) await stores.close();
    },
  };
}

const post = (s: Setup, update: unknown, secret: string | null = SECRET) =>
  fetch(`${s.http.address}/telegram`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }) },
    body: JSON.stringify(update),
  });

const repliesTo = (s: Setup, chatId: number) => s.h.api.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === chatId);
const texts = (s: Setup, chatId: number) => repliesTo(s, chatId).map((c) => String(c.payload.text));

describe.each(ENGINES)("webhook mode on $name", (engine) => {
  it("answers 401 to a wrong or missing secret and handles nothing", async () => {
    const s = await setup(engine);
    const user = makeUser({ id: 9101 });
    expect((await post(s, textUpdate(user, "/help", 1), "wrong-secret-0123456789")).status).toBe(401);
    expect((await post(s, textUpdate(user, "/help", 1), null)).status).toBe(401);
    expect((await post(s, textUpdate(user, "/help", 1), SECRET.slice(0, -1))).status).toBe(401);
    expect(repliesTo(s, user.id)).toEqual([]);
    expect((await post(s, textUpdate(user, "/help", 1))).status).toBe(200);
    expect(repliesTo(s, user.id)).toHaveLength(1);
    await s.close();
  });

  it("handles an update_id once, however often and however concurrently Telegram sends it", async () => {
    const s = await setup(engine);
    const user = makeUser({ id: 9102 });
    const update = textUpdate(user, "/help", 1);
    const answers = await Promise.all([post(s, update), post(s, update), post(s, update)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await post(s, update)).status).toBe(200);
    expect(repliesTo(s, user.id)).toHaveLength(1);
    await s.close();
  });

  it("keeps a chat's updates in order when they arrive together", async () => {
    let letGo!: () => void;
    const s = await setup(engine, new Promise<void>((r) => (letGo = r)));
    const user = makeUser({ id: 9103, language_code: "en" });
    const updates: Update[] = ["/help", "/privacy", "/help", "/privacy"].map((text) => textUpdate(user, text, 1));
    // All four arrive while the first is being handled; whichever request gets the chat next, the order holds.
    const answers: Array<Promise<Response>> = [];
    for (const u of updates) {
      answers.push(post(s, u));
      while (s.http.inFlight() < answers.length) await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 100));
    letGo();
    expect((await Promise.all(answers)).map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const got = texts(s, user.id);
    expect(got).toHaveLength(4);
    expect(got[0]).toBe(got[2]);
    expect(got[1]).toBe(got[3]);
    expect(got[0]).not.toBe(got[1]);
    expect(got[0]).toContain("/start"); // the help text comes first, as /help was sent first
    await s.close();
  });

  it("reports health and readiness, and on shutdown finishes the updates in flight and takes no more", async () => {
    let letGo!: () => void;
    const s = await setup(engine, new Promise<void>((r) => (letGo = r)));
    expect((await fetch(`${s.http.address}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${s.http.address}/readyz`)).json()).toEqual({ ready: true });
    const users = Array.from({ length: 10 }, (_, i) => makeUser({ id: 9200 + i }));
    const answers = users.map((u) => post(s, textUpdate(u, "/help", 1)));
    while (s.http.inFlight() < users.length) await new Promise((r) => setTimeout(r, 5));
    // All ten are held inside the bot when the shutdown starts; they are let go only afterwards.
    const stopped = s.http.stop(5000);
    await new Promise((r) => setTimeout(r, 50));
    expect(repliesTo(s, users[0]!.id)).toEqual([]);
    await expect(post(s, textUpdate(users[0]!, "/help", 1))).rejects.toThrow();
    letGo();
    expect(await stopped).toBe(0);
    expect((await Promise.all(answers)).map((a) => a.status)).toEqual(users.map(() => 200));
    for (const u of users) expect(repliesTo(s, u.id)).toHaveLength(1);
    await s.close();
  });
});

/**
 * What a SIGKILL does to an instance in the middle of an update, in one process: instance A sends the first
 * /check question, then its database connection is cut (PostgreSQL rolls back its transaction and frees the
 * chat's lock) and it never goes on. Telegram, without an answer, sends the update again, to instance B.
 */
describe.skipIf(!PG_URL)("two webhook instances on one PostgreSQL, one dying mid-update", () => {
  it("handles the update again from the state before it, and the person gets each reply once", async () => {
    const url = await freshDatabase();
    const clock = new FakeClock();
    const emulator = new BotApiEmulator(undefined, () => clock.now());
    let dying = false;
    let died!: () => void;
    const dead = new Promise<void>((r) => (died = r));
    const instance = async (name: "a" | "b") => {
      const stores = await openPgStores(url, TEST_KEY, clock, { poolSize: 4 });
      const replay = new ReplayingFetch(stores.inbox.replayLog!, createLogger({ level: "silent" }), emulator.fetch as never);
      const fetch = async (u: string, init?: unknown) => {
        const dies = name === "a" && dying && u.endsWith("/sendMessage");
        const answer = await replay.fetch(u, init);
        if (dies) {
          // Sent and recorded; now the instance dies before its commit.
          await pgRaw(url, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
          died();
          return new Promise<never>(() => {}); // the process is gone
        }
        return answer;
      };
      const h = await createHarness({ clock, stores, logLevel: "silent", api: Object.create(emulator, { fetch: { value: fetch } }) as BotApiEmulator });
      const http = await startWebhookServer(h.bot, { inbox: stores.inbox, chatLock: stores.chatLock, logger: h.services.logger, secret: SECRET, path: "/telegram", ping: () => stores.ping(), replay }, { port: 0, host: "127.0.0.1" });
      return { h, http, stores };
    };
    const [a, b] = [await instance("a"), await instance("b")];
    const send = (to: typeof a, update: Update, signal?: AbortSignal) =>
      fetch(`${to.http.address}/telegram`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(update), signal });
    const textsTo = (id: number) => emulator.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === id && c.result !== undefined).map((c) => String(c.payload.text));
    const script = ["/check", "Algeria", "no"];

    // The reference: the same messages, nobody dies.
    const calm = makeUser({ id: 9301, language_code: "en" });
    for (const text of script) expect((await send(b, textUpdate(calm, text, 1))).status).toBe(200);

    const unlucky = makeUser({ id: 9302, language_code: "en" });
    const first = textUpdate(unlucky, script[0]!, 1);
    dying = true;
    const abandoned = new AbortController();
    const lost = send(a, first, abandoned.signal).catch(() => "no answer");
    await dead;
    dying = false;
    expect(textsTo(unlucky.id)).toHaveLength(1);
    expect((await send(b, first)).status).toBe(200); // re-sent by Telegram, to the other instance
    for (const text of script.slice(1)) expect((await send(b, textUpdate(unlucky, text, 1))).status).toBe(200);

    expect(textsTo(unlucky.id)).toEqual(textsTo(calm.id));
    expect(textsTo(calm.id).length).toBeGreaterThanOrEqual(script.length);
    const rows = await pgRaw(url, "SELECT attempts, done FROM inbox WHERE update_id = $1", [first.update_id]);
    expect(rows).toEqual([{ attempts: 2, done: 1 }]);
    expect(await pgRaw(url, "SELECT key FROM kv WHERE ns = 'replay'")).toEqual([]);

    abandoned.abort();
    expect(await lost).toBe("no answer");
    await b.http.stop(1000);
    await a.http.stop(10);
    await b.stores.close();
    void a.stores.close(); // its dead handling still holds a connection: the pool would wait for it forever
  });
});
