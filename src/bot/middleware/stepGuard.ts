import type { Context, MiddlewareFn } from "grammy";
import { GrammyError, HttpError } from "grammy";
import type { KeyValueStore } from "../../store/index.js";
import type { BotContext } from "../context.js";

/** Marks a context whose handling failed: its conversation state is then not written back. */
const FAILED = Symbol("nomad-kz.step-failed");

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
      read: (ctx: Context) => keyed(ctx, (k) => adapter.read(k)) as Promise<never>,
      write: async (ctx: Context, state: unknown) => {
        if (!(FAILED in ctx)) await keyed(ctx, (k) => adapter.write(k, state));
      },
      delete: async (ctx: Context) => {
        if (!(FAILED in ctx)) await keyed(ctx, (k) => adapter.delete(k));
      },
    },
  };
}

/**
 * Installed right after the conversations plugin: catches what failed below it (a flow step or a
 * command), keeps the conversation state as it was before this update, logs the failure without
 * content and tells the person in their language: inside a flow, that their answers are kept and
 * to send the last one again; elsewhere, to try again.
 */
export function stepGuard(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const inFlow = Object.keys(ctx.conversation.active()).length > 0;
    try {
      await next();
    } catch (error) {
      Object.defineProperty(ctx, FAILED, { value: true });
      const kind = error instanceof GrammyError ? "bot_api" : error instanceof HttpError ? "network" : "handler";
      ctx.services.logger.error({ err: error, kind, update_id: ctx.update.update_id }, "update failed; conversation kept as it was");
      if (!ctx.chat) return;
      await ctx.reply(ctx.t(inFlow ? "system:step_failed" : "errors.internal")).catch((replyError: unknown) => {
        ctx.services.logger.warn({ err: replyError }, "could not tell the user about the failure");
      });
    }
  };
}
