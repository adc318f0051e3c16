import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, type Bot, type Context } from "grammy";
import type { Update } from "grammy/types";
import { registerBotProfile } from "../bot/commands.js";
import type { BotServices } from "../bot/context.js";
import { createBot } from "../bot/index.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { InteractiveGate } from "../reminders/interactiveGate.js";
import type { ReminderDispatcher } from "../reminders/dispatcher.js";
import type { ChatLock, WebhookInboxStore } from "../store/index.js";
import { ALLOWED_UPDATES, inboxEntry } from "./inboxRunner.js";
import { initWithRetry, STOP_GRACE_MS } from "./polling.js";
import { PLAIN_CLIENT_TIMEOUT_SECONDS } from "../bot/transport/index.js";
import { ReplayingFetch } from "./replayFetch.js";
import { startReminders } from "./reminders.js";

/** A crash while handling an update makes it one more attempt; past this it is dropped, not retried forever. */
const MAX_ATTEMPTS = 3;
/** Telegram posts one update per request; anything larger is not an update. */
const MAX_BODY_BYTES = 1 << 20;
/** Telegram re-sends an unanswered update for about a day: a handled update_id is kept that long. */
const KEEP_HANDLED_MS = 26 * 3600_000;

export interface WebhookOptions {
  inbox: WebhookInboxStore;
  chatLock: ChatLock;
  logger: Logger;
  /** The secret_token given to setWebhook; requests without it get 401. */
  secret: string;
  /** The path Telegram posts to (WEBHOOK_URL's path). */
  path: string;
  /** Database reachable (for /readyz). */
  ping(): Promise<void>;
  /** The bot's transport when it records its Bot API calls (PostgreSQL): an interrupted update's replies are not sent twice. */
  replay?: ReplayingFetch;
}

export interface WebhookServer {
  server: Server;
  /** Where it listens, e.g. http://127.0.0.1:8080. */
  address: string;
  /** Updates being handled right now. */
  inFlight(): number;
  /** Stops taking requests (new ones get 503), waits up to `graceMs` for those in flight; returns how many were left. */
  stop(graceMs: number): Promise<number>;
}

/**
 * The HTTP side of webhook mode, on node:http. grammY's `webhookCallback` hands each request straight to
 * `bot.handleUpdate`; here each update is first recorded in the inbox (shared by every instance), then the
 * chat's pending updates are handled in update_id order, one at a time, each under the chat's lock. On
 * PostgreSQL the lock's transaction is the update's unit of work: the session, the conversation state,
 * milestones, reminders and the inbox's done mark commit together (`WebhookInboxStore.settle`). So an
 * update Telegram re-sends, to this instance or another, is handled once; a chat's updates never run at
 * once on two instances; and an update an instance was killed in the middle of has left no state behind
 * and is handled again, from the start, when Telegram re-sends it (its messages already sent are answered
 * from the replay log, not sent again). The answer (200) goes only after the commit.
 */
