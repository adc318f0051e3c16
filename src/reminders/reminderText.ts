import type { InlineKeyboardMarkup } from "grammy/types";
import type { I18n, TFunction } from "../bot/i18n.js";
import { escapeHtml } from "../bot/i18n.js";
import { DEADLINE_CB } from "../bot/deadlines/keyboard.js";
import { deadlineAction, deadlineVars, formatDay, type DeadlineFlags } from "../bot/deadlines/render.js";
import { deepFreeze, resourceCaches } from "../bot/render/resourceCache.js";
import { daysBetween } from "../rules/index.js";
import type { Locale, ReminderPayload } from "../store/index.js";

/**
 * A reminder's text, rendered from pieces cached per language (and year, for the facts).
 *
 * Why: a reminder's action and lead lines interpolate the whole fact tree (`deadlineVars`, hundreds of values),
 * which i18next copies and walks on every call and the translation cache cannot key (the tree is nested), so
 * rendering was most of a reminder's CPU. Those lines depend only on the language, the year, the deadline and the
 * payload's flags, so each is rendered once. What varies per reminder (the dates, the days left) is put into
 * texts rendered once with a marker in its place: the same string i18next would have built, as long as the
 * value is inserted as i18next inserts it (raw where the call said `escapeValue: false`, HTML-escaped elsewhere).
 * test/reminders/reminderText.test.ts compares every deadline, language and flag with plain i18next calls.
 */

/** Markers for the values filled in per reminder: control characters, which no text or formatted date holds. */
const TITLE = "\u0001";
const DATE = "\u0002";
const LEFT = "\u0003";
const ACTION = "\u0004";
const START_BY = "\u0005";
const MARKERS = /[\u0001-\u0005]/g;

/** Rendered pieces: a few per language and deadline, plus one fact tree per language and year. */
const MAX_ENTRIES = 2_000;
const pieces = resourceCaches<unknown>(MAX_ENTRIES);
/**
 * A date as written and the days left to it, per language and day: apart from `pieces`, whose few costly entries
 * (a fact tree each) would otherwise be emptied with it when many different dates fill it up.
 */
const dayTexts = resourceCaches<{ date: string; left: string }>(MAX_ENTRIES);

/** Which lead text a reminder gets (see leadKey). */
type LeadVariant = "started" | "late" | "start";

export interface ReminderText {
  text: string;
  /** The Done button; one object shared by the reminders of a language and deadline, so frozen (grammY only serialises it). */
  replyMarkup: InlineKeyboardMarkup;
}

/** Replaces each marker in `template` by its value, in one pass (a value is never searched for markers again). */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(MARKERS, (m) => values[m] ?? m);
}

/** The reminder's text and button in `locale`, on `today` (Almaty's date), flagged late when it is. */
export function reminderText(i18n: I18n, locale: Locale, payload: ReminderPayload, today: string, late: boolean): ReminderText {
  const cache = pieces(i18n);
  const t = i18n.getFixedT(locale);
  const year = Number(today.slice(0, 4));
  const vars = () => cache.get(`vars|${locale}|${year}`, () => deadlineVars(t, locale, year)) as ReturnType<typeof deadlineVars>;
  const { deadlineId, date } = payload;
  const flags = payload as DeadlineFlags;
  const limitedBy = flags.latestPossible && flags.limitedBy ? flags.limitedBy : "";
  const action = cache.get(`action|${locale}|${year}|${deadlineId}|${limitedBy}|${flags.reached ? 1 : 0}`, () =>
    deadlineAction(t, deadlineId, flags, vars()),
  ) as string;
  const message = cache.get(`message|${locale}`, () =>
    String(t("remind:reminder.message", { title: TITLE, date: DATE, left: LEFT, action: ACTION, interpolation: { escapeValue: false } })),
  ) as string;
  const day = dayTexts(i18n).get(`${locale}|${today}|${date}`, () => {
    const left = daysBetween(today, date);
    return { date: formatDay(date, locale), left: left === 0 ? t("remind:when.today") : t("remind:when.left", { count: left }) };
  });
  const text = fill(message, { [TITLE]: t(`remind:deadline.${deadlineId}.title`), [DATE]: day.date, [LEFT]: day.left, [ACTION]: action });
  const lead = leadText(t, cache, payload, today, locale, year, vars);
  const parts = [text, ...(lead ? [lead] : []), ...(late ? [t("remind:reminder.late")] : [])];
  const replyMarkup = cache.get(`button|${locale}|${deadlineId}`, () =>
    deepFreeze<InlineKeyboardMarkup>({ inline_keyboard: [[{ text: t("remind:reminder.done_button"), callback_data: DEADLINE_CB.done(deadlineId) }]] }),
  ) as InlineKeyboardMarkup;
  return { text: parts.join("\n\n"), replyMarkup };
}

/**
 * What to start now for the deadline and how long it takes (remind:lead.<id>.*): for a procedure whose length
 * the facts give, the day to start it by, or that the usual time no longer fits; once started, what is left.
 * A variant missing in a language falls back to `start`; a deadline with none has no lead line ("").
 */
function leadText(
  t: TFunction,
  cache: ReturnType<typeof pieces>,
  payload: ReminderPayload,
  today: string,
  locale: Locale,
  year: number,
  vars: () => ReturnType<typeof deadlineVars>,
): string {
  const variant: LeadVariant = payload.started ? "started" : payload.startBy !== undefined && payload.startBy < today ? "late" : "start";
  const hasStartBy = payload.startBy !== undefined;
  const template = cache.get(`lead|${locale}|${year}|${payload.deadlineId}|${variant}|${hasStartBy ? 1 : 0}`, () => {
    const base = `remind:lead.${payload.deadlineId}`;
    // Without a start date the text gets no startBy at all, as before (a text that names one is never chosen then).
    const params = { ...vars(), ...(hasStartBy ? { startBy: START_BY } : {}) };
    const text = (key: string) => String(t(key, { ...params, defaultValue: "" }));
    if (variant === "started") return text(`${base}.started`) || text(`${base}.start`);
    if (variant === "late") return text(`${base}.late`) || text(`${base}.start`);
    return text(`${base}.start`);
  }) as string;
  // i18next escapes interpolated values here (the call keeps escapeValue on): the date is escaped the same way.
  return hasStartBy ? fill(template, { [START_BY]: escapeHtml(formatDay(payload.startBy!, locale)) }) : template;
}
