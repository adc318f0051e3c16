import { InlineKeyboard } from "grammy";
import { findFact, getFact, type Fact, type FactValue, type Unit } from "../../rules/index.js";
import {
  checklistFacts,
  checklistItems,
  CORE_ASPECTS,
  documentDetails,
  progress,
  tickedOf,
  type DocDetail,
  type DocRoute,
  type DocumentTicks,
} from "../../rules/documents/index.js";
import type { Locale } from "../../store/index.js";
import type { TFunction } from "../i18n.js";
import { Citations, formatFactValue, formatMrpFee, formatNumber } from "../render/facts.js";
import { comparedAmount } from "../render/comparison.js";
import { routeCode } from "../render/routeChoice.js";

/** Callback data of /documents: tick an item, open it, back to the list, pick a route. All under 64 bytes. */
export const DOC_CB = {
  tick: (route: DocRoute, item: string) => `doc:t:${routeCode(route)}:${item}`,
  /** Ticks from the opened document, which stays open. */
  tickOpen: (route: DocRoute, item: string) => `doc:u:${routeCode(route)}:${item}`,
  info: (route: DocRoute, item: string) => `doc:i:${routeCode(route)}:${item}`,
  list: (route: DocRoute) => `doc:l:${routeCode(route)}`,
  route: (route: DocRoute) => `doc:r:${routeCode(route)}`,
  routes: "doc:routes",
} as const;

interface View {
  t: TFunction;
  locale: Locale;
  /** YYYY-MM-DD in Kazakhstan: decides the MRP year and which facts are past review. */
  today: string;
}

/** A document's name, as the FAQ and /check write it. */
export function itemLabel(t: TFunction, item: string): string {
  return t([`faq:item.${item}`, `check:step.${item}`], { defaultValue: item });
}

/** The checklist of a route: progress in words, each document ticked or not, its sources. */
export function renderChecklist(view: View, route: DocRoute, ticks: DocumentTicks): string {
  const { t, locale, today } = view;
  const cites = new Citations(locale, today);
  const { done, total } = progress(ticks, route);
  const ticked = new Set(tickedOf(ticks, route));
  const lines = [
    `<b>${t("documents:title", { route: t(`documents:route.${route}`) })}</b>${cites.cite(...checklistFacts(route))}`,
    t("documents:progress", { done: formatNumber(done, locale), total: formatNumber(total, locale) }),
    "",
    ...checklistItems(route).map((item) => `${ticked.has(item) ? "✅" : "⬜"} ${itemLabel(t, item)}`),
    "",
    done === total ? t("documents:all_done") : t("documents:hint"),
    "",
    cites.compactFooter(t),
  ];
  return lines.join("\n");
}

