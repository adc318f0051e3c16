/**
 * Issue 13's acceptance test: two `npm start` processes in webhook mode on one PostgreSQL behind a
 * round-robin proxy, one emulated Bot API that posts updates with the secret and sends an update again
 * when it gets no 200. People chat (including /check, whose updates land on both instances) while
 * reminders fall due; halfway, one instance is killed with SIGKILL.
 *
 * In the default suite (whenever a PostgreSQL can be started) at 40 people and 400 reminders, about a
 * minute; with MULTI_INSTANCE=1 at the acceptance size, 1,000 people and 10,000 reminders (Telegram's
 * budget of 30 messages a second alone makes that more than five and a half minutes).
 *
 * What must hold: every person's replies are exactly the reference conversation's, once each and in order
 * (an update the killed instance was in the middle of left no state behind and its replies already sent
 * are not sent again: src/runtime/replayFetch.ts); every reminder arrives exactly once.
 */
import { mkdtempSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEADLINE_CB } from "../../src/bot/deadlines/keyboard.js";
import { SENDS_IN_FLIGHT } from "../../src/reminders/dispatcher.js";
import { openPgStores, systemClock } from "../../src/store/index.js";
import type { ApiCall } from "../../src/local/botApiEmulator.js";
import { BotApiServer } from "../helpers/botApiServer.js";
import { dropTestDatabases, freshDatabase, PG_URL, pgRaw } from "../helpers/pg.js";
import { npmStart, type Started } from "../helpers/process.js";

const FULL = process.env.MULTI_INSTANCE === "1";
const USERS = FULL ? 1_000 : 40;
const PER_USER = 10;
const REMINDERS = USERS * PER_USER;
const CONCURRENCY = 20;
const LEASE_MS = 3_000;
const TOKEN = "5151515151:MULTI-instance_test-token-abcdefgh";
const SECRET = "multi-instance-secret_0123456789";
const KEY_HEX = "ab".repeat(32);
const DEADLINES = ["registration", "arrival_window", "residence_before_visa_end", "b121_renewal", "c2_renewal", "passport_residence", "passport_visa_limit", "tax_residency", "hub_document_check", "hub_interview"];
/** What every person sends, one message after the other (the /check answers go to both instances). */
const SCRIPT = ["/start", "/check", "Algeria", "no", "/cancel", "/help"];

const procs: Started[] = [];
const servers: Server[] = [];
let api: BotApiServer | undefined;
afterAll(async () => {
  for (const p of procs) p.signal("SIGKILL");
  await Promise.all(procs.map((p) => Promise.race([p.exited, new Promise((r) => setTimeout(r, 5_000))])));
  for (const s of servers) s.closeAllConnections(), s.close();
  await api?.stop();
  await dropTestDatabases();
});

/** Round-robin over the instances; a failed upstream is answered 502, and the Bot API sends again. */
function roundRobin(ports: number[], routed: Map<number, Set<number>>): Promise<number> {
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const port = ports[next++ % ports.length]!;
      const up = request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers }, (r) => {
        const out: Buffer[] = [];
        r.on("data", (c: Buffer) => out.push(c));
        r.on("end", () => {
          if (r.statusCode === 200) {
            const id = (JSON.parse(body.toString("utf8")) as { update_id: number }).update_id;
            routed.set(id, (routed.get(id) ?? new Set()).add(port));
          }
          res.writeHead(r.statusCode ?? 502, r.headers);
          res.end(Buffer.concat(out));
        });
        r.on("error", () => res.destroy());
      });
      up.on("error", () => {
        if (!res.headersSent) res.writeHead(502).end();
      });
      up.end(body);
    });
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

/** Posts one update as Telegram does, with the secret; sends it again until an instance answers 200. */
async function deliver(proxyPort: number, update: object, stats: { resent: number }): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const status = await new Promise<number>((resolve) => {
      const req = request(
        { host: "127.0.0.1", port: proxyPort, method: "POST", path: "/telegram", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, timeout: 60_000 },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", () => resolve(0));
      req.on("timeout", () => req.destroy());
      req.end(JSON.stringify(update));
    });
    if (status === 200) return;
    stats.resent++;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("an update was never answered 200");
}

async function ready(port: number, deadlineMs: number): Promise<void> {
  while (Date.now() < deadlineMs) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = request({ host: "127.0.0.1", port, path: "/readyz" }, (res) => (res.resume(), resolve(res.statusCode === 200)));
      req.on("error", () => resolve(false));
      req.end();
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`instance on port ${port} never became ready`);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * How many messages of `got` are a repeat of the message right before them, where taking the repeats out
 * leaves exactly `reference`: the one case the guarantee allows (a crash between Telegram's answer to a
 * message and the write that records it). Anything else (a message missing, out of order, another text) is -1.
 */
