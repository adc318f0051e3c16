import type { Api } from "grammy";
import { almatyToday } from "../rules/index.js";
import type { I18n } from "../bot/i18n.js";
import { pickLocale } from "../bot/i18n.js";
import type { Clock, ReminderRow } from "../store/index.js";
import { reminderText } from "./reminderText.js";

/**
 * Builds the dispatcher's `send`: the reminder in the user's saved language (reminders run outside
 * any update, so the language comes from the store, not a session), with the action to take, what to
 * start now and how long it takes, a note when it is late, and a button to mark the deadline done.
 * The text is put together from pieces rendered once per language (src/reminders/reminderText.ts says why).
 */
export function reminderSender(api: Api, i18n: I18n, clock: Clock) {
  // Almaty's date, worked out once a minute (Almaty's offset is whole hours, so a minute is all one day).
  let minute = NaN;
  let today = "";
  return async (row: ReminderRow, opts: { late: boolean; locale?: string }): Promise<void> => {
    const locale = pickLocale(opts.locale, undefined);
    const now = clock.now();
    if (Math.floor(now / 60_000) !== minute) {
      minute = Math.floor(now / 60_000);
      today = almatyToday(now);
    }
    const { text, replyMarkup } = reminderText(i18n, locale, row.payload, today, opts.late);
    await api.sendMessage(row.userId, text, { parse_mode: "HTML", reply_markup: replyMarkup });
  };
}
