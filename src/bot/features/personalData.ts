import type { BotContext } from "../context.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * Runs on every update, before the commands: records the day the person was last active (for the
 * 12-month deletion) and, once, tells them when saved data of theirs could not be read and was set
 * aside. Then the update goes on as usual, so /cancel, /start and /forget always work.
 */
export const personalDataFeature = new FeatureComposer<BotContext>();

personalDataFeature.use(async (ctx, next) => {
  const { stores, clock, logger } = ctx.services;
  const userId = ctx.from?.id;
  if (userId !== undefined && ctx.from?.is_bot === false) {
    await stores.personal.touch(userId, clock.now());
    const sources = ctx.chat?.type === "private" ? await stores.personal.takeUnreadable(userId) : [];
    if (sources.length > 0) {
      logger.warn({ sources, update_id: ctx.update.update_id }, "told a person their saved data could not be read");
      await ctx.reply(ctx.t("privacy.unreadable"));
    }
  }
  await next();
});
