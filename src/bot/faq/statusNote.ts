import { pilotStatus, type PilotStatus } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import { escapeHtml, type TFunction } from "../i18n.js";
import { formatDay } from "../render/dates.js";

/** The facts the pilot note states: they are cited under every answer that carries it. */
export const PILOT_NOTE_FACTS = ["b9_1.pilot_period", "b9_1.pilot_extension"] as const;

/**
 * One line on where the Digital Nomad Residency pilot stands: running (inside its published period),
 * extended (an extension is confirmed in the data) or unconfirmed (the period is over and no extension
 * was found: confirm with Astana Hub and eGov before applying). Pure: the status is passed in.
 */
export function pilotNote(status: PilotStatus, t: TFunction, locale: Locale): string {
  return t(`faq:note.pilot_${status.state}`, { end: escapeHtml(formatDay(status.end, locale, "long")), year: Number(status.end.slice(0, 4)), interpolation: { escapeValue: false } });
}

/** The pilot note for `today` (YYYY-MM-DD). */
export function pilotNoteOn(today: string, t: TFunction, locale: Locale): string {
  return pilotNote(pilotStatus(today), t, locale);
}
