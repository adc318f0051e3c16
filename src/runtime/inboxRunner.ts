import { createConcurrentSink, createRunner, createSource, type UpdateSupplier } from "@grammyjs/runner";
import { GrammyError, type Api, type Bot, type Context } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { InboxStore } from "../store/index.js";

export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "inline_query"] as const;

/** A crash while handling an update makes it one more attempt; past this it is dropped, not retried forever. */
const MAX_ATTEMPTS = 3;

export interface InboxRunnerOptions {
  inbox: InboxStore;
  logger: Logger;
  /** Waits between failed getUpdates calls (injected in tests). */
  sleep?: (ms: number) => Promise<void>;
  /** Long-polling timeout in seconds. */
  pollSeconds?: number;
}

export interface InboxRunner {
  /** Resolves when fetching has stopped (after `stop`) or failed for good. */
  task(): Promise<void>;
  /** Updates being handled right now. */
  inFlight(): number;
  /** Stops fetching, then waits up to `graceMs` for the updates in flight; returns how many were left. */
  stop(graceMs: number): Promise<number>;
}

/**
 * Long polling that loses no update. grammY's runner confirms updates to Telegram as soon as it
 * fetches them, so a crash loses everything in flight. Here its building blocks (source, sink,
 * runner) are kept and only the update supplier is our own: fetch, write to the inbox, and only
 * then ask for the next batch (which confirms this one to Telegram); each update is marked done
 * when handled. On start the inbox's unfinished updates are handled first; an update Telegram
 * delivers again is recognised by its update_id and not handled twice. Per-chat order is kept by
 * `sequentialize` inside the bot.
 */
export function startInboxRunner<C extends Context>(bot: Bot<C>, options: InboxRunnerOptions): InboxRunner {
  const { inbox, logger } = options;
  const supplier = inboxSupplier(bot.api, options);
  const source = createSource(supplier);
  const sink = createConcurrentSink<Update>(
    {
      consume: async (update) => {
        try {
          await bot.handleUpdate(update);
        } finally {
          await inbox.markDone(update.update_id).catch((err: unknown) => logger.warn({ err, update_id: update.update_id }, "could not mark an update done"));
        }
      },
    },
    async (error: unknown) => logger.error({ err: error }, "update failed outside the error boundary"),
  );
  const runner = createRunner(source, sink);
  runner.start();
  return {
    task: () => runner.task() ?? Promise.resolve(),
    inFlight: () => runner.size(),
    stop: async (graceMs) => {
      await runner.stop();
      const deadline = Date.now() + graceMs;
      while (runner.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return runner.size();
    },
  };
}

function inboxSupplier(api: Api, options: InboxRunnerOptions): UpdateSupplier<Update> {
  const { inbox, logger, sleep = (ms) => new Promise((r) => setTimeout(r, ms)), pollSeconds = 30 } = options;
  let replayed = false;
  let offset: number | undefined;
  return {
    supply: async (batchSize, signal) => {
      if (!replayed) {
        replayed = true;
        const pending = await replayable(inbox, logger);
        if (pending.length > 0) return pending;
      }
      for (let attempt = 1; ; attempt++) {
        try {
          const updates = await api.getUpdates(
            { offset, limit: Math.max(1, Math.min(batchSize, 100)), timeout: pollSeconds, allowed_updates: [...ALLOWED_UPDATES] },
            signal,
          );
          // Everything below the offset just used is now confirmed to Telegram.
          if (offset !== undefined) await inbox.confirmed(offset);
          if (updates.length === 0) return [];
          const fresh = new Set(await inbox.add(updates.map(inboxEntry)));
          offset = updates[updates.length - 1]!.update_id + 1;
          return updates.filter((u) => fresh.has(u.update_id));
        } catch (err) {
          if (signal.aborted) throw err;
          if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 409)) throw err;
          const retryAfter = err instanceof GrammyError ? err.parameters.retry_after : undefined;
          const delayMs = retryAfter !== undefined ? retryAfter * 1000 : Math.min(30_000, 250 * 2 ** (attempt - 1));
          logger.warn({ err, attempt, retry_in_ms: delayMs }, "getUpdates failed; retrying");
          await sleep(delayMs);
        }
      }
    },
  };
}

/** The inbox's unfinished updates, minus those that failed too often or cannot be read. */
async function replayable(inbox: InboxStore, logger: Logger): Promise<Update[]> {
  const pending = await inbox.takePending();
  const updates: Update[] = [];
  for (const entry of pending) {
    if (entry.update === undefined || entry.attempts > MAX_ATTEMPTS) {
      logger.error({ update_id: entry.updateId, attempts: entry.attempts }, "dropping an update from the inbox (unreadable or failed too often)");
      await inbox.markDone(entry.updateId);
    } else {
      updates.push(entry.update as Update);
    }
  }
  if (updates.length > 0) logger.info({ count: updates.length }, "handling updates left unfinished by the last run");
  return updates;
}

/** The row of an update: who sent it and in which chat, so that erasure finds it. */
export function inboxEntry(update: Update): { updateId: number; userId?: number; chatId?: number; update: Update } {
  type Body = { from?: { id: number }; chat?: { id: number }; message?: { chat?: { id: number } } };
  const [, body] = (Object.entries(update).find(([k]) => k !== "update_id") ?? []) as [string?, Body?];
  return { updateId: update.update_id, userId: body?.from?.id, chatId: body?.chat?.id ?? body?.message?.chat?.id, update };
}
