import { join, resolve } from "node:path";
import pino from "pino";
import type { BotServices } from "./bot/context.js";
import { lazyFaqSearch } from "./bot/faq/lazySearch.js";
import { startHousekeeping } from "./bot/housekeeping.js";
import { createI18n } from "./bot/i18n.js";
import { ConfigError, parseConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { runPolling } from "./runtime/polling.js";
import { runInTerminal } from "./runtime/terminal.js";
import { createSealer } from "./store/crypto.js";
import { DataKeyMismatchError, openEmbeddedStores, resolveDataKey, systemClock } from "./store/index.js";
import { SqliteInbox } from "./store/sqliteInbox.js";

/** Composition root: settings, logger, stores and services; then Telegram (long polling) or the terminal chat. */
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

  const stores = openEmbeddedStores(dataDir, key.key, systemClock, { onUnreadable: (e) => logger.warn(e, "stored data could not be read; set aside") });
  const i18n = createI18n();
  const services: BotServices = { stores, i18n, logger, clock: systemClock, faq: lazyFaqSearch(i18n, systemClock) };
  startHousekeeping(services);
  // Build the FAQ index in the background now, so the first question does not wait for it.
  setTimeout(() => services.faq(), 0).unref();

  if (config.mode === "telegram") await runPolling(config, services, new SqliteInbox(stores.db, createSealer(key.key), systemClock));
  else await runInTerminal(services, dataDir, keyWarning);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataKeyMismatchError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`nomad-kz failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
