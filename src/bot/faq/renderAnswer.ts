import { findFact, findTopic, type FaqTopic } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import { escapeHtml, type I18n, type TFunction } from "../i18n.js";
import { Citations } from "../render/facts.js";
import { answerVars } from "./answerVars.js";
import { PILOT_NOTE_FACTS, pilotNoteOn } from "./statusNote.js";

/** Longest answer body we aim for; the status note and the source line come on top of it. */
export const ANSWER_MAX_CHARS = 700;
/** Longest status note: one line above the body, so a whole answer stays within ANSWER_MAX_CHARS + NOTE_MAX_CHARS. */
export const NOTE_MAX_CHARS = 180;

/** Labels for ids inside fact lists (documents, steps, conditions): the FAQ's own, else the check's. */
export function itemLabeller(t: TFunction): (id: string) => string {
  return (id) => t([`faq:item.${id}`, `check:step.${id}`, `check:opt.${id}`], { defaultValue: id });
}

/** The facts a template interpolates (`{{f.<id>…}}`): the longest path prefix that names a fact. */
export function factsInTemplate(template: string): string[] {
  const ids = new Set<string>();
  // A format after a comma ("{{f.kz.eaeu_notification, dative}}") is still the fact.
  for (const m of template.matchAll(/\{\{-?\s*f\.([\w.]+)\s*(?:,[^}]*)?\}\}/g)) {
    const parts = m[1]!.split(".");
    for (let n = parts.length; n > 0; n--) {
      const id = parts.slice(0, n).join(".");
      if (findFact(id)) {
        ids.add(id);
        break;
      }
    }
  }
  return [...ids];
}

export interface RenderedAnswer {
  topic: FaqTopic;
  title: string;
  /** The one-line status note that opens the message ("" for topics without one). */
  note: string;
  /** The topic's own text (title and answer), without the note, the confirm line and the sources: what the search indexes. */
  text: string;
  /** The answer (title, text, where to confirm reported facts), without the note and the source line. */
  body: string;
  /** The whole message: note, body and source line. */
  html: string;
  /** The answer gives a fee set in MRP, in tenge of the year it is shown. */
  mrpFees: boolean;
}

/**
 * A topic's answer in the user's language: a status note for answers about the DNR pilot, the text with
 * every number taken from the facts, where to confirm any reported fact, and a compact line citing each
 * fact's source and date. `today` (YYYY-MM-DD, Asia/Almaty) decides the pilot note, the year of MRP
 * amounts and which facts are past review.
 */
export function renderAnswer(topicId: string, i18n: I18n, locale: Locale, today: string): RenderedAnswer {
  const year = Number(today.slice(0, 4));
  const topic = findTopic(topicId);
  if (!topic) throw new Error(`Unknown FAQ topic "${topicId}"`);
  const t = i18n.getFixedT(locale);
  const key = `topic.${topicId}.answer`;
  const template = String(i18n.getResource(locale, "faq", key) ?? i18n.getResource("en", "faq", key) ?? "");
  // A date that ends a sentence brings its own full stop ("6 января 2025 г."): the sentence's is dropped, not doubled.
  const answer = t(`faq:${key}`, answerVars(t, locale, year, itemLabeller(t))).replace(/(\p{L}\.)\.(?!\.)/gu, "$1");
  const used = [...new Set([...factsInTemplate(template), ...topic.facts])];
  const note = topic.status === "dnr_pilot" ? pilotNoteOn(today, t, locale) : "";
  const cites = new Citations(locale, today);
  // The note names where to confirm it itself, so its facts are cited but add no confirm line.
  cites.cite(...used, ...(note ? PILOT_NOTE_FACTS.filter((id) => !used.includes(id)) : []));
  const places = [...new Set(used.map((id) => findFact(id)).filter((f) => f?.confidence === "reported" && f.confirmAt).map((f) => f!.confirmAt!))];
  const confirm = places.length ? `\n\n${t("faq:ui.confirm_at", { places: places.join(" · ") })}` : "";
  const title = t(`faq:topic.${topicId}.title`);
  const text = `<b>${escapeHtml(title)}</b>\n${answer}`;
  const body = `${text}${confirm}`;
  const mrpFees = used.some((id) => id === "kz.mrp_definition" || findFact(id)?.unit === "MRP");
  return { topic, title, note, text, body, html: `${note ? `${note}\n\n` : ""}${body}\n\n${cites.compactFooter(t)}`, mrpFees };
}
