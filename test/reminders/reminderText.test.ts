import { describe, expect, it, vi } from "vitest";
import { createI18n, loadResources, type TFunction } from "../../src/bot/i18n.js";
import { deadlineAction, deadlineVars, formatDay } from "../../src/bot/deadlines/render.js";
import { reminderText } from "../../src/reminders/reminderText.js";
import { daysBetween } from "../../src/rules/index.js";
import { SUPPORTED_LOCALES, type Locale, type ReminderPayload } from "../../src/store/index.js";

/** The reminder as it was rendered before the cached pieces: every text through i18next, each time. */
function reference(t: TFunction, locale: Locale, payload: ReminderPayload, today: string, late: boolean): string {
  const vars = deadlineVars(t, locale, Number(today.slice(0, 4)));
  const left = daysBetween(today, payload.date);
  const text = t("remind:reminder.message", {
    title: t(`remind:deadline.${payload.deadlineId}.title`),
    date: formatDay(payload.date, locale),
    left: left === 0 ? t("remind:when.today") : t("remind:when.left", { count: left }),
    action: deadlineAction(t, payload.deadlineId, payload, vars),
    interpolation: { escapeValue: false },
  });
  const base = `remind:lead.${payload.deadlineId}`;
  const params = { ...vars, ...(payload.startBy ? { startBy: formatDay(payload.startBy, locale) } : {}) };
  const lead = (key: string) => String(t(key, { ...params, defaultValue: "" }));
  const leadLine = payload.started
    ? lead(`${base}.started`) || lead(`${base}.start`)
    : payload.startBy !== undefined && payload.startBy < today
      ? lead(`${base}.late`) || lead(`${base}.start`)
      : lead(`${base}.start`);
  return [text, ...(leadLine ? [leadLine] : []), ...(late ? [t("remind:reminder.late")] : [])].join("\n\n");
}

const deadlines = Object.keys((loadResources().en!.remind as { deadline: Record<string, unknown> }).deadline);
const limits = Object.keys((loadResources().en!.remind as { latest_possible: Record<string, unknown> }).latest_possible);
const TODAY = "2026-11-21";

/** Each deadline with every flag a payload carries: dates today, soon and in another year, start dates past and ahead. */
function payloads(deadlineId: string): ReminderPayload[] {
  const out: ReminderPayload[] = [];
  for (const date of ["2026-11-21", "2026-11-22", "2026-12-20", "2027-03-01"]) {
    out.push({ deadlineId, date });
    out.push({ deadlineId, date, started: true, startBy: "2026-11-10" });
    out.push({ deadlineId, date, startBy: "2026-11-10" });
    out.push({ deadlineId, date, startBy: "2026-12-01" });
    for (const limitedBy of limits) out.push({ deadlineId, date, latestPossible: true, limitedBy });
  }
  return out;
}

describe("reminder texts from cached pieces", () => {
  it.each(SUPPORTED_LOCALES)("%s: every deadline and flag reads exactly as rendered through i18next each time", (locale) => {
    const i18n = createI18n();
    const t = i18n.getFixedT(locale);
    let compared = 0;
    for (const id of deadlines) {
      for (const p of payloads(id)) {
        for (const late of [false, true]) {
          // Twice: the first render fills the cache, the second reads it.
          for (let i = 0; i < 2; i++) expect(reminderText(i18n, locale, p, TODAY, late).text).toBe(reference(t, locale, p, TODAY, late));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it("the Done button names the deadline in the person's language", () => {
    const i18n = createI18n();
    const { replyMarkup } = reminderText(i18n, "de", { deadlineId: "registration", date: "2026-12-20" }, TODAY, false);
    expect(replyMarkup).toEqual({ inline_keyboard: [[{ text: i18n.getFixedT("de")("remind:reminder.done_button"), callback_data: expect.stringContaining("registration") }]] });
  });

  it("another person's reminder of the same deadline renders no fact text again (only its own days left)", () => {
    const i18n = createI18n();
    reminderText(i18n, "ru", { deadlineId: "residence_before_visa_end", date: "2026-12-20", startBy: "2026-12-01" }, TODAY, true);
    // i18next's translator is what every uncached `t` reaches (not in its typings).
    const translator = (i18n as unknown as { translator: { translate(key: string, options?: unknown): unknown } }).translator;
    const translate = vi.spyOn(translator, "translate");
    const next = reminderText(i18n, "ru", { deadlineId: "residence_before_visa_end", date: "2027-01-15", startBy: "2026-12-24" }, TODAY, true);
    // The days left are a new count (one plural lookup); the action, lead and message texts come from the cache.
    expect(translate.mock.calls.map((c) => c[0])).toEqual(["remind:when.left"]);
    expect(next.text).toContain(formatDay("2026-12-24", "ru"));
  });

  it("a changed resource is rendered anew", () => {
    const i18n = createI18n();
    const p: ReminderPayload = { deadlineId: "registration", date: "2026-12-20" };
    reminderText(i18n, "en", p, TODAY, false);
    i18n.addResource("en", "remind", "deadline.registration.action", "Changed action text.");
    expect(reminderText(i18n, "en", p, TODAY, false).text).toContain("Changed action text.");
  });
});
