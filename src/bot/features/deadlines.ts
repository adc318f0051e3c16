import { InlineKeyboard, InputFile } from "grammy";
import { almatyToday, leadRule, reminderDays } from "../../rules/index.js";
import { REMIND_FLOW_ID } from "../../flows/remind.js";
import { userDeadlines } from "../../reminders/planner.js";
import type { BotContext } from "../context.js";
import { deadlinesToIcs } from "../deadlines/ics.js";
import { DEADLINE_CB, deadlinesKeyboard } from "../deadlines/keyboard.js";
import { renderDeadlines } from "../deadlines/render.js";
import { ACTION } from "../keyboards.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/** `/remind` (enter dates), `/deadlines` (what follows from them), the .ics export and "Done" on a reminder. */
export const deadlinesFeature = new FeatureComposer<BotContext>();
const privateChats = deadlinesFeature.chatType("private");

/** In a group, the personal commands point to a private chat instead of answering there. */
deadlinesFeature.chatType(["group", "supergroup"]).command(["remind", "deadlines", "reminders", "settings"], (ctx) =>
  ctx.reply(ctx.t("remind:private_only"), {
    reply_markup: new InlineKeyboard().url(ctx.t("check:private_only_button"), `https://t.me/${ctx.me.username}?start=remind`),
  }),
);

async function enterRemind(ctx: BotContext): Promise<void> {
  await ctx.flow.enter(REMIND_FLOW_ID);
}

privateChats.command("remind", enterRemind);
privateChats.command("start", (ctx, next) => (ctx.match.trim() === "remind" ? enterRemind(ctx) : next()));
privateChats.callbackQuery([ACTION.remind, DEADLINE_CB.edit], async (ctx) => {
  await ctx.answerCallbackQuery();
  await enterRemind(ctx);
});

privateChats.command("deadlines", async (ctx) => {
  const { stores, clock } = ctx.services;
  const deadlines = await userDeadlines(stores, ctx.from.id, clock);
  const today = almatyToday(clock.now());
  await ctx.reply(renderDeadlines(deadlines, ctx.t, ctx.locale, today), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(deadlines.length ? { reply_markup: deadlinesKeyboard(ctx.t) } : {}),
  });
});

privateChats.callbackQuery(DEADLINE_CB.export, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { stores, clock } = ctx.services;
  const deadlines = await userDeadlines(stores, ctx.from.id, clock);
  if (deadlines.length === 0) {
    await ctx.reply(ctx.t("remind:none"));
    return;
  }
  const choices = new Map((await stores.reminders.choices(ctx.from.id)).map((c) => [c.deadlineId, c.lead]));
  const ics = deadlinesToIcs(deadlines, {
    t: ctx.t,
    locale: ctx.locale,
    nowMs: clock.now(),
    uid: (id) => stores.reminders.eventUid(ctx.from.id, id),
    leadDays: (d) => reminderDays(d.id, d.date, choices.get(d.id)),
  });
  await ctx.replyWithDocument(new InputFile(Buffer.from(ics, "utf8"), ctx.t("remind:ics.filename")), { caption: ctx.t("remind:ics.caption") });
});

privateChats.callbackQuery(/^rem:done:([a-z0-9_]+)$/, async (ctx) => {
  const deadlineId = ctx.match[1]!;
  // Reminders exist only for the deadlines with lead times: any other id is an old or forged button.
  if (!leadRule(deadlineId)) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
  await ctx.services.stores.reminders.dismiss(ctx.from.id, { deadlineId, mark: "done" });
  await ctx.answerCallbackQuery({ text: ctx.t("remind:reminder.done") });
  await ctx.editMessageReplyMarkup().catch(() => undefined);
});
