import type { BotContext } from "../context.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * `/cancel` leaves whatever conversation is open. It is installed after the conversations plugin
 * and before the flows, so it is heard even while a flow waits for an answer.
 */
export const cancelFeature = new FeatureComposer<BotContext>();

cancelFeature.command("cancel", async (ctx) => {
  const active = Object.keys(ctx.conversation.active()).length > 0;
  if (active) await ctx.conversation.exitAll();
  await ctx.reply(ctx.t(active ? "cancel.done" : "cancel.nothing"), {
    reply_markup: { remove_keyboard: true },
  });
});
