import type { MiddlewareFn, NextFunction } from "grammy";
import type { BotContext } from "../context.js";

/**
 * Logs each update's id, kinds and handling time at debug level: ids and types, never content.
 * With debug off (the default in production) it only asks the logger, per update so a level changed at run
 * time is followed: no clock reading, no list of kinds, no object for pino to drop.
 */
export function updateLogger(): MiddlewareFn<BotContext> {
  return (ctx, next) => (ctx.services.logger.isLevelEnabled("debug") ? logged(ctx, next) : next());
}

async function logged(ctx: BotContext, next: NextFunction): Promise<void> {
  const started = performance.now();
  const kinds = Object.keys(ctx.update).filter((k) => k !== "update_id");
  try {
    await next();
  } finally {
    ctx.services.logger.debug({ update_id: ctx.update.update_id, kinds, chat_type: ctx.chat?.type, ms: Math.round(performance.now() - started) }, "update handled");
  }
}
