import { autoRetry } from "@grammyjs/auto-retry";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api, GrammyError } from "grammy";
import type { User } from "grammy/types";
import { join, resolve } from "node:path";
import pino from "pino";
import { lazyFaqSearch } from "./bot/faq/lazySearch.js";
import { startHousekeeping } from "./bot/housekeeping.js";
import { createBot } from "./bot/index.js";
import { registerBotProfile } from "./bot/commands.js";
import type { BotServices } from "./bot/context.js";
import { createI18n, pickLocale } from "./bot/i18n.js";
import { ConfigError, parseConfig, type Config } from "./config.js";
import { TerminalChat } from "./local/terminalChat.js";
import { ReminderDispatcher } from "./reminders/dispatcher.js";
import { InteractiveGate } from "./reminders/interactiveGate.js";
import { reminderSender } from "./reminders/sendReminder.js";
import { createLogger, type Logger } from "./logger.js";
import { DataKeyMismatchError, openEmbeddedStores, resolveDataKey, systemClock, type Stores } from "./store/index.js";

/** Placeholder token for the local chat: no request with it ever leaves the process. */
const LOCAL_TOKEN = "0:local-chat";

/** Starts the bot as the settings say: on Telegram with BOT_TOKEN, else as a chat in this terminal. */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const dataDir = resolve(config.DATA_DIR);
  const logger =
    config.mode === "local"
      ? createLogger({ level: config.LOG_LEVEL, destination: pino.destination({ dest: join(dataDir, "local-chat.log"), mkdir: true, sync: true }) })
      : createLogger({ level: config.LOG_LEVEL, pretty: Boolean(process.stdout.isTTY) });

  const key = resolveDataKey(dataDir, config.DATA_KEY);
  const keyWarning =
    key.origin === "generated"
      ? `DATA_KEY is not set: generated a new data key in ${key.file}. Back it up or set DATA_KEY; without it the stored data cannot be read.`
      : undefined;
  if (keyWarning) logger.warn(keyWarning);

  const stores = openEmbeddedStores(dataDir, key.key, systemClock);
  const i18n = createI18n();
  const services: BotServices = { stores, i18n, logger, clock: systemClock, faq: lazyFaqSearch(i18n, systemClock) };
  startHousekeeping(services);
  // Build the FAQ index in the background now, so the first question does not wait for it.
  setTimeout(() => services.faq(), 0).unref();

  if (config.mode === "telegram") await runOnTelegram(config, services);
  else await runInTerminal(services, dataDir, keyWarning);
}

async function runOnTelegram(config: Extract<Config, { mode: "telegram" }>, services: BotServices): Promise<void> {
  const { logger, stores } = services;
  const gate = new InteractiveGate();
  const bot = createBot(config.BOT_TOKEN, services, { client: { apiRoot: config.BOT_API_ROOT }, gate });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  await initWithRetry(() => bot.init(), logger);
  await bot.api.deleteWebhook();
  await registerBotProfile(bot.api, services.i18n).catch((err: unknown) =>
    logger.warn({ err }, "could not register commands and descriptions; continuing"),
  );
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member"] } },
  });
  // Reminders use their own API client: it handles 429 itself instead of the interactive auto-retry.
  const dispatcher = await startReminders(new Api(config.BOT_TOKEN, { apiRoot: config.BOT_API_ROOT }), services, gate);
  logger.info({ bot: bot.botInfo.username }, "bot is running (long polling)");
  stopOnSignals(runner, dispatcher, stores, logger);
  await runner.task();
}

/** Retries getMe while the network fails; a rejected token is final. */
async function initWithRetry(init: () => Promise<void>, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await init();
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
        throw new ConfigError(`Invalid setting BOT_TOKEN: the Bot API rejected it (${err.error_code} ${err.description})`);
      }
      const delay = Math.min(60, 2 ** attempt);
      logger.warn({ err, attempt, retry_in_s: delay }, "cannot reach the Bot API yet");
      await new Promise((r) => setTimeout(r, delay * 1000));
    }
  }
}

/** Starts the reminder dispatcher after re-queuing whatever a previous process left claimed. */
async function startReminders(api: Api, services: BotServices, gate: InteractiveGate): Promise<ReminderDispatcher> {
  const { stores, clock, logger, i18n } = services;
  const dispatcher = new ReminderDispatcher({
    reminders: stores.reminders,
    users: stores.users,
    send: reminderSender(api, i18n, clock),
    clock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    idle: () => gate.idle(),
    logger,
  });
  await dispatcher.catchUp();
  dispatcher.start();
  return dispatcher;
}

function stopOnSignals(runner: RunnerHandle, dispatcher: ReminderDispatcher, stores: Stores, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await runner.stop();
    await dispatcher.stop();
    stores.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

async function runInTerminal(services: BotServices, dataDir: string, keyWarning: string | undefined): Promise<void> {
  const languageCode = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "en").split(/[_.]/)[0];
  const user: User = {
    id: 1,
    is_bot: false,
    first_name: process.env.USER && process.env.USER !== "root" ? process.env.USER : "Friend",
    language_code: languageCode,
  };
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const chat = new TerminalChat({ input: process.stdin, output: process.stdout, user, downloadsDir: join(dataDir, "downloads"), color });
  const gate = new InteractiveGate();
  const client = { fetch: chat.emulator.fetch as never };
  const bot = createBot(LOCAL_TOKEN, services, { botInfo: chat.emulator.botInfo, client, gate });
  await registerBotProfile(bot.api, services.i18n);
  const locale = pickLocale((await services.stores.users.get(user.id)).language, languageCode);
  const banner = [
    `nomad-kz · local chat (no BOT_TOKEN set). You are "${user.first_name}", language ${locale}; data in ${dataDir}.`,
    "Type a message or a command such as /start. When buttons are shown as [1] [2] …, type the number to press one",
    "(start a line with ' to send a number as text). /quit or Ctrl+D to leave.",
    ...(keyWarning ? [`Note: ${keyWarning}`] : []),
    "",
  ];
  const dispatcher = await startReminders(new Api(LOCAL_TOKEN, client), services, gate);
  await chat.run(bot, banner);
  await dispatcher.stop();
  services.stores.close();
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataKeyMismatchError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`nomad-kz failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