export async function startWebhookServer<C extends Context>(bot: Bot<C>, options: WebhookOptions, listen: { port: number; host?: string }): Promise<WebhookServer> {
  const { inbox, chatLock, logger, replay } = options;
  const secret = Buffer.from(options.secret, "utf8");
  let inFlight = 0;
  let stopping = false;

  /** Handles the chat's oldest pending update up to `updateId`; returns its id, or `updateId` if none is left. */
  const handleNext = async (chatId: number | undefined, updateId: number): Promise<number> => {
    const entry = await inbox.nextOfChat(chatId, updateId);
    if (!entry) return updateId; // handled already, here or on another instance
    if (entry.update === undefined || entry.attempts > MAX_ATTEMPTS) {
      logger.error({ update_id: entry.updateId, attempts: entry.attempts }, "dropping an update from the inbox (unreadable or failed too often)");
      await inbox.markDone(entry.updateId);
      return entry.updateId;
    }
    const update = entry.update as Update;
    const handle = () => bot.handleUpdate(update);
    const error = await inbox.settle(entry.updateId, replay ? () => replay.run(entry.updateId, entry.attempts, handle) : handle);
    if (error !== undefined) logger.error({ err: error, update_id: entry.updateId }, "update failed outside the error boundary; its writes were rolled back");
    return entry.updateId;
  };

  const receive = async (req: IncomingMessage): Promise<{ status: number; body: string }> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") return { status: 200, body: '{"ok":true}' };
    if (req.method === "GET" && url.pathname === "/readyz") {
      if (stopping) return { status: 503, body: '{"ready":false,"reason":"stopping"}' };
      try {
        await options.ping();
        return { status: 200, body: '{"ready":true}' };
      } catch {
        return { status: 503, body: '{"ready":false,"reason":"database"}' };
      }
    }
    if (req.method !== "POST" || url.pathname !== options.path) return { status: 404, body: '{"error":"not found"}' };
    const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""), "utf8");
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) return { status: 401, body: '{"error":"unauthorized"}' };
    if (stopping) return { status: 503, body: '{"error":"stopping"}' };
    let update: Update;
    try {
      update = JSON.parse(await readBody(req)) as Update;
    } catch {
      return { status: 400, body: '{"error":"not an update"}' };
    }
    if (!Number.isSafeInteger(update?.update_id)) return { status: 400, body: '{"error":"not an update"}' };
    const entry = inboxEntry(update);
    await inbox.add([entry]);
    const lockKey = entry.chatId ?? entry.userId;
    // One update per lock (and per transaction), the chat's older ones first, until this one is handled.
    for (;;) {
      const handled = lockKey === undefined ? await handleNext(undefined, update.update_id) : await chatLock(lockKey, () => handleNext(entry.chatId, update.update_id));
      if (handled >= update.update_id) break;
    }
    return { status: 200, body: "{}" };
  };

  const server = createServer((req, res: ServerResponse) => {
    inFlight++;
    receive(req)
      .catch((err: unknown) => {
        // The database or the lock failed: 500 makes Telegram send the update again later.
        logger.error({ err }, "webhook request failed");
        return { status: 500, body: '{"error":"internal"}' };
      })
      .then(({ status, body }) => {
        res.writeHead(status, { "content-type": "application/json", ...(stopping ? { connection: "close" } : {}) });
        res.end(body);
      })
      .finally(() => inFlight--);
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host ?? "0.0.0.0", resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    address: `http://${address.address}:${address.port}`,
    inFlight: () => inFlight,
    stop: async (graceMs) => {
      stopping = true;
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      server.closeAllConnections();
      await closed;
      return inFlight;
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Runs the bot in webhook mode: init, commands, `setWebhook` with the secret and the allowed updates, the
 * HTTP server on PORT and the reminder dispatcher. SIGINT/SIGTERM stop taking requests, finish those in
 * flight (bounded), stop the reminders and close the database. The webhook stays set: other instances
 * behind the same URL go on serving.
 */
export async function runWebhook(config: Extract<Config, { mode: "webhook" }>, services: BotServices): Promise<void> {
  const { logger, stores } = services;
  const gate = new InteractiveGate();
  const replay = stores.inbox.replayLog ? new ReplayingFetch(stores.inbox.replayLog, logger) : undefined;
  const bot = createBot(config.BOT_TOKEN, services, { client: { apiRoot: config.BOT_API_ROOT, ...(replay ? { fetch: replay.fetch as never } : {}) }, gate });
  await initWithRetry(() => bot.init(), logger);
  await registerBotProfile(bot.api, services.i18n).catch((err: unknown) => logger.warn({ err }, "could not register commands and descriptions; continuing"));
  const http = await startWebhookServer(
    bot,
    { inbox: stores.inbox, chatLock: stores.chatLock, logger, secret: config.WEBHOOK_SECRET, path: new URL(config.WEBHOOK_URL).pathname, ping: () => stores.ping(), replay },
    { port: config.PORT },
  );
  await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] });
  const dispatcher: ReminderDispatcher = await startReminders(new Api(config.BOT_TOKEN, { apiRoot: config.BOT_API_ROOT, timeoutSeconds: PLAIN_CLIENT_TIMEOUT_SECONDS }), services, gate, config.REMINDER_TICK_MS);
  const sweep = setInterval(() => {
    stores.inbox.sweepHandled(Date.now() - KEEP_HANDLED_MS).catch((err: unknown) => logger.warn({ err }, "could not sweep handled updates"));
  }, 3600_000);
  sweep.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, in_flight: http.inFlight() }, "stopping");
    clearInterval(sweep);
    const left = await http.stop(STOP_GRACE_MS);
    if (left > 0) logger.warn({ left }, "stopped with updates still in flight; Telegram sends them again");
    await dispatcher.stop();
    await stores.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  logger.info({ bot: bot.botInfo.username, listen: http.address }, "bot is running (webhook)");
}
