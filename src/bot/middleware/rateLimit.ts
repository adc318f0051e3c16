import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { Clock } from "../../store/index.js";
import type { BotContext, BotServices } from "../context.js";
import { pickLocale } from "../i18n.js";

/** Fair use: this many updates per person in one window; what comes beyond is dropped until it ends. */
export const FAIR_USE = { windowMs: 10_000, limit: 20 } as const;

/**
 * Fixed windows counted on the injected clock, in the shape of the Redis client the rate limiter
 * accepts (`incr`, `pexpire`): its own MemoryStore clears every counter on a real-time
 * `setInterval`, which tests could not move and which starts a timer per bot built.
 */
export class ClockWindows {
  private readonly windows = new Map<string, { hits: number; until: number }>();
  private lastSweep: number;

  constructor(
    private readonly clock: Clock,
    private readonly windowMs: number,
  ) {
    this.lastSweep = clock.now();
  }

  async incr(key: string): Promise<number> {
    const now = this.clock.now();
    if (now - this.lastSweep >= this.windowMs) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.until <= now) {
      window = { hits: 0, until: now + this.windowMs };
      this.windows.set(key, window);
    }
    return ++window.hits;
  }

  async pexpire(key: string, ms: number): Promise<number> {
    const window = this.windows.get(key);
    if (window) window.until = this.clock.now() + ms;
    return window ? 1 : 0;
  }

  /** Updates counted for `key` in its current window (0 when none is open). */
  hits(key: string): number {
    const window = this.windows.get(key);
    return window && window.until > this.clock.now() ? window.hits : 0;
  }

  /** Forgets ended windows, so memory follows the people active in the last window only. */
  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.until <= now) this.windows.delete(key);
    this.lastSweep = now;
  }
}

/** Who an update counts against: its sender. Membership changes (a block, an unblock) always pass. */
function personKey(ctx: BotContext): string | undefined {
  if (ctx.myChatMember || ctx.chatMember || !ctx.from) return undefined;
  return String(ctx.from.id);
}

/**
 * Per-person flood control, installed before the session and the flows so that what is
 * dropped costs a counter increment and nothing else. The first update over the limit gets one
 * polite warning in the person's language (a toast for a button press); later presses in the same
 * window get an empty answer so the button stops spinning (at most `limit` of them); everything
 * else in the window is dropped silently.
 */
export function rateLimit(
  services: Pick<BotServices, "clock" | "i18n" | "stores" | "logger">,
  options: { windowMs: number; limit: number } = FAIR_USE,
): MiddlewareFn<BotContext> {
  const windows = new ClockWindows(services.clock, options.windowMs);

  const warningFor = async (ctx: BotContext): Promise<string> => {
    // The i18n middleware runs after this one; the saved language is read here, once per window.
    const saved = ctx.from ? await services.stores.users.get(ctx.from.id).catch(() => undefined) : undefined;
    return services.i18n.getFixedT(pickLocale(saved?.language, ctx.from?.language_code))("limits:flood.warning");
  };

  const onDropped = async (ctx: BotContext): Promise<void> => {
    const over = windows.hits(personKey(ctx) ?? "") - options.limit;
    services.logger.debug({ update_id: ctx.update.update_id, over }, "update dropped by the rate limit");
    try {
      if (over === 1 && ctx.callbackQuery) await ctx.answerCallbackQuery({ text: await warningFor(ctx), show_alert: true });
      else if (over === 1 && ctx.chat) await ctx.reply(await warningFor(ctx));
      else if (ctx.callbackQuery && over <= options.limit) await ctx.answerCallbackQuery();
    } catch (error) {
      services.logger.warn({ err: error, update_id: ctx.update.update_id }, "could not answer a rate-limited update");
    }
  };

  return limit<BotContext, ClockWindows>({
    timeFrame: options.windowMs,
    limit: options.limit,
    storageClient: windows,
    keyPrefix: "",
    keyGenerator: personKey,
    alwaysReply: true,
    onLimitExceeded: (ctx) => onDropped(ctx),
  });
}