function adjacentRepeats(got: string[], reference: string[]): number {
  let repeats = 0;
  let r = 0;
  for (let g = 0; g < got.length; g++) {
    if (r < reference.length && got[g] === reference[r]) r++;
    else if (g > 0 && got[g] === got[g - 1]) repeats++;
    else return -1;
  }
  return r === reference.length ? repeats : -1;
}

const isReminder = (c: ApiCall) => JSON.stringify(c.payload.reply_markup ?? "").includes(DEADLINE_CB.done(""));
const toPerson = (c: ApiCall) => c.method === "sendMessage" && c.result !== undefined && Number(c.payload.chat_id) >= 10_000_000;

if (!PG_URL) process.stderr.write("!!! test/e2e/multiInstance.test.ts is SKIPPED: no PostgreSQL could be started\n");
describe.skipIf(!PG_URL)(`two webhook instances on one PostgreSQL: ${USERS} people, ${REMINDERS} reminders, one instance killed`, () => {
  it("answers every update once and in order per chat, sends every reminder once, and loses nothing to the SIGKILL", async () => {
    const t0 = Date.now();
    const url = await freshDatabase();
    api = new BotApiServer(TOKEN);
    // Webhook methods answer as Telegram does.
    const handle = api.emulator.handle.bind(api.emulator);
    api.emulator.handle = (method, payload) => (method === "setWebhook" || method === "deleteWebhook" ? { ok: true, result: true } : handle(method, payload));
    const root = await api.start();
    const ports = [await freePort(), await freePort()];
    const routed = new Map<number, Set<number>>();
    const proxyPort = await roundRobin(ports, routed);
    const start = (port: number) =>
      npmStart({
        BOT_MODE: "webhook", BOT_TOKEN: TOKEN, BOT_API_ROOT: root, DATABASE_URL: url, DATA_KEY: KEY_HEX,
        WEBHOOK_URL: `http://127.0.0.1:${proxyPort}/telegram`, WEBHOOK_SECRET: SECRET, PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), "nomad-kz-multi-")), LOG_LEVEL: "warn", NBK_RATES_URL: "off",
        REMINDER_LEASE_MS: String(LEASE_MS), REMINDER_TICK_MS: "200",
      });
    procs.push(start(ports[0]!), start(ports[1]!));
    await Promise.all(ports.map((p) => ready(p, Date.now() + 90_000)));
    const started = Date.now();

    // Reminders due in the past, through the store, for people whose local time is midday (no quiet hours);
    // each person's k-th reminder a minute apart, so a batch holds many people (one message a second per chat).
    const zone = `Etc/GMT${12 - new Date().getUTCHours() > 0 ? "-" : "+"}${Math.abs(((12 - new Date().getUTCHours() + 36) % 24) - 12)}`;
    const stores = await openPgStores(url, Buffer.from(KEY_HEX, "hex"), systemClock, { poolSize: 4 });
    const now = Date.now();
    for (let u = 0; u < USERS; u++) {
      const id = 10_000_000 + u;
      await stores.users.update(id, { language: "en", timezone: zone });
      await stores.reminders.replacePlan(
        id,
        DEADLINES.slice(0, PER_USER).map((deadlineId, k) => ({ deadlineId, offsetId: "d7", dueAt: now - (PER_USER - k + 1) * 60_000, deadlineEnd: now + 90 * 86_400_000, payload: { deadlineId, date: `2027-0${1 + (k % 9)}-1${k % 10}` } })),
      );
    }
    await stores.close();

    // The people chat: each one's messages in order, CONCURRENCY people at once; halfway, instance 0 is killed.
    const stats = { resent: 0 };
    let updateId = 1;
    let done = 0;
    let killedAt = -1;
    const queue = Array.from({ length: USERS }, (_, u) => 10_000_000 + u);
    const person = async (id: number) => {
      for (const [k, text] of SCRIPT.entries()) {
        const from = { id, is_bot: false, first_name: "Friend", language_code: "en" };
        const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.length }] : undefined;
        const update = { update_id: updateId++, message: { message_id: k + 1, date: Math.floor(Date.now() / 1000), chat: { id, type: "private", first_name: "Friend" }, from, text, ...(entities ? { entities } : {}) } };
        await deliver(proxyPort, update, stats);
      }
      if (++done === Math.floor(USERS / 2) && killedAt < 0) {
        killedAt = Date.now();
        procs[0]!.signal("SIGKILL");
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await person(id);
    }));
    const chatsDone = Date.now();

    // Every reminder goes out, the dead instance's claims included once their lease is over.
    const reminderCalls = () => api!.calls.filter((c) => toPerson(c) && isReminder(c));
    const deadline = Date.now() + (FULL ? 900_000 : 120_000);
    while (new Set(reminderCalls().map((c) => `${c.payload.chat_id}:${JSON.stringify(c.payload.reply_markup)}`)).size < REMINDERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, LEASE_MS + 1_000)); // anything sent twice would show by now
    const remindersDone = Date.now();

    // Chats: each person's replies, reminders left out, match the first person's exactly: nothing missing,
    // nothing twice (the killed instance's updates included), nothing out of order.
    const byChat = new Map<number, string[]>();
    for (const c of api.calls.filter((c) => toPerson(c) && !isReminder(c))) {
      const id = Number(c.payload.chat_id);
      byChat.set(id, [...(byChat.get(id) ?? []), String(c.payload.text)]);
    }
    const reference = byChat.get(10_000_000)!;
    expect(reference.length).toBeGreaterThanOrEqual(SCRIPT.length);
    let differentChats = 0;
    let repeatedMessages = 0;
    const keys = reminderCalls().map((c) => `${c.payload.chat_id}:${JSON.stringify(c.payload.reply_markup)}`);
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    const figures = () =>
      `multi-instance: ${USERS} people × ${SCRIPT.length} updates, ${REMINDERS} reminders; start ${seconds(started - t0)} s, chats ${seconds(chatsDone - started)} s, ` +
      `reminders done ${seconds(remindersDone - started)} s; killed at ${seconds(killedAt - started)} s; updates re-sent ${stats.resent}, ` +
      `chats not as the reference ${differentChats}, messages repeated ${repeatedMessages}, reminders ${new Set(keys).size} of ${REMINDERS}, sent twice ${keys.length - new Set(keys).size}`;
    for (let u = 0; u < USERS; u++) {
      const got = byChat.get(10_000_000 + u) ?? [];
      const repeats = adjacentRepeats(got, reference);
      if (repeats > 0) repeatedMessages += repeats;
      else if (repeats < 0) {
        differentChats++;
        console.error(`chat ${10_000_000 + u} is not as the reference:\n${got.map((x) => x.slice(0, 50)).join("\n")}`);
      }
    }
    // Updates whose handling began more than once: those the SIGKILL cut short, handled again by the other.
    const interrupted = Number((await pgRaw(url, "SELECT COUNT(*)::int AS n FROM inbox WHERE attempts > 1"))[0]!.n);
    const replayed = procs.reduce((n, p) => n + p.stdout().split("\n").filter((l) => l.includes("handling an interrupted update again")).length, 0);
    console.info(`${figures()}, updates cut short by the kill and handled again ${interrupted}, of which with replies answered from the record ${replayed}`);
    for (const [i, p] of procs.entries()) {
      const errors = (p.stdout() + "\n" + p.stderr()).split("\n").filter((l) => /"level":(50|60)/.test(l));
      if (errors.length > 0) console.error(`instance ${i}: ${errors.length} errors logged, the first:\n${errors.slice(0, 3).join("\n")}`);
    }
    expect(differentChats, figures()).toBe(0);
    // A message shows twice only for an update the kill interrupted, and at most once per such update.
    expect(repeatedMessages, figures()).toBeLessThanOrEqual(interrupted);
    // /check conversations really alternated between the instances.
    const both = [...Array(USERS).keys()].filter((u) => {
      const ids = Array.from({ length: 3 }, (_, k) => 1 + u * SCRIPT.length + 1 + k);
      return new Set(ids.flatMap((i) => [...(routed.get(i) ?? [])])).size === 2;
    });
    expect(both.length).toBeGreaterThan(0);

    // Reminders: every one arrived, once; but for those the killed instance had in flight at the SIGKILL (sent,
    // their sent marks not yet written): at most SENDS_IN_FLIGHT, each once, the same window as for replies.
    console.info(`/check on both instances ${both.length}/${USERS}`);
    expect(new Set(keys).size).toBe(REMINDERS);
    expect(keys.length - REMINDERS, figures()).toBeLessThanOrEqual(SENDS_IN_FLIGHT);
    expect(Math.max(...[...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>()).values()]), figures()).toBeLessThanOrEqual(2);
  }, FULL ? 1_500_000 : 300_000);
});