/** Telegram shows at most 64 characters on a button: a longer name is cut at a word, with "…". */
function buttonLabel(label: string, max = 60): string {
  const chars = [...label];
  if (chars.length <= max) return label;
  const cut = chars.slice(0, max - 1).join("");
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).replace(/[\s,;:(]+$/, "")}…`;
}

/** Per document a tick button and an ℹ️ button; then the other routes. */
export function checklistKeyboard(t: TFunction, route: DocRoute, ticks: DocumentTicks): InlineKeyboard {
  const ticked = new Set(tickedOf(ticks, route));
  const kb = new InlineKeyboard();
  for (const item of checklistItems(route)) {
    kb.text(`${ticked.has(item) ? "✅" : "⬜"} ${buttonLabel(itemLabel(t, item))}`, DOC_CB.tick(route, item)).text("ℹ️", DOC_CB.info(route, item)).row();
  }
  return kb.text(t("documents:btn.other_route"), DOC_CB.routes);
}

/** "more than 180 calendar days", "at least 3 months", "3.5 × 4.5 cm": a fact's number as the bot states it. */
function amountText(value: FactValue, unit: Unit | undefined, base: Fact, view: View): string {
  const { t, locale } = view;
  const as = (v: FactValue) => formatFactValue({ ...base, value: v, ...(unit ? { unit } : {}) }, t, locale);
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const r = value as Record<string, unknown>;
    if (typeof r.amount === "number" && typeof r.comparison === "string") return comparedAmount({ unit }, r.amount, r.comparison, t, locale);
    if (typeof r.width === "number" && typeof r.height === "number") {
      return t("documents:size", { width: formatNumber(r.width, locale), height: formatNumber(r.height, locale), unit: t(`facts:units.${unit ?? "cm"}`, { count: 2, value: "" }).trim() });
    }
  }
  // A value the source wrote as text (S000's "3.5-4.5 mm") is said as written.
  if (typeof value === "string" && unit) return `${value} ${t(`facts:units.${unit}`, { count: 2, value: "" }).trim()}`;
  return as(value);
}

/** An id (or ids) from a fact's value in words. */
function idText(value: FactValue, t: TFunction): string {
  const one = (id: string) => t([`documents:value.${id}`, `faq:item.${id}`], { defaultValue: id });
  if (Array.isArray(value)) return value.map(one).join(", ");
  return one(String(value));
}

/** What one fact says about the document, in words (in the detail's phrase when it has one), then what other sources say. */
function detailText(detail: DocDetail, view: View): string {
  const { main, alts, slips } = valueText(detail, view);
  const said = detail.phrase ? view.t(`documents:phrase.${detail.phrase}`, { value: main, interpolation: { escapeValue: false } }) : main;
  const other = alts.length ? ` ${view.t("documents:alternative", { value: [...new Set(alts)].join("; "), interpolation: { escapeValue: false } })}` : "";
  const misprint = slips.length ? ` ${view.t("documents:slip", { value: [...new Set(slips)].join("; "), interpolation: { escapeValue: false } })}` : "";
  return `${said}${other}${misprint}`;
}

/** A fact's alternatives in words: other values sources give, and misprints (`slip`), named apart. */
function alternativesText(fact: Fact, text: (alt: NonNullable<Fact["alternatives"]>[number]) => string): { alts: string[]; slips: string[] } {
  const all = fact.alternatives ?? [];
  return { alts: all.filter((a) => !a.slip).map(text), slips: all.filter((a) => a.slip).map(text) };
}

function valueText(detail: DocDetail, view: View): { main: string; alts: string[]; slips: string[] } {
  const fact = getFact(detail.fact);
  const { read } = detail;
  const year = Number(view.today.slice(0, 4));
  if (read === "amount") {
    const main = fact.unit === "MRP" ? formatMrpFee(fact, year, view.t, view.locale) : amountText(fact.value, fact.unit, fact, view);
    return { main, ...alternativesText(fact, (alt) => amountText(alt.value, alt.unit, fact, view)) };
  }
  if (read === "value") return { main: idText(fact.value, view.t), ...alternativesText(fact, (alt) => idText(alt.value, view.t)) };
  if ("field" in read) return { main: idText((fact.value as Record<string, FactValue>)[read.field] ?? "", view.t), alts: [], slips: [] };
  return { main: view.t(`documents:say.${read.say}`), alts: [], slips: [] };
}

/** One document opened: what the facts say it needs, aspect by aspect; "the sources do not say" for the rest. */
export function renderItem(view: View, route: DocRoute, item: string, ticks: DocumentTicks): string {
  const { t, locale, today } = view;
  const cites = new Citations(locale, today);
  const details = documentDetails(route, item);
  const ticked = tickedOf(ticks, route).includes(item);
  const lines = [`<b>${itemLabel(t, item)}</b>${cites.cite(...checklistFacts(route))}`, ticked ? t("documents:item_ticked") : t("documents:item_open"), ""];
  for (const detail of details) {
    const mark = findFact(detail.fact)?.confidence === "reported" ? "⚠️ " : "• ";
    lines.push(`${mark}${t(`documents:aspect.${detail.aspect}`)}: ${detailText(detail, view)}${cites.cite(detail.fact)}`);
  }
  const unsaid = CORE_ASPECTS.filter((a) => !details.some((d) => d.aspect === a));
  if (unsaid.length > 0) {
    lines.push(`• ${t("documents:not_said", { aspects: unsaid.map((a) => t(`documents:aspect_lower.${a}`)).join(", ") })}`);
  }
  lines.push("", cites.footer(t));
  return lines.join("\n");
}

/** Under an opened document: tick or untick it, back to the list. */
export function itemKeyboard(t: TFunction, route: DocRoute, item: string, ticks: DocumentTicks): InlineKeyboard {
  const ticked = tickedOf(ticks, route).includes(item);
  return new InlineKeyboard()
    .text(t(ticked ? "documents:btn.untick" : "documents:btn.tick"), DOC_CB.tickOpen(route, item))
    .row()
    .text(t("documents:btn.back"), DOC_CB.list(route));
}
