import { InlineKeyboard } from "grammy";
import { almatyToday, isLeadChoice, leadChoicesOf, leadRule, snoozeTarget, type LeadChoice } from "../../rules/index.js";
import type { ReminderRow } from "../../store/index.js";
import type { BotContext } from "../context.js";
import { formatDay, formatInstant } from "../render/dates.js";
import { DEFAULT_TIME_ZONE } from "../../reminders/dispatcher.js";
import { replanReminders } from "../../reminders/planner.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * `/reminders`: the scheduled reminders, one deadline a page, each reminder with a snooze that names where it
 * moves (or says it cannot be moved) and delete; per deadline, mute (or turn back on) and its lead times.
 */
export const remindersFeature = new FeatureComposer<BotContext>();
const privateChats = remindersFeature.chatType("private");

type Ctx = BotContext & { from: { id: number } };
interface Group {
  deadlineId: string;
  date: string;
  rows: ReminderRow[];
  muted: boolean;
}

/** The person's deadlines with reminders (or muted), soonest first. */
async function groups(ctx: Ctx): Promise<Group[]> {
  const { stores, clock } = ctx.services;
  const today = almatyToday(clock.now());
  const byId = new Map<string, Group>();
  for (const r of await stores.reminders.upcoming(ctx.from.id)) {
    const g = byId.get(r.deadlineId) ?? { deadlineId: r.deadlineId, date: r.payload.date, rows: [], muted: false };
    g.rows.push(r);
    byId.set(r.deadlineId, g);
  }
  for (const c of await stores.reminders.choices(ctx.from.id)) {
    if (c.muted && c.date && c.date >= today && !byId.has(c.deadlineId)) byId.set(c.deadlineId, { deadlineId: c.deadlineId, date: c.date, rows: [], muted: true });
  }
  return [...byId.values()].sort((a, b) => a.date.localeCompare(b.date) || a.deadlineId.localeCompare(b.deadlineId));
}

async function listView(ctx: Ctx, page: number): Promise<{ text: string; keyboard?: InlineKeyboard }> {
  const { stores, clock } = ctx.services;
  const all = await groups(ctx);
  if (all.length === 0) return { text: ctx.t("remind:list.empty") };
  const p = Math.min(Math.max(0, page), all.length - 1);
  const g = all[p]!;
  const timeZone = (await stores.users.get(ctx.from.id)).timezone ?? DEFAULT_TIME_ZONE;
  const now = clock.now();
  const kb = new InlineKeyboard();
  const lines = g.rows.map((r, i) => {
    const n = i + 1;
    const target = snoozeTarget(r.dueAt, now, r.payload.date, timeZone);
    if (target) kb.text(ctx.t("remind:list.snooze", { n, when: formatInstant(target.at, ctx.locale, timeZone) }), `rl:snooze:${r.id}:${p}`);
    else kb.text(ctx.t("remind:list.snooze_none", { n }), "rl:nosnooze");
    kb.text(ctx.t("remind:list.delete", { n }), `rl:del:${r.id}:${p}`).row();
    return ctx.t("remind:list.item", { n, when: formatInstant(r.dueAt, ctx.locale, timeZone) });
  });
  if (g.muted) {
    lines.push(ctx.t("remind:list.muted_note"));
    kb.text(ctx.t("remind:list.unmute"), `rl:unmute:${g.deadlineId}:${p}`);
  } else {
    kb.text(ctx.t("remind:list.mute"), `rl:mute:${g.deadlineId}:${p}`);
    if (leadChoicesOf(g.deadlineId).length > 1) kb.text(ctx.t("remind:lead.button"), `rl:lead:${g.deadlineId}:${p}`);
  }
  // Telegram refuses an empty row: the navigation row is opened only when it gets a button.
  if (all.length > 1) {
    kb.row();
    if (p > 0) kb.text("◀️", `rl:p:${p - 1}`);
    if (p < all.length - 1) kb.text("▶️", `rl:p:${p + 1}`);
  }
  const paused = (await stores.reminders.isPaused(ctx.from.id)) ? `\n\n${ctx.t("remind:list.paused")}` : "";
  const header = ctx.t("remind:list.title", { page: p + 1, pages: all.length });
  const title = ctx.t("remind:list.deadline", { title: ctx.t(`remind:deadline.${g.deadlineId}.title`), date: formatDay(g.date, ctx.locale) });
  return { text: `${header}\n\n${title}\n${lines.join("\n")}${paused}`, keyboard: kb };
}

