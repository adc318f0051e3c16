import { InlineKeyboard, type Api } from "grammy";
import { almatyToday, daysBetween } from "../rules/index.js";
import type { I18n, TFunction } from "../bot/i18n.js";
import { pickLocale } from "../bot/i18n.js";
import { DEADLINE_CB } from "../bot/deadlines/keyboard.js";
import { deadlineAction, deadlineVars, formatDay } from "../bot/deadlines/render.js";
import type { Locale } from "../store/index.js";
import type { Clock, ReminderPayload, ReminderRow } from "../store/index.js";

/**
 * What to start now for the deadline and how long it takes (remind:lead.<id>.*): for a procedure whose length
 * the facts give, the day to start it by, or that the usual time no longer fits; once started, what is left.
 */
export function leadText(t: TFunction, payload: ReminderPayload, today: string, locale: Locale, vars: ReturnType<typeof deadlineVars>): string {
  const base = `remind:lead.${payload.deadlineId}`;
  const params = { ...vars, ...(payload.startBy ? { startBy: formatDay(payload.startBy, locale) } : {}) };
  const text = (key: string) => String(t(key, { ...params, defaultValue: "" }));
  if (payload.started) return text(`${base}.started`) || text(`${base}.start`);
  if (payload.startBy !== undefined && payload.startBy < today) return text(`${base}.late`) || text(`${base}.start`);
  return text(`${base}.start`);
}

/**
 * Builds the dispatcher's `send`: the reminder in the user's saved language (reminders run outside
 * any update, so the language comes from the store, not a session), with the action to take, what to
 * start now and how long it takes, a note when it is late, and a button to mark the deadline done.
 */
export function reminderSender(api: Api, i18n: I18n, clock: Clock) {
  // What every reminder of a language (and year) shares, made once: the facts and texts are those of the
  // running release, and the texts only read the variables (a copy per reminder was a fifth of its CPU time).
  const shared = new Map<string, ReturnType<typeof deadlineVars>>();
  return async (row: ReminderRow, opts: { late: boolean; locale?: string }): Promise<void> => {
    const locale = pickLocale(opts.locale, undefined);
    const t = i18n.getFixedT(locale);
    const today = almatyToday(clock.now());
    const { deadlineId, date } = row.payload;
    const left = daysBetween(today, date);
    const year = Number(today.slice(0, 4));
    let vars = shared.get(`${locale}:${year}`);
    if (!vars) shared.set(`${locale}:${year}`, (vars = deadlineVars(t, locale, year)));
    const text = t("remind:reminder.message", {
      title: t(`remind:deadline.${deadlineId}.title`),
      date: formatDay(date, locale),
      left: left === 0 ? t("remind:when.today") : t("remind:when.left", { count: left }),
      action: deadlineAction(t, deadlineId, row.payload, vars),
      interpolation: { escapeValue: false },
    });
    const lead = leadText(t, row.payload, today, locale, vars);
    const parts = [text, ...(lead ? [lead] : []), ...(opts.late ? [t("remind:reminder.late")] : [])];
    await api.sendMessage(row.userId, parts.join("\n\n"), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(t("remind:reminder.done_button"), DEADLINE_CB.done(deadlineId)),
    });
  };
}
