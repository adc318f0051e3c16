import { Api, GrammyError } from "grammy";
import { registerBotProfile } from "../bot/commands.js";
import type { BotServices } from "../bot/context.js";
import { createBot } from "../bot/index.js";
import { ConfigError, type Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { ReminderDispatcher } from "../reminders/dispatcher.js";
import { InteractiveGate } from "../reminders/interactiveGate.js";
import type { InboxStore } from "../store/index.js";
import { startInboxRunner, type InboxRunner } from "./inboxRunner.js";
import { PLAIN_CLIENT_TIMEOUT_SECONDS } from "../bot/transport/index.js";
import { startReminders } from "./reminders.js";

/**
 * How long a graceful stop waits for updates in flight before closing the database. An update held by a Bot API call
 * that gets no answer (bounded at 20 s an attempt, transport/retryingFetch.ts) may outlast it: it is left in the inbox
 * and handled after the next start, so the stop never waits longer than this for updates.
 */
export const STOP_GRACE_MS = 8_000;

/**
 * Runs the bot on Telegram with long polling through the inbox (no update lost on a crash) and
 * the reminder dispatcher. SIGINT/SIGTERM stop fetching, wait (bounded) for the updates in
 * flight, stop the reminders and close the database.
 */
export async function runPolling(config: Extract<Config, { mode: "telegram" }>, services: BotServices, inbox: InboxStore): Promise<void> {
  const { logger, stores } = services;
  let runner: InboxRunner | undefined;
  let dispatcher: ReminderDispatcher | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, in_flight: runner?.inFlight() ?? 0 }, "stopping");
    const left = runner ? await runner.stop(STOP_GRACE_MS) : 0;
    if (left > 0) logger.warn({ left }, "stopped with updates still in flight; they are handled after the next start");
    await dispatcher?.stop();
    await stores.close();
    logger.info("stopped");
    process.exit(0);
  };
  // `on`, not `once`: a second signal (tsx and npm forward the one sent to the process group) must
  // not fall back to the default action and kill the process while handlers finish.
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  const gate = new InteractiveGate();
  const bot = createBot(config.BOT_TOKEN, services, { client: { apiRoot: config.BOT_API_ROOT }, gate });
  await initWithRetry(() => bot.init(), logger);
  await bot.api.deleteWebhook();
  await registerBotProfile(bot.api, services.i18n).catch((err: unknown) =>
    logger.warn({ err }, "could not register commands and descriptions; continuing"),
  );
  if (stopping) return;
  runner = startInboxRunner(bot, { inbox, logger });
  // The FAQ index is built while the first getUpdates waits (see main.ts).
  setTimeout(() => services.faq(), 50).unref();
  // Reminders use their own API client: it handles 429 itself instead of the interactive retries.
  dispatcher = await startReminders(new Api(config.BOT_TOKEN, { apiRoot: config.BOT_API_ROOT, timeoutSeconds: PLAIN_CLIENT_TIMEOUT_SECONDS }), services, gate, config.REMINDER_TICK_MS);
  logger.info({ bot: bot.botInfo.username }, "bot is running (long polling)");
  try {
    await runner.task();
  } catch (err) {
    if (err instanceof GrammyError && err.error_code === 409) {
      await dispatcher.stop();
      await stores.close();
      throw new ConfigError(
        "Another process is already long-polling with this BOT_TOKEN (Telegram answered 409 Conflict), so this one stops. Only one poller may run per token: stop the other one, or run several instances with BOT_MODE=webhook.",
      );
    }
    throw err;
  }
}

/** Retries getMe while the network fails, logging each attempt and its delay; a rejected token is final. */
export async function initWithRetry(init: () => Promise<void>, logger: Logger, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await init();
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
        throw new ConfigError(`Invalid setting BOT_TOKEN: the Bot API rejected it (${err.error_code} ${err.description})`);
      }
      const delayMs = Math.min(60, 2 ** attempt) * 1000;
      logger.warn({ err, attempt, retry_in_ms: delayMs }, "cannot reach the Bot API yet; retrying");
      await sleep(delayMs);
    }
  }
}
