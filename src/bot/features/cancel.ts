import type { BotContext } from "../context.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * `/cancel` leaves whatever flow is open. It is installed after the flows' state is read
 * and before the flows, so it is heard even while a flow waits for an answer.
 */
export const cancelFeature = new FeatureComposer<BotContext>();

cancelFeature.command("cancel", async (ctx) => {
  const active = ctx.flow.active() !== undefined;
  ctx.flow.exitAll();
  await ctx.reply(ctx.t(active ? "cancel.done" : "cancel.nothing"), {
    reply_markup: { remove_keyboard: true },
  });
});
