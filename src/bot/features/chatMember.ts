import type { BotContext } from "../context.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/** A private chat's block and unblock: reminders pause while the bot is blocked and resume after. */
export const chatMemberFeature = new FeatureComposer<BotContext>();

chatMemberFeature.on("my_chat_member", async (ctx) => {
  if (ctx.chat.type !== "private") return;
  const status = ctx.myChatMember.new_chat_member.status;
  await ctx.services.stores.reminders.setPaused(ctx.chat.id, status === "kicked" || status === "left");
});
