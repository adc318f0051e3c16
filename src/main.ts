import { join, resolve } from "node:path";
import pino from "pino";
import type { BotServices } from "./bot/context.js";
import { lazyFaqSearch } from "./bot/faq/lazySearch.js";
import { startHousekeeping } from "./bot/housekeeping.js";
import { createI18n } from "./bot/i18n.js";
import { ConfigError, parseConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { nbkFetcher } from "./rates/nbkClient.js";
import { createRatesProvider } from "./rates/provider.js";
import { runPolling } from "./runtime/polling.js";
import { runInTerminal } from "./runtime/terminal.js";
import { runWebhook } from "./runtime/webhook.js";
import { decodeKey } from "./store/crypto.js";
import { DataKeyMismatchError, openStores, resolveDataKey, systemClock } from "./store/index.js";

/** Composition root: settings, logger, stores and services; then Telegram (long polling or webhook) or the terminal chat. */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const dataDir = resolve(config.DATA_DIR);
  const logger =
    config.mode === "local"
      ? createLogger({ level: config.LOG_LEVEL, destination: pino.destination({ dest: join(dataDir, "local-chat.log"), mkdir: true, sync: true }) })
      : createLogger({ level: config.LOG_LEVEL, pretty: Boolean(process.stdout.isTTY) });

  // With DATABASE_URL the key is DATA_KEY (parseConfig requires it); without, it may live in DATA_DIR.
  const key = config.DATABASE_URL ? { key: decodeKey(config.DATA_KEY!), origin: "setting" as const, file: undefined } : resolveDataKey(dataDir, config.DATA_KEY);
  const keyWarning =
    key.origin === "generated"
      ? `DATA_KEY is not set: generated a new data key in ${key.file}. Back it up or set DATA_KEY; without it the stored data cannot be read.`
      : undefined;
  if (keyWarning) logger.warn(keyWarning);

  const stores = await openStores({ databaseUrl: config.DATABASE_URL, dataDir, key: key.key }, systemClock, {
    onUnreadable: (e) => logger.warn(e, "stored data could not be read; set aside"),
    reminders: { leaseMs: config.REMINDER_LEASE_MS },
  });
  const i18n = createI18n();
  // The bank's official rates, refreshed daily on first use; the embedded table (or "no rate") when that fails.
  const rates = createRatesProvider({
    fetchDay: config.NBK_RATES_URL === "off" ? undefined : nbkFetcher({ url: config.NBK_RATES_URL }),
    now: () => systemClock.now(),
    onError: (err) => logger.warn({ reason: err instanceof Error ? err.message : String(err) }, "official exchange rates could not be refreshed; using the embedded table"),
  });
  const services: BotServices = { stores, i18n, logger, clock: systemClock, faq: lazyFaqSearch(i18n, systemClock), rates };
  startHousekeeping(services);
  // Build the FAQ index in the background, so the first question does not wait for it. Long polling builds it
  // once its first getUpdates is out: built now (0.85 s, synchronous) it would hold up getMe and that request.
  if (config.mode !== "telegram") setTimeout(() => services.faq(), 0).unref();

  if (config.mode === "telegram") await runPolling(config, services, stores.inbox);
  else if (config.mode === "webhook") await runWebhook(config, services);
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
