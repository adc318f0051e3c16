import { InlineKeyboard } from "grammy";
import { CHECK_FLOW_ID } from "../../flows/eligibility.js";
import type { BotContext } from "../context.js";
import { ACTION } from "../keyboards.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/** `/check` and the "Check eligibility" button start the eligibility flow, in private chats only. */
export const checkFeature = new FeatureComposer<BotContext>();

async function startCheck(ctx: BotContext): Promise<void> {
  if (ctx.chat?.type !== "private") {
    const link = `https://t.me/${ctx.me.username}?start=check`;
    await ctx.reply(ctx.t("check:private_only"), { reply_markup: new InlineKeyboard().url(ctx.t("check:private_only_button"), link) });
    return;
  }
  await ctx.flow.enter(CHECK_FLOW_ID);
}

checkFeature.command("check", startCheck);

/** The deep link t.me/<bot>?start=check, passed on by the start feature. */
checkFeature.command("start", async (ctx, next) => (ctx.match.trim() === "check" ? startCheck(ctx) : next()));

checkFeature.callbackQuery(ACTION.check, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startCheck(ctx);
});
