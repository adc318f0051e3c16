import { InlineKeyboard } from "grammy";
import { FAQ_TOPICS, type Fact, type FactValue, type Unit } from "../../rules/index.js";
import type { AlertsRecord, FactChange } from "../../rules/alerts/index.js";
import type { Locale } from "../../store/index.js";
import { factsInTemplate, itemLabeller } from "../faq/renderAnswer.js";
import { escapeHtml, type I18n, type TFunction } from "../i18n.js";
import { ACTION } from "../keyboards.js";
import { formatDay } from "../render/dates.js";
import { Citations, formatFactValue } from "../render/facts.js";
import { ALERTS_CB } from "./consent.js";

/** Telegram's limit for a message's visible text. */
const MESSAGE_MAX = 4096;
/** Changes listed one per line; more are counted ("…and 3 more changes"). */
const MAX_LINES = 12;
/** Items of a list value shown before "…". */
const MAX_ITEMS = 8;

/**
 * Fact id → the FAQ topic whose title names it best: of the topics that state the fact, the one stating the
 * fewest facts (the fee's own topic, not the comparison that also quotes it). Built on first use.
 */
let topicOfFact: Map<string, string> | undefined;
function topicOf(i18n: I18n, factId: string): string | undefined {
  if (!topicOfFact) {
    const best = new Map<string, { topic: string; size: number }>();
    for (const topic of FAQ_TOPICS) {
      const template = String(i18n.getResource("en", "faq", `topic.${topic.id}.answer`) ?? "");
      const ids = new Set([...topic.facts, ...factsInTemplate(template)]);
      for (const id of ids) if ((best.get(id)?.size ?? Infinity) > ids.size) best.set(id, { topic: topic.id, size: ids.size });
    }
    topicOfFact = new Map([...best].map(([id, { topic }]) => [id, topic]));
  }
  return topicOfFact.get(factId);
}

/** What a fact is about, in the person's language: the title of the FAQ topic that states it, else its id. */
function factName(i18n: I18n, t: TFunction, factId: string): string {
  const topic = topicOf(i18n, factId);
  return topic ? escapeHtml(t(`faq:topic.${topic}.title`)) : `<code>${escapeHtml(factId)}</code>`;
}

/** A fact value as the bot writes it elsewhere: amounts and ranges with their unit, ids as their labels. */
export function formatValue(value: FactValue, unit: Unit | undefined, t: TFunction, locale: Locale): string {
  if (typeof value === "boolean") return t(value ? "alerts:value.yes" : "alerts:value.no");
  const label = itemLabeller(t);
  if (typeof value === "number") return formatFactValue({ value, unit } as Fact, t, locale);
  if (typeof value === "string") return escapeHtml(label(value));
  if (Array.isArray(value)) {
    const items = (value as readonly string[]).slice(0, MAX_ITEMS).map((v) => escapeHtml(label(v)));
    return items.join(", ") + (value.length > MAX_ITEMS ? ", …" : "");
  }
  const record = value as Readonly<Record<string, unknown>>;
  if (["min", "max", "average"].some((k) => typeof record[k] === "number")) return formatFactValue({ value, unit } as Fact, t, locale);
  return Object.entries(record)
    .map(([k, v]) => `${escapeHtml(label(k))}: ${escapeHtml(typeof v === "string" ? label(v) : String(v))}`)
    .join("; ");
}

/** The visible length of Telegram HTML (tags dropped, each escape one character). */
function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/&(lt|gt|amp|quot);/g, "x").length;
}

/**
 * The alert: what changed in the facts the person's last outcome relied on, each as "was … now …" in their
 * language with its source and date, what to do (run /check again: the answers were not kept), and buttons
 * to run it or to stop these alerts. Within Telegram's 4,096 characters however many facts changed.
 */
export function renderRuleAlert(
  i18n: I18n,
  locale: Locale,
  record: AlertsRecord,
  changes: readonly FactChange[],
  today: string,
): { text: string; keyboard: InlineKeyboard } {
  const t = i18n.getFixedT(locale);
  const raw = { interpolation: { escapeValue: false } } as const;
  const keyboard = new InlineKeyboard().text(t("alerts:button.rerun"), ACTION.check).row().text(t("alerts:button.stop"), ALERTS_CB.off);
  const date = record.watched ? formatDay(record.watched.outcome_checked_at, locale, "long") : "";
  for (let shown = Math.min(changes.length, MAX_LINES); ; shown--) {
    const cites = new Citations(locale, today);
    const lines = changes.slice(0, shown).map((c) => {
      const what = factName(i18n, t, c.id);
      const before = formatValue(c.before.value, c.before.unit, t, locale);
      if (!c.now) return t("alerts:changed.removed", { what, before, ...raw });
      const after = formatValue(c.now.value, c.now.unit, t, locale);
      return t("alerts:changed.line", { what, before, after, cite: cites.cite(c.now), ...raw });
    });
    const more = changes.length - shown;
    const parts = [
      t("alerts:changed.title"),
      t("alerts:changed.intro", { date }),
      [...lines, ...(more > 0 ? [t("alerts:changed.more", { count: more })] : [])].join("\n"),
      t("alerts:changed.rerun"),
      ...(cites.isEmpty ? [] : [cites.compactFooter(t)]),
    ];
    const text = parts.join("\n\n");
    if (visibleLength(text) <= MESSAGE_MAX || shown <= 1) return { text, keyboard };
  }
}
