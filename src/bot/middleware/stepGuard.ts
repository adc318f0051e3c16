import type { Context, MiddlewareFn } from "grammy";
import { GrammyError, HttpError } from "grammy";
import type { KeyValueStore } from "../../store/index.js";
import type { BotContext } from "../context.js";
import { StepStalledError, type StepWatchdog } from "./stepWatchdog.js";

/** Marks a context whose handling failed: its conversation state is then not written back. */
const FAILED = Symbol("nomad-kz.step-failed");

/** The conversation state could not be read or written: the update was not taken into account. */
export class ConversationStorageError extends Error {
  override name = "ConversationStorageError";
  constructor(operation: "read" | "write" | "delete", cause: unknown) {
    super(`conversation state could not be ${operation === "read" ? "read" : operation === "write" ? "written" : "deleted"}`, { cause });
  }
}

const guarded = async <T>(operation: "read" | "write" | "delete", run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    throw new ConversationStorageError(operation, error);
  }
};

/**
 * Conversation storage that leaves the stored state untouched when the update failed. The
 * conversations plugin drops a conversation whose step throws; with this, a step that fails (say,
 * the Bot API is still down after the retries) leaves the flow where it was, and the person's
 * next message is the answer to the same question again, not a question for the FAQ.
 */
export function guardedConversationStorage(
  adapter: KeyValueStore<unknown>,
  version: number,
  key: (ctx: Context) => string | undefined,
) {
  const keyed = (ctx: Context, run: (key: string) => Promise<unknown>) => {
    const k = key(ctx);
    return k === undefined ? Promise.resolve(undefined) : run(k);
  };
  return {
    type: "context" as const,
    version,
    adapter: {
      read: (ctx: Context) => guarded("read", () => keyed(ctx, (k) => adapter.read(k))) as Promise<never>,
      write: async (ctx: Context, state: unknown) => {
        if (!(FAILED in ctx)) await guarded("write", () => keyed(ctx, (k) => adapter.write(k, state)));
      },
      delete: async (ctx: Context) => {
        if (!(FAILED in ctx)) await guarded("delete", () => keyed(ctx, (k) => adapter.delete(k)));
      },
    },
  };
}

/**
 * Installed right before the conversations plugin: when the conversation state cannot be read (before
 * any step ran) or written (after the step answered), the person is told that this message was not
 * taken into account and that nothing saved is lost, and the chat is free for their next message.
 * Other errors pass on to the error boundary.
 */
export function conversationStorageGuard(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (!(error instanceof ConversationStorageError)) throw error;
      ctx.services.logger.error({ err: error, kind: "storage", update_id: ctx.update.update_id }, "conversation state unavailable; update not taken into account");
      if (!ctx.chat) return;
      await ctx.reply(ctx.t("system:storage_failed")).catch((replyError: unknown) => {
        ctx.services.logger.warn({ err: replyError }, "could not tell the user about the failure");
      });
    }
  };
}

/**
 * Installed right after the conversations plugin: catches what failed below it (a flow step or a
 * command), keeps the conversation state as it was before this update, logs the failure without
 * content and tells the person in their language: inside a flow, that their answers are kept and
 * to send the last one again; elsewhere, to try again. With a watchdog, a step that hangs (see
 * `StepWatchdog`) is given up the same way, so the chat never stays silent.
 */
export function stepGuard(watchdog?: StepWatchdog): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const inFlow = Object.keys(ctx.conversation.active()).length > 0;
    // The watchdog gives the update an Api of its own that refuses calls once the update is given up.
    const api = ctx.api;
    try {
      await (watchdog ? watchdog.run(ctx, next) : next());
    } catch (error) {
      Object.defineProperty(ctx, FAILED, { value: true });
      const kind =
        error instanceof StepStalledError ? "stalled" : error instanceof GrammyError ? "bot_api" : error instanceof HttpError ? "network" : "handler";
      ctx.services.logger.error({ err: error, kind, update_id: ctx.update.update_id }, "update failed; conversation kept as it was");
      if (!ctx.chat) return;
      await api.sendMessage(ctx.chat.id, ctx.t(inFlow ? "system:step_failed" : "errors.internal")).catch((replyError: unknown) => {
        ctx.services.logger.warn({ err: replyError }, "could not tell the user about the failure");
      });
    }
  };
}
