import { addCalendarDays, findFact, type Deadline } from "../../rules/index.js";
import { REMINDER_HOUR } from "../../rules/reminders/schedule.js";
import type { Locale } from "../../store/index.js";
import type { TFunction } from "../i18n.js";
import { deadlineAction, deadlineVars } from "./render.js";

/*
 * Written by hand rather than with a library: `ics` 3.12 folds lines at 75 characters, not octets (Cyrillic
 * lines come out at 130 octets), and writes a one-day alarm as `TRIGGER:-P1DT`, both invalid under RFC 5545
 * (3.1, 3.3.6); `ical-generator`'s current major needs Node 22. The format needs only what is below, and
 * test/helpers/icsStrict.ts checks the result against the RFC's rules one by one.
 */
const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** RFC 5545 3.3.11: backslash, semicolon, comma and newline escaped in TEXT values. */
export function icsText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** RFC 5545 3.1: lines of at most 75 octets, continued after CRLF and one space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  let out = "";
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, "utf8");
    if (size + n > MAX_OCTETS) {
      out += `${CRLF} `;
      size = 1;
    }
    out += ch;
    size += n;
  }
  return out;
}

const dateValue = (iso: string) => iso.replace(/-/g, "");
const stampValue = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}/, "").replace(/[-:]/g, "");

/**
 * An alarm `daysBefore` days ahead of an all-day event, at the hour reminders go out (10:00): `PT10H` on the
 * day, `-PT14H` the day before, `-P6DT14H` a week before (RFC 5545 3.3.6 durations, relative to the start).
 */
export function alarmTrigger(daysBefore: number): string {
  if (daysBefore <= 0) return `PT${REMINDER_HOUR}H`;
  const hoursBack = 24 - REMINDER_HOUR;
  return daysBefore === 1 ? `-PT${hoursBack}H` : `-P${daysBefore - 1}DT${hoursBack}H`;
}

export interface IcsOptions {
  t: TFunction;
  locale: Locale;
  nowMs: number;
  /** A UID per person and deadline that says nothing about either (ReminderStore.eventUid). */
  uid(deadlineId: string): string;
  /** The days before a legal deadline its alarms go off (the person's lead times). */
  leadDays(d: Deadline): number[];
}

const plain = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * The deadlines as an iCalendar file: one all-day event each (an estimate's window spans its days), the
 * action and its caveats (a computed working-day calendar, a "reported" fact) as the description, and for
 * legal deadlines an alarm on each day of the person's lead times. Stable UIDs let a calendar app update
 * the events when the file is imported again.
 */
export function deadlinesToIcs(deadlines: Deadline[], o: IcsOptions): string {
  const { t } = o;
  const vars = deadlineVars(t, o.locale, new Date(o.nowMs).getUTCFullYear());
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//nomad-kz//deadlines//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const d of deadlines) {
    const title = plain(t(`remind:deadline.${d.id}.title`));
    const notes = [plain(deadlineAction(t, d.id, d, vars))];
    if (d.computedCalendar) notes.push(plain(t("remind:computed_calendar")));
    if (d.facts.some((id) => findFact(id)?.confidence === "reported")) notes.push(plain(t("facts:sources.reported")));
    lines.push(
      "BEGIN:VEVENT",
      `UID:${o.uid(d.id)}`,
      `DTSTAMP:${stampValue(o.nowMs)}`,
      `DTSTART;VALUE=DATE:${dateValue(d.from ?? d.date)}`,
      `DTEND;VALUE=DATE:${dateValue(addCalendarDays(d.date, 1))}`,
      `SUMMARY:${icsText(title)}`,
      `DESCRIPTION:${icsText(notes.join("\n\n"))}`,
      "TRANSP:TRANSPARENT",
    );
    if (d.kind === "deadline") {
      for (const days of o.leadDays(d)) lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${icsText(title)}`, `TRIGGER:${alarmTrigger(days)}`, "END:VALARM");
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
