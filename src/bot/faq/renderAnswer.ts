import { findFact, findTopic, type FaqTopic } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import { escapeHtml, type I18n, type TFunction } from "../i18n.js";
import { Citations } from "../render/facts.js";
import { factVars } from "../render/factVars.js";

/** Longest answer body we aim for; the source line comes on top of it. */
export const ANSWER_MAX_CHARS = 700;

/** Labels for ids inside fact lists (documents, steps, conditions): the FAQ's own, else the check's. */
export function itemLabeller(t: TFunction): (id: string) => string {
  return (id) => t([`faq:item.${id}`, `check:step.${id}`, `check:opt.${id}`], { defaultValue: id });
}

/** The facts a template interpolates (`{{f.<id>…}}`): the longest path prefix that names a fact. */
export function factsInTemplate(template: string): string[] {
  const ids = new Set<string>();
  for (const m of template.matchAll(/\{\{-?\s*f\.([\w.]+)\s*\}\}/g)) {
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
  /** The answer (title, text, where to confirm reported facts), without the source line. */
  body: string;
  html: string;
}

/**
 * A topic's answer in the user's language: the text with every number taken from the facts, where
 * to confirm any reported fact, and a compact line citing each fact's source and "as of" date.
 */
/** `today` (YYYY-MM-DD, Asia/Almaty) picks the year of MRP amounts and dates the status notes and review warnings. */
export function renderAnswer(topicId: string, i18n: I18n, locale: Locale, today: string): RenderedAnswer {
  const year = Number(today.slice(0, 4));
  const topic = findTopic(topicId);
  if (!topic) throw new Error(`Unknown FAQ topic "${topicId}"`);
  const t = i18n.getFixedT(locale);
  const key = `topic.${topicId}.answer`;
  const template = String(i18n.getResource(locale, "faq", key) ?? i18n.getResource("en", "faq", key) ?? "");
  const text = t(`faq:${key}`, factVars(t, locale, year, itemLabeller(t)));
  const used = [...new Set([...factsInTemplate(template), ...topic.facts])];
  const cites = new Citations(locale, today);
  cites.cite(...used);
  const places = [...new Set(used.map((id) => findFact(id)).filter((f) => f?.confidence === "reported" && f.confirmAt).map((f) => f!.confirmAt!))];
  const confirm = places.length ? `\n\n${t("faq:ui.confirm_at", { places: places.join(" · ") })}` : "";
  const title = t(`faq:topic.${topicId}.title`);
  const body = `<b>${escapeHtml(title)}</b>\n${text}${confirm}`;
  return { topic, title, body, html: `${body}\n\n${cites.compactFooter(t)}` };
}
