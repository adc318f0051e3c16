/**
 * The keep-alive race of the full-size multi-instance run, reproduced: a server (node:http, in a worker
 * thread so that it runs on while this thread is blocked) closes a connection idle for its keepAliveTimeout;
 * this thread's event loop is stuck right across that moment, then sends its next request at once. With
 * grammY's agent the request takes the closed socket and never reaches the server; with the bot's agent
 * the idle socket was dropped earlier and the request goes through on a new connection.
 */
import { createRequire } from "node:module";
import type { Agent } from "node:http";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent as HttpsAgent } from "node:https";
import { resilientClient } from "../../src/bot/transport/index.js";
import { keepAliveAgent } from "../../src/bot/transport/keepAliveAgent.js";

type NodeFetch = (url: string, init?: { agent?: Agent; method?: string; body?: string }) => Promise<{ status: number; text(): Promise<string> }>;
const nodeFetch = createRequire(createRequire(import.meta.url).resolve("grammy"))("node-fetch") as NodeFetch;

const SERVER = `
const { createServer } = require("node:http");
const { parentPort } = require("node:worker_threads");
let seen = 0;
const server = createServer((req, res) => { seen++; res.setHeader("content-type", "application/json"); res.end(JSON.stringify({ ok: true, seen })); });
server.keepAliveTimeout = 3000; // announced as Keep-Alive: timeout=3
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", (m) => m === "seen" ? parentPort.postMessage({ seen }) : server.close(() => process.exit(0)));
`;

let worker: Worker;
let root: string;
beforeAll(async () => {
  worker = new Worker(SERVER, { eval: true });
  const { port } = await new Promise<{ port: number }>((resolve) => worker.once("message", resolve));
  root = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  worker.postMessage("close");
  await new Promise((r) => worker.once("exit", r));
});

const seen = () => new Promise<number>((resolve) => (worker.once("message", (m: { seen: number }) => resolve(m.seen)), worker.postMessage("seen")));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Blocks this thread's event loop (no timer fires, no socket is read) without spinning a core. */
const stall = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One call, an idle pause the loop still serves, a stall across the server's close, then a call right away. */
async function callAfterStall(agent: Agent): Promise<{ second: "ok" | string; reachedServer: number }> {
  await (await nodeFetch(`${root}/bot/getMe`, { agent, method: "POST", body: "{}" })).text();
  const before = await seen();
  await sleep(1_600);
  stall(3_000); // the server closes the connection at 3 s idle, while this thread sees nothing
  const second = nodeFetch(`${root}/bot/sendMessage`, { agent, method: "POST", body: "{}" }).then(
    async (r) => (await r.text(), "ok" as const),
    (err: { code?: string }) => err.code ?? "failed",
  );
  const outcome = await second;
  return { second: outcome, reachedServer: (await seen()) - before };
}

describe("a keep-alive connection the server closed while the event loop was stuck", () => {
  it("with grammY's agent (keep-alive, no idle limit), the next request is reset and never reaches the server", async () => {
    const grammyAgent = new (await import("node:http")).Agent({ keepAlive: true });
    const { second, reachedServer } = await callAfterStall(grammyAgent);
    grammyAgent.destroy();
    expect(second).toBe("ECONNRESET");
    expect(reachedServer).toBe(0);
  }, 15_000);

  it("with the bot's agent, the idle connection was dropped before the stall and the request arrives", async () => {
    const agent = keepAliveAgent(root)!;
    const { second, reachedServer } = await callAfterStall(agent);
    expect(second).toBe("ok");
    expect(reachedServer).toBe(1);
  }, 15_000);

  it("keeps a connection for calls close together", async () => {
    const agent = keepAliveAgent(root)!;
    const sockets = new Set<unknown>();
    for (let i = 0; i < 3; i++) {
      await (await nodeFetch(`${root}/bot/getMe`, { agent, method: "POST", body: "{}" })).text();
      for (const list of Object.values(agent.freeSockets)) for (const s of list ?? []) sockets.add(s);
      await sleep(200);
    }
    expect(sockets.size).toBe(1);
  });

  it("is the agent of the bot's Bot API client (Telegram's HTTPS root by default), unless the options bring one", () => {
    expect(resilientClient({ apiRoot: root }).baseFetchConfig?.agent).toBe(keepAliveAgent(root));
    const telegram = resilientClient().baseFetchConfig?.agent;
    expect(telegram).toBeInstanceOf(HttpsAgent);
    expect(telegram).toBe(keepAliveAgent("https://api.telegram.org"));
    const own = new HttpsAgent();
    expect(resilientClient({ baseFetchConfig: { agent: own } }).baseFetchConfig?.agent).toBe(own);
  });
});
