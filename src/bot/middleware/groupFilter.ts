import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

/**
 * In groups and channels the bot speaks only when spoken to: a command addressed to it by name
 * (`/help@this_bot`) or a press on one of its own buttons. Everything else passes by silently.
 */
export function groupFilter(): MiddlewareFn<BotContext> {
  // Not async: every update passes here, and a private chat's goes straight on without a promise of its own.
  return (ctx, next) => {
    const type = ctx.chat?.type;
    if (type === undefined || type === "private") return next();
    if (ctx.callbackQuery || ctx.myChatMember) return next();
    const text = ctx.message?.text ?? "";
    const command = /^\/[A-Za-z0-9_]+@([A-Za-z0-9_]+)/.exec(text);
    if (command && command[1]!.toLowerCase() === ctx.me.username.toLowerCase()) return next();
    return undefined;
  };
}
