import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { BotApiEmulator, type ApiCall } from "../../src/local/botApiEmulator.js";

/**
 * An emulated Bot API HTTP server on 127.0.0.1 for end-to-end tests of the real process:
 * `getUpdates` long-polls a queue the test fills; every other method is answered by the
 * in-process emulator. Only the expected token is accepted.
 */
export class BotApiServer {
  readonly emulator = new BotApiEmulator();
  private readonly queue: Update[] = [];
  private waiters: Array<() => void> = [];
  private server: Server | undefined;
  private nextUpdateId = 1;
  private held: string | undefined;
  private drops: Array<() => void> = [];

  constructor(readonly token: string) {}

  /** The update_id of the latest pushed update. */
  get lastUpdateId(): number {
    return this.nextUpdateId - 1;
  }

  get calls(): ApiCall[] {
    return this.emulator.calls;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.route(req).then(
        ({ status, body }) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(body);
        },
        // An injected network fault (or a dropped request): the connection is cut, as a reset would.
        () => req.socket.destroy(),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.wake();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /**
   * Holds every later call of `method` unprocessed (as if Telegram had not received it yet) until
   * `dropHeld`, which cuts those connections without processing them.
   */
  hold(method: string): void {
    this.held = method;
  }

  /** Cuts the held requests (they never happened) and stops holding. */
  dropHeld(): void {
    this.held = undefined;
    const drops = this.drops;
    this.drops = [];
    for (const drop of drops) drop();
  }

  /** Queues an update (its update_id is assigned here) for the bot's next getUpdates. */
  push(update: Omit<Update, "update_id">): void {
    this.queue.push({ ...update, update_id: this.nextUpdateId++ } as Update);
    this.wake();
  }

  /** Resolves with the first call (from `since` on) that matches, or rejects after `timeoutMs`. */
  async waitForCall(match: (c: ApiCall) => boolean, since = 0, timeoutMs = 15_000): Promise<ApiCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.slice(since).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No matching Bot API call within ${timeoutMs} ms; saw: ${this.calls.slice(since).map((c) => c.method).join(", ")}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private async route(req: IncomingMessage): Promise<{ status: number; body: string }> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    if (!match || match[1] !== this.token) {
      return { status: 401, body: JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" }) };
    }
    const method = match[2]!;
    if (method === "getUpdates") return this.getUpdates(await readJson(req));
    if (method === this.held) {
      await new Promise<never>((_, reject) => this.drops.push(() => reject(new Error("dropped"))));
    }
    const response = await this.emulator.fetch(`http://local/${method}`, {
      body: req,
      headers: { "content-type": String(req.headers["content-type"] ?? "application/json") },
    });
    return { status: response.status, body: await response.text() };
  }

  private async getUpdates(params: { offset?: number; timeout?: number; limit?: number }): Promise<{ status: number; body: string }> {
    this.emulator.calls.push({ method: "getUpdates", payload: params });
    const offset = params.offset ?? 0;
    const pending = () => this.queue.filter((u) => u.update_id >= offset);
    if (pending().length === 0 && (params.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 500);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    // Confirmed updates (below offset) are dropped, as Telegram does.
    this.queue.splice(0, this.queue.length, ...pending());
    return { status: 200, body: JSON.stringify({ ok: true, result: pending().slice(0, Math.min(100, params.limit ?? 100)) }) };
  }
}

async function readJson(req: IncomingMessage): Promise<{ offset?: number; timeout?: number; limit?: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as { offset?: number; timeout?: number; limit?: number }) : {};
}
