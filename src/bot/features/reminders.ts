import { Composer, InlineKeyboard } from "grammy";
import type { ReminderRow } from "../../store/index.js";
import type { BotContext } from "../context.js";
import { formatInstant } from "../render/dates.js";
import { DEFAULT_TIME_ZONE } from "../../reminders/dispatcher.js";

/** `/reminders`: the scheduled reminders, each with snooze (+1 day), mute (its deadline) and delete. */
export const remindersFeature = new Composer<BotContext>();
const privateChats = remindersFeature.chatType("private");

const DAY_MS = 24 * 60 * 60 * 1000;

async function listView(ctx: BotContext & { from: { id: number } }): Promise<{ text: string; keyboard?: InlineKeyboard }> {
  const { stores } = ctx.services;
  const rows = await stores.reminders.upcoming(ctx.from.id);
  if (rows.length === 0) return { text: ctx.t("remind:list.empty") };
  const timeZone = (await stores.users.get(ctx.from.id)).timezone ?? DEFAULT_TIME_ZONE;
  const kb = new InlineKeyboard();
  const lines = rows.map((r: ReminderRow, i) => {
    const n = i + 1;
    if (i > 0) kb.row();
    kb.text(ctx.t("remind:list.snooze", { n }), `rl:snooze:${r.id}`)
      .text(ctx.t("remind:list.mute", { n }), `rl:mute:${r.deadlineId}`)
      .text(ctx.t("remind:list.delete", { n }), `rl:del:${r.id}`);
    return ctx.t("remind:list.item", { n, title: ctx.t(`remind:deadline.${r.deadlineId}.title`), when: formatInstant(r.dueAt, ctx.locale, timeZone) });
  });
  const paused = (await stores.reminders.isPaused(ctx.from.id)) ? `\n\n${ctx.t("remind:list.paused")}` : "";
  return { text: `${ctx.t("remind:list.title")}\n\n${lines.join("\n")}${paused}`, keyboard: kb };
}

privateChats.command("reminders", async (ctx) => {
  // Writing to the bot means it can reach the person again: un-pause after a block.
  await ctx.services.stores.reminders.setPaused(ctx.from.id, false);
  const view = await listView(ctx);
  await ctx.reply(view.text, { parse_mode: "HTML", ...(view.keyboard ? { reply_markup: view.keyboard } : {}) });
});

privateChats.callbackQuery(/^rl:(snooze|mute|del):([a-z0-9_]+)$/, async (ctx) => {
  const [, action, target] = ctx.match as unknown as [string, "snooze" | "mute" | "del", string];
  const { reminders } = ctx.services.stores;
  const userId = ctx.from.id;
  if (action === "mute") await reminders.delete(userId, { deadlineId: target });
  else {
    const id = Number(target);
    const row = (await reminders.upcoming(userId)).find((r) => r.id === id);
    if (!row) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
    if (action === "snooze") await reminders.reschedule(userId, id, Math.min(row.dueAt + DAY_MS, row.deadlineEnd));
    else await reminders.delete(userId, { id });
  }
  await ctx.answerCallbackQuery({ text: ctx.t(`remind:list.${action === "del" ? "deleted" : action === "mute" ? "muted" : "snoozed"}`) });
  const view = await listView(ctx);
  await ctx.editMessageText(view.text, { parse_mode: "HTML", ...(view.keyboard ? { reply_markup: view.keyboard } : {}) }).catch(() => undefined);
});
