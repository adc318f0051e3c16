import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

/**
 * Updates without a chat (inline queries, presses on buttons of inline messages, polls, …) stop
 * here, before the conversations: keyed by the sender alone they would land in that person's
 * private conversation and end it. A press is answered as a stale button (we send no inline
 * messages, so such a button is not ours to act on).
 */
export function chatlessFilter(): MiddlewareFn<BotContext> {
  // Not async: an update with a chat (nearly all) goes straight on without a promise of its own.
  return (ctx, next) => (ctx.chat !== undefined ? next() : answerChatless(ctx));
}

async function answerChatless(ctx: BotContext): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
  else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 });
}
