/**
 * grammY 1.x and @grammyjs/runner take `AbortController` from the npm package `abort-controller`, a polyfill for
 * Node versions that had none; grammY builds one for every Bot API call, and the polyfill (with `event-target-shim`
 * below it) was about 5% of the CPU time of a /check step in the mixed benchmark (issue 14). Node 20 has the class
 * built in, so package.json's `overrides` point every `abort-controller` in the tree at `native-abort-controller`,
 * ten lines that hand out Node's own classes (the global ones when they exist, which on Node 20 they always do).
 * A fresh clone's `npm ci` installs that, with no file outside the lock file (the Dockerfile copies only
 * package.json and the lock before `npm ci`).
 *
 * These tests fail if the polyfill comes back, and check that what grammY does with a signal still works with the
 * native one: node-fetch 2 (grammY's transport on Node) accepts a signal only when its prototype's constructor is
 * named `AbortSignal`, and an abort must still end the request as grammY's `HttpError`.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Api, HttpError } from "grammy";

const require = createRequire(import.meta.url);
// The shims are not in the packages' `exports`: loaded by path, as the packages themselves load them.
const grammyShim = require(join(dirname(require.resolve("grammy")), "shim.node.js")) as { AbortController: unknown };
const runnerShim = require(join(dirname(require.resolve("@grammyjs/runner")), "node-shim.js")) as { AbortController: unknown; AbortSignal: unknown };

describe("AbortController in grammY's request path", () => {
  it("is Node's own class in grammY and in the runner, not the polyfill", () => {
    expect(grammyShim.AbortController).toBe(globalThis.AbortController);
    expect(runnerShim.AbortController).toBe(globalThis.AbortController);
    expect(runnerShim.AbortSignal).toBe(globalThis.AbortSignal);
  });

  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A Bot API on loopback that answers getMe and holds every other call until the client goes away. */
  async function botApi(onHeld: (req: IncomingMessage) => void): Promise<string> {
    server = createServer((req, res) => {
      if (req.url?.endsWith("/getMe")) {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ ok: true, result: { id: 1, is_bot: true, first_name: "Bot", username: "bot" } }));
      } else onHeld(req);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    return `http://127.0.0.1:${address.port}`;
  }

  it("sends a call with a signal through grammY's own transport, and an abort ends the call as an HttpError", async () => {
    let closed!: Promise<void>;
    let held!: () => void;
    const arrived = new Promise<void>((resolve) => (held = resolve));
    const apiRoot = await botApi((req) => {
      closed = new Promise<void>((resolve) => req.socket.once("close", () => resolve()));
      held();
    });
    const api = new Api("1:test", { apiRoot });
    expect((await api.getMe(new AbortController().signal)).username).toBe("bot");

    const controller = new AbortController();
    const call = api.sendMessage(1, "hello", {}, controller.signal);
    await arrived;
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(HttpError);
    await closed; // the request was really given up, not only its promise
  });
});
