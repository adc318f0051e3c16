import { createEvents, type EventAttributes } from "ics";
import { addCalendarDays, type Deadline } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import type { TFunction } from "../i18n.js";
import { deadlineAction, deadlineVars } from "./render.js";

const ymd = (iso: string): [number, number, number] => iso.split("-").map(Number) as [number, number, number];


/**
 * The deadlines as an iCalendar file: one all-day event each (an estimate's window spans its
 * days), with the action as the description and an alarm the day before for legal deadlines.
 * Stable UIDs let a calendar app update events when the file is imported again.
 */
export function deadlinesToIcs(deadlines: Deadline[], t: TFunction, locale: Locale, userId: number, nowMs: number): string {
  const vars = deadlineVars(t, locale, new Date(nowMs).getUTCFullYear());
  const plain = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const events: EventAttributes[] = deadlines.map((d) => ({
    uid: `${d.id}-${userId}@nomad-kz`,
    productId: "nomad-kz",
    title: plain(t(`remind:deadline.${d.id}.title`)),
    description: plain(deadlineAction(t, d.id, d, vars)),
    start: ymd(d.from ?? d.date),
    end: ymd(addCalendarDays(d.date, 1)),
    timestamp: nowMs,
    ...(d.kind === "deadline" ? { alarms: [{ action: "display", description: plain(t(`remind:deadline.${d.id}.title`)), trigger: { days: 1, before: true } }] } : {}),
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("Could not build the calendar file");
  return value;
}
