import { InlineKeyboard, type Api } from "grammy";
import { almatyToday, daysBetween } from "../rules/index.js";
import type { I18n } from "../bot/i18n.js";
import { pickLocale } from "../bot/i18n.js";
import { DEADLINE_CB } from "../bot/deadlines/keyboard.js";
import { deadlineAction, deadlineVars, formatDay } from "../bot/deadlines/render.js";
import type { Clock, ReminderRow } from "../store/index.js";

/**
 * Builds the dispatcher's `send`: the reminder in the user's saved language (reminders run outside
 * any update, so the language comes from the store, not a session), with the action to take, a
 * note when it is late, and a button to mark the deadline done.
 */
export function reminderSender(api: Api, i18n: I18n, clock: Clock) {
  return async (row: ReminderRow, opts: { late: boolean; locale?: string }): Promise<void> => {
    const locale = pickLocale(opts.locale, undefined);
    const t = i18n.getFixedT(locale);
    const today = almatyToday(clock.now());
    const { deadlineId, date } = row.payload;
    const left = daysBetween(today, date);
    const text = t("remind:reminder.message", {
      title: t(`remind:deadline.${deadlineId}.title`),
      date: formatDay(date, locale),
      left: left === 0 ? t("remind:when.today") : t("remind:when.left", { count: left }),
      action: deadlineAction(t, deadlineId, row.payload, deadlineVars(t, locale, Number(today.slice(0, 4)))),
      interpolation: { escapeValue: false },
    });
    await api.sendMessage(row.userId, opts.late ? `${text}\n\n${t("remind:reminder.late")}` : text, {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(t("remind:reminder.done_button"), DEADLINE_CB.done(deadlineId)),
    });
  };
}