/** The lead-time choices of one deadline, the current one ticked. */
async function leadView(ctx: Ctx, deadlineId: string, page: number): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const rule = leadRule(deadlineId)!;
  const current = (await ctx.services.stores.reminders.choices(ctx.from.id)).find((c) => c.deadlineId === deadlineId)?.lead;
  const chosen: LeadChoice = isLeadChoice(current) && rule.choices[current] ? current : "standard";
  const kb = new InlineKeyboard();
  for (const choice of leadChoicesOf(deadlineId)) {
    const days = rule.choices[choice]!;
    const label = "eachWorkingDayOf" in days ? ctx.t("remind:lead.each_working_day") : ctx.t("remind:lead.days", { list: days.join(" · ") });
    kb.text(`${choice === chosen ? "✓ " : ""}${label}`, `rl:lt:${deadlineId}:${choice}:${page}`).row();
  }
  kb.text(ctx.t("remind:btn.back"), `rl:p:${page}`);
  const basis = ctx.t(rule.basis === "sourced" ? "remind:lead.sourced" : "remind:lead.product");
  return { text: `${ctx.t("remind:lead.title", { title: ctx.t(`remind:deadline.${deadlineId}.title`) })}\n\n${basis}`, keyboard: kb };
}

async function show(ctx: Ctx, view: { text: string; keyboard?: InlineKeyboard }, edit: boolean): Promise<void> {
  const extra = { parse_mode: "HTML" as const, ...(view.keyboard ? { reply_markup: view.keyboard } : {}) };
  if (edit) await ctx.editMessageText(view.text, extra).catch(() => undefined);
  else await ctx.reply(view.text, extra);
}

privateChats.command("reminders", async (ctx) => {
  // Writing to the bot means it can reach the person again: un-pause after a block.
  await ctx.services.stores.reminders.setPaused(ctx.from.id, false);
  await show(ctx, await listView(ctx, 0), false);
});

privateChats.callbackQuery(/^rl:p:(\d{1,3})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await show(ctx, await listView(ctx, Number(ctx.match[1])), true);
});

privateChats.callbackQuery("rl:nosnooze", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("remind:list.snooze_none_toast"), show_alert: true }));

privateChats.callbackQuery(/^rl:(snooze|del):(\d{1,12})(?::(\d{1,3}))?$/, async (ctx) => {
  const [, action, idText, pageText] = ctx.match as unknown as [string, "snooze" | "del", string, string | undefined];
  const { stores, clock } = ctx.services;
  const userId = ctx.from.id;
  const id = Number(idText);
  const row = (await stores.reminders.upcoming(userId)).find((r) => r.id === id);
  if (!row) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
  if (action === "del") {
    await stores.reminders.dismiss(userId, { id });
    await ctx.answerCallbackQuery({ text: ctx.t("remind:list.deleted") });
  } else {
    const timeZone = (await stores.users.get(userId)).timezone ?? DEFAULT_TIME_ZONE;
    const target = snoozeTarget(row.dueAt, clock.now(), row.payload.date, timeZone);
    if (!target) return ctx.answerCallbackQuery({ text: ctx.t("remind:list.snooze_none_toast"), show_alert: true });
    await stores.reminders.reschedule(userId, id, target.at);
    await ctx.answerCallbackQuery({ text: ctx.t("remind:list.snoozed", { when: formatInstant(target.at, ctx.locale, timeZone) }) });
  }
  await show(ctx, await listView(ctx, Number(pageText ?? 0)), true);
});

privateChats.callbackQuery(/^rl:(mute|unmute|lead):([a-z0-9_]{1,40})(?::(\d{1,3}))?$/, async (ctx) => {
  const [, action, deadlineId, pageText] = ctx.match as unknown as [string, "mute" | "unmute" | "lead", string, string | undefined];
  const { stores, clock } = ctx.services;
  const page = Number(pageText ?? 0);
  if (action === "lead") {
    if (leadChoicesOf(deadlineId).length === 0) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
    await ctx.answerCallbackQuery();
    return show(ctx, await leadView(ctx, deadlineId, page), true);
  }
  if (action === "mute") {
    if (!(await stores.reminders.dismiss(ctx.from.id, { deadlineId, mark: "muted" }))) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
    await ctx.answerCallbackQuery({ text: ctx.t("remind:list.muted") });
  } else {
    if (!(await stores.reminders.unmute(ctx.from.id, deadlineId))) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
    await replanReminders(stores, ctx.from.id, clock);
    await ctx.answerCallbackQuery({ text: ctx.t("remind:list.unmuted") });
  }
  await show(ctx, await listView(ctx, page), true);
});

privateChats.callbackQuery(/^rl:lt:([a-z0-9_]{1,40}):([a-z]{1,12})(?::(\d{1,3}))?$/, async (ctx) => {
  const [, deadlineId, choice, pageText] = ctx.match as unknown as [string, string, string, string | undefined];
  const rule = leadRule(deadlineId);
  if (!rule || !isLeadChoice(choice) || !rule.choices[choice]) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
  const { stores, clock } = ctx.services;
  await stores.reminders.setLeadChoice(ctx.from.id, deadlineId, choice);
  await replanReminders(stores, ctx.from.id, clock);
  await ctx.answerCallbackQuery({ text: ctx.t("remind:lead.saved") });
  const all = await groups(ctx);
  const page = all.findIndex((g) => g.deadlineId === deadlineId);
  await show(ctx, await listView(ctx, page >= 0 ? page : Number(pageText ?? 0)), true);
});
