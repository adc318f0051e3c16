import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

/** Logs each update's id, kinds and handling time at debug level: ids and types, never content. */
export function updateLogger(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const started = performance.now();
    const kinds = Object.keys(ctx.update).filter((k) => k !== "update_id");
    try {
      await next();
    } finally {
      ctx.services.logger.debug(
        { update_id: ctx.update.update_id, kinds, chat_type: ctx.chat?.type, ms: Math.round(performance.now() - started) },
        "update handled",
      );
    }
  };
}
