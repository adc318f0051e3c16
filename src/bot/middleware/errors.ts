import { BotError, GrammyError, HttpError, type ErrorHandler } from "grammy";
import type { BotContext } from "../context.js";

/**
 * The last line of defence: log what failed (never the user's text) and tell the person,
 * in their language, that the fault is ours. Never rethrows, so the process keeps running.
 */
export function errorHandler(): ErrorHandler<BotContext> {
  return async (err: BotError<BotContext>) => {
    const { ctx, error } = err;
    const logger = ctx.services?.logger;
    const kind = error instanceof GrammyError ? "bot_api" : error instanceof HttpError ? "network" : "handler";
    logger?.error({ err: error, kind, update_id: ctx.update.update_id }, "update failed");
    if (kind === "network" || !ctx.chat) return;
    try {
      const text = ctx.t ? ctx.t("errors.internal") : "Sorry, something went wrong on our side. Please try again.";
      await ctx.reply(text);
    } catch (replyError) {
      logger?.warn({ err: replyError }, "could not tell the user about the failure");
    }
  };
}
