import { InlineKeyboard } from "grammy";
import { countryName, FAQ_TOPICS, isIsoAlpha2, type Fact, type FactValue, type Unit } from "../../rules/index.js";
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

/** The kind of rule a fact id names, for facts no FAQ topic states (alerts:kind.*). */
const KINDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\.fee(\.|$)/, "fee"],
  [/\.time(\.|$)/, "time"],
  [/\.steps(\.|$)/, "steps"],
  [/\.documents(\.|$)/, "documents"],
  [/^portal\./, "portal"],
  [/^countries\./, "countries"],
  [/^mrp\./, "mrp"],
];

/**
 * What a fact is about, in the person's language: the title of the FAQ topic that states it, else its program
 * and kind ("B9-1 · steps"), so no bare id is shown.
 */
function factName(i18n: I18n, t: TFunction, factId: string): string {
  const topic = topicOf(i18n, factId);
  if (topic) return escapeHtml(t(`faq:topic.${topic}.title`));
  const kind = t(`alerts:kind.${KINDS.find(([re]) => re.test(factId))?.[1] ?? "rule"}`);
  const program = factId.startsWith("b9_1.") ? "B9-1" : factId.startsWith("b12_1.") ? "B12-1" : undefined;
  return escapeHtml(program ? `${program} · ${kind}` : kind);
}

/** An id's label (FAQ items, the check's steps and options), a country's name, or undefined when it has none. */
function labelOf(t: TFunction, locale: Locale, id: string): string | undefined {
  if (isIsoAlpha2(id)) return countryName(id, locale);
  if (/^https:\/\//.test(id)) return id;
  const label = itemLabeller(t)(id);
  return label === id && /_/.test(id) ? undefined : label.replace(/\.$/, "");
}

/**
 * A fact value as the bot writes it elsewhere: amounts and ranges with their unit, yes or no, ids as their
 * labels; undefined when the value is an id the bot has no words for (then the line says only that it changed).
 */
export function formatValue(value: FactValue, unit: Unit | undefined, t: TFunction, locale: Locale): string | undefined {
  if (typeof value === "boolean") return t(value ? "alerts:value.yes" : "alerts:value.no");
  if (typeof value === "number") return formatFactValue({ value, unit } as Fact, t, locale);
  if (typeof value === "string") {
    const label = labelOf(t, locale, value);
    return label === undefined ? undefined : escapeHtml(label);
  }
  if (Array.isArray(value)) return listText(t, locale, value as readonly string[]);
  const record = value as Readonly<Record<string, unknown>>;
  if (["min", "max", "average"].some((k) => typeof record[k] === "number")) return formatFactValue({ value, unit } as Fact, t, locale);
  return undefined;
}

/** Items as their labels ("; " apart, at most MAX_ITEMS); undefined when one has no label. */
function listText(t: TFunction, locale: Locale, items: readonly string[]): string | undefined {
  const labels = items.slice(0, MAX_ITEMS).map((id) => labelOf(t, locale, id));
  if (labels.some((l) => l === undefined)) return undefined;
  return escapeHtml(labels.join("; ")) + (items.length > MAX_ITEMS ? "; …" : "");
}

/** One changed fact's line: was/now, what a list gained and lost, or that it changed. */
function changeLine(i18n: I18n, t: TFunction, locale: Locale, change: FactChange, cites: Citations): string {
  const raw = { interpolation: { escapeValue: false } } as const;
  const what = factName(i18n, t, change.id);
  if (!change.now) return t("alerts:changed.removed", { what, ...raw });
  const cite = cites.cite(change.now);
  const before = change.before.value;
  const after = change.now.value;
  if (Array.isArray(before) && Array.isArray(after)) {
    const added = (after as readonly string[]).filter((x) => !(before as readonly string[]).includes(x));
    const gone = (before as readonly string[]).filter((x) => !(after as readonly string[]).includes(x));
    const parts = [
      ...(added.length ? [t("alerts:changed.added", { items: listText(t, locale, added), ...raw })] : []),
      ...(gone.length ? [t("alerts:changed.dropped", { items: listText(t, locale, gone), ...raw })] : []),
    ];
    if (parts.length > 0 && !parts.some((p) => p.includes("undefined"))) return t("alerts:changed.list", { what, changes: parts.join("; "), cite, ...raw });
    if (parts.length === 0) return t("alerts:changed.reordered", { what, cite, ...raw });
  }
  const was = formatValue(before, change.before.unit, t, locale);
  const now = formatValue(after, change.now.unit, t, locale);
  if (was === undefined || now === undefined) return t("alerts:changed.changed", { what, cite, ...raw });
  return t("alerts:changed.line", { what, before: was, after: now, cite, ...raw });
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
  const keyboard = new InlineKeyboard().text(t("alerts:button.rerun"), ACTION.check).row().text(t("alerts:button.stop"), ALERTS_CB.off);
  const date = record.watched ? formatDay(record.watched.outcome_checked_at, locale, "long") : "";
  for (let shown = Math.min(changes.length, MAX_LINES); ; shown--) {
    const cites = new Citations(locale, today);
    const lines = changes.slice(0, shown).map((c) => changeLine(i18n, t, locale, c, cites));
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
