import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { almatyToday, computeDeadlines, DAYS_IN_KZ_BASIS, MILESTONE_IDS, parseCount, parseDate, type MilestoneId, type Milestones } from "../rules/index.js";
import type { BotContext, BotServices, FlowContext } from "../bot/context.js";
import { deadlinesKeyboard } from "../bot/deadlines/keyboard.js";
import { formatDay, renderDeadlines, taxWindowText } from "../bot/deadlines/render.js";
import { DEFAULT_TIME_ZONE } from "../reminders/dispatcher.js";
import { loadMilestones, replanReminders } from "../reminders/planner.js";

export const REMIND_FLOW_ID = "remind";

type Field = MilestoneId | "days_in_kz";
const FIELDS: readonly Field[] = [...MILESTONE_IDS, "days_in_kz"];
/** A milestone's label; the day count names the tax-residency window it is counted over. */
const label = (ctx: FlowContext, f: Field) => ctx.t(`remind:milestone.${f}`, f === "days_in_kz" ? { taxWindow: taxWindowText(ctx.t, ctx.locale) } : {});

const CB = { set: (f: Field) => `rm:set:${f}`, done: "rm:done", today: "rm:today", clear: "rm:clear", back: "rm:back" } as const;

function menu(ctx: FlowContext, m: Milestones): { text: string; keyboard: InlineKeyboard } {
  const kb = new InlineKeyboard();
  for (const f of FIELDS) {
    const value = m[f];
    const shown = value === undefined ? "" : `: ${typeof value === "number" ? value : formatDay(value, ctx.locale)}`;
    kb.text(`${label(ctx, f)}${shown}`, CB.set(f)).row();
  }
  kb.text(ctx.t("remind:btn.done"), CB.done);
  return { text: ctx.t("remind:intro"), keyboard: kb };
}

/**
 * `/remind`: a menu of the milestones with their current dates; pressing one asks for its date
 * (typed in any common format, or Today / Clear), and Done saves them. The caller then computes
 * the deadlines and plans the reminders. Nothing is stored until Done.
 */
export function createRemindFlow(services: Pick<BotServices, "clock" | "stores">) {
  return async function remind(conversation: Conversation<BotContext, FlowContext>, ctx: FlowContext): Promise<void> {
    const userId = ctx.from?.id;
    if (userId === undefined) return;
    const today = await conversation.external(() => almatyToday(services.clock.now()));
    let milestones: Milestones = await conversation.external(() => loadMilestones(services.stores, userId));
    let current = ctx;
    let view = menu(current, milestones);
    await current.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });

    for (;;) {
      current = await conversation.wait();
      const data = current.callbackQuery?.data;
      if (data) await current.answerCallbackQuery();
      if (data === CB.done) break;
      const field = data?.startsWith("rm:set:") ? (data.slice(7) as Field) : undefined;
      if (!field || !FIELDS.includes(field)) {
        if (!data) await current.reply(current.t("remind:error.menu"));
        continue;
      }
      const prompt = new InlineKeyboard();
      if (field !== "days_in_kz") prompt.text(current.t("remind:btn.today"), CB.today);
      prompt.text(current.t("remind:btn.clear"), CB.clear).text(current.t("remind:btn.back"), CB.back);
      const key = field === "days_in_kz" ? "remind:ask_days" : "remind:ask_date";
      await current.reply(current.t(key, { milestone: label(current, field), taxWindow: taxWindowText(current.t, current.locale) }), { parse_mode: "HTML", reply_markup: prompt });

      for (;;) {
        current = await conversation.wait();
        const pressed = current.callbackQuery?.data;
        if (pressed) await current.answerCallbackQuery();
        if (pressed === CB.back) break;
        if (pressed === CB.clear) {
          const { [field]: _removed, ...rest } = milestones;
          milestones = rest;
          break;
        }
        if (pressed === CB.today && field !== "days_in_kz") {
          milestones = { ...milestones, [field]: today };
          break;
        }
        const text = current.message?.text?.trim();
        if (!text) {
          // Media and edited messages get an answer, never silence (a stale button press needs none).
          if (!pressed) await current.reply(current.t(current.editedMessage ? "system:flow.edited" : "system:flow.text_only"));
          continue;
        }
        if (field === "days_in_kz") {
          const n = parseCount(text);
          if (n.ok && n.value <= 366) {
            milestones = { ...milestones, days_in_kz: n.value, days_in_kz_basis: DAYS_IN_KZ_BASIS };
            break;
          }
          await current.reply(current.t("remind:error.days"), { parse_mode: "HTML" });
          continue;
        }
        const date = parseDate(text, { today, locale: current.locale });
        if (date.ok) {
          milestones = { ...milestones, [field]: date.date };
          break;
        }
        await current.reply(current.t(date.error === "ambiguous" ? "remind:error.ambiguous_date" : "remind:error.date"), { parse_mode: "HTML" });
      }
      view = menu(current, milestones);
      await current.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
    }
    const saved = milestones;
    const planned = await conversation.external(async () => {
      await services.stores.milestones.write(String(userId), saved);
      return replanReminders(services.stores, userId, services.clock);
    });
    const timeZone = await conversation.external(async () => (await services.stores.users.get(userId)).timezone ?? DEFAULT_TIME_ZONE);
    await current.reply(renderDeadlines(computeDeadlines(saved, today), current.t, current.locale, today), {
      parse_mode: "HTML",
      reply_markup: deadlinesKeyboard(current.t),
      link_preview_options: { is_disabled: true },
    });
    if (planned > 0) await current.reply(current.t("remind:reminders_set", { count: planned, tz: timeZone }));
  };
}
