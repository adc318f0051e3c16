import { InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * `/forget`: after a confirmation, erases everything stored about the person (every table) and
 * leaves any open conversation. Installed before the flows, so it works in the middle of one.
 */
export const forgetFeature = new FeatureComposer<BotContext>();

export const FORGET_CB = { erase: "forget:erase", keep: "forget:keep" } as const;

forgetFeature.chatType(["group", "supergroup"]).command(["forget", "mydata"], (ctx) =>
  ctx.reply(ctx.t("forget.private_only"), {
    reply_markup: new InlineKeyboard().url(ctx.t("forget.private_button"), `https://t.me/${ctx.me.username}`),
  }),
);

const privateChats = forgetFeature.chatType("private");

privateChats.command("forget", async (ctx) => {
  // What is being erased must not keep running (nor be written back when the update is done).
  ctx.flow.exitAll();
  await ctx.reply(ctx.t("forget.confirm"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("forget.erase_button"), FORGET_CB.erase).row().text(ctx.t("forget.keep_button"), FORGET_CB.keep),
  });
});

privateChats.callbackQuery(FORGET_CB.erase, async (ctx) => {
  await ctx.services.stores.personal.erase(ctx.from.id);
  // The open flow's record, if any, was erased with the rest: nothing of it is written back after this update.
  ctx.flow.erased();
  // null makes the session plugin delete the session instead of writing it back after this update.
  ctx.session = null as never;
  ctx.services.logger.info({ update_id: ctx.update.update_id }, "erased a person's data on request");
  await ctx.answerCallbackQuery({ text: ctx.t("forget.done_short") });
  await ctx.editMessageText(ctx.t("forget.done")).catch(() => ctx.reply(ctx.t("forget.done")));
});

privateChats.callbackQuery(FORGET_CB.keep, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("forget.kept")).catch(() => ctx.reply(ctx.t("forget.kept")));
});
