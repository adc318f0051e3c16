import { afterAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { startWebhookServer, type WebhookServer } from "../../src/runtime/webhook.js";
import { openPgStores, type Stores } from "../../src/store/index.js";
import { dropTestDatabases, freshDatabase, PG_URL } from "../helpers/pg.js";
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

async function setup(engine: (typeof ENGINES)[number], slowApiMs = 0): Promise<Setup> {
  const clock = new FakeClock();
  const stores = engine.stores ? await engine.stores(clock) : undefined;
  const h = await createHarness({ clock, stores, logLevel: "silent" });
  if (slowApiMs) h.bot.api.config.use(async (prev, method, payload, signal) => (await new Promise((r) => setTimeout(r, slowApiMs)), prev(method, payload, signal)));
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
    const s = await setup(engine, 5);
    const user = makeUser({ id: 9103, language_code: "en" });
    const updates: Update[] = ["/help", "/privacy", "/help", "/privacy"].map((text) => textUpdate(user, text, 1));
    // Posted in order, a few ms apart, each before the previous one was answered.
    const answers: Array<Promise<Response>> = [];
    for (const u of updates) {
      answers.push(post(s, u));
      await new Promise((r) => setTimeout(r, 3));
    }
    expect((await Promise.all(answers)).map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const got = texts(s, user.id);
    expect(got).toHaveLength(4);
    expect(got[0]).toBe(got[2]);
    expect(got[1]).toBe(got[3]);
    expect(got[0]).not.toBe(got[1]);
    await s.close();
  });

  it("reports health and readiness, and on shutdown finishes the updates in flight and takes no more", async () => {
    const s = await setup(engine, 150);
    expect((await fetch(`${s.http.address}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${s.http.address}/readyz`)).json()).toEqual({ ready: true });
    const users = Array.from({ length: 10 }, (_, i) => makeUser({ id: 9200 + i }));
    const answers = users.map((u) => post(s, textUpdate(u, "/help", 1)));
    while (s.http.inFlight() < users.length) await new Promise((r) => setTimeout(r, 5));
    const left = await s.http.stop(5000);
    expect(left).toBe(0);
    expect((await Promise.all(answers)).map((a) => a.status)).toEqual(users.map(() => 200));
    for (const u of users) expect(repliesTo(s, u.id)).toHaveLength(1);
    await expect(post(s, textUpdate(users[0]!, "/help", 1))).rejects.toThrow();
    await s.close();
  });
});
