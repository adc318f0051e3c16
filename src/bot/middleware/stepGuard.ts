import type { Context, MiddlewareFn } from "grammy";
import { GrammyError, HttpError } from "grammy";
import type { BotContext } from "../context.js";
import { StepStalledError, type StepWatchdog } from "./stepWatchdog.js";

/** Marks a context whose handling failed: its flow state is then not written back. */
const FAILED = Symbol("nomad-kz.step-failed");

/** The conversation state could not be read or written: the update was not taken into account. */
export class ConversationStorageError extends Error {
  override name = "ConversationStorageError";
  constructor(operation: "read" | "write" | "delete", cause: unknown) {
    super(`conversation state could not be ${operation === "read" ? "read" : operation === "write" ? "written" : "deleted"}`, { cause });
  }
}

/** True when the update's handling failed below stepGuard: its flow state is then not written back (middleware/flows.ts). */
export const stepFailed = (ctx: Context): boolean => FAILED in ctx;

/**
 * Installed right before the flows' state (middleware/flows.ts): when a chat's flow state cannot be read (before
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
 * Installed right after the flows' state: catches what failed below it (a flow step or a
 * command), keeps the flow's state as it was before this update, logs the failure without
 * content and tells the person in their language: inside a flow, that their answers are kept and
 * to send the last one again; elsewhere, to try again. With a watchdog, a step that hangs (see
 * `StepWatchdog`) is given up the same way, so the chat never stays silent.
 */
export function stepGuard(watchdog?: StepWatchdog): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const inFlow = ctx.flow.active() !== undefined;
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
