import { findFact, kztForMrp, resolveSource, type Fact } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import { escapeHtml, type TFunction } from "../i18n.js";
import { formatDay, intlLocale } from "./dates.js";

/** How a fact's number reads in a language: "USD 80", "5–10 business days", "about 3 months". */
export function formatFactValue(fact: Fact, t: TFunction, locale: Locale): string {
  const { value, unit } = fact;
  if (typeof value === "number") return formatAmount(value, unit, t, locale);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const r = value as Record<string, unknown>;
    const num = (k: string) => (typeof r[k] === "number" ? (r[k] as number) : undefined);
    const [min, max, average] = [num("min"), num("max"), num("average")];
    const fmt = (n: number) => formatAmount(n, unit, t, locale);
    if (min !== undefined && max !== undefined) {
      return t("facts:units.range", { min: formatNumber(min, locale), max: fmt(max), interpolation: { escapeValue: false } });
    }
    if (max !== undefined) return t("facts:units.up_to", { value: fmt(max), interpolation: { escapeValue: false } });
    if (min !== undefined) return t("facts:units.at_least", { value: fmt(min), interpolation: { escapeValue: false } });
    if (average !== undefined) return t("facts:units.about", { value: fmt(average), interpolation: { escapeValue: false } });
  }
  return escapeHtml(String(value));
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

function formatAmount(n: number, unit: Fact["unit"], t: TFunction, locale: Locale): string {
  const number = formatNumber(n, locale);
  switch (unit) {
    case undefined:
      return number;
    case "USD":
    case "EUR":
    case "KZT":
      return t(`facts:units.${unit}`, { value: number });
    case "percent":
      return `${number}%`;
    default:
      return t(`facts:units.${unit}`, { count: n, value: number });
  }
}

/** "30 MRP (129,750 KZT in 2026)" when the year's MRP is confirmed; just "30 MRP" otherwise. */
export function formatMrpFee(fact: Fact, year: number, t: TFunction, locale: Locale): string {
  const base = formatFactValue(fact, t, locale);
  const kzt = typeof fact.value === "number" && fact.unit === "MRP" ? kztForMrp(fact.value, year) : undefined;
  if (kzt === undefined) return base;
  return t("facts:units.mrp_in_kzt", { mrp: base, kzt: t("facts:units.KZT", { value: formatNumber(kzt, locale) }), year, interpolation: { escapeValue: false } });
}

/**
 * Collects the sources of the facts a message states and numbers them, so each fact carries a
 * compact marker like [1] and the message ends with one line per source and "as of" date.
 */
export class Citations {
  private readonly keys: string[] = [];
  private readonly entries: Array<{ fact: Fact; ref: Fact["source"][number] }> = [];
  private reported = false;

  /** `today` (YYYY-MM-DD) decides which facts are past their review date. */
  constructor(
    private readonly locale: Locale,
    private readonly today: string,
  ) {}

  private formatDate(iso: string): string {
    return formatDay(iso, this.locale);
  }

  /** One marker for the facts, e.g. " [1, 3]", registering their sources; "" for none. */
  cite(...facts: Array<Fact | string>): string {
    const numbers = new Set<number>();
    for (const factOrId of facts) {
      const fact = typeof factOrId === "string" ? findFact(factOrId) : factOrId;
      if (!fact) throw new Error(`Cannot cite unknown fact "${String(factOrId)}"`);
      if (fact.confidence === "reported") this.reported = true;
      for (const ref of fact.source) {
        const key = `${ref}|${fact.asOf}`;
        let i = this.keys.indexOf(key);
        if (i < 0) {
          i = this.keys.push(key) - 1;
          this.entries.push({ fact, ref });
        }
        numbers.add(i + 1);
      }
    }
    return numbers.size === 0 ? "" : ` [${[...numbers].sort((a, b) => a - b).join(", ")}]`;
  }

  get isEmpty(): boolean {
    return this.keys.length === 0;
  }

  /** One compact line: sources grouped by their "as of" date, web sources as links named by host. */
  compactFooter(t: TFunction): string {
    const byDate = new Map<string, string[]>();
    for (const { fact, ref } of this.entries) {
      const source = resolveSource(ref);
      const name =
        source.kind === "document"
          ? t(`facts:sources.short.${source.ref}`)
          : `<a href="${escapeHtml(source.url)}">${escapeHtml(new URL(source.url).hostname.replace(/^www\./, ""))}</a>`;
      const names = byDate.get(fact.asOf) ?? [];
      if (!names.includes(name)) names.push(name);
      byDate.set(fact.asOf, names);
    }
    const groups = [...byDate].map(([date, names]) => `${names.join(", ")} (${t("facts:sources.as_of", { date: this.formatDate(date) })})`);
    return `<i>📚 ${t("facts:sources.title")} ${groups.join("; ")}</i>`;
  }

  /** The source lines: "[1] title (as of date)" for documents, the address for web pages. */
  footer(t: TFunction): string {
    const lines = this.entries.map(({ fact, ref }, i) => {
      const source = resolveSource(ref);
      const name = source.kind === "document" ? `${t(`facts:sources.doc.${source.ref}`)} (${source.ref})` : escapeHtml(source.url);
      return `[${i + 1}] ${name}, ${t("facts:sources.as_of", { date: this.formatDate(fact.asOf) })}`;
    });
    const reported = this.reported ? `\n${t("facts:sources.reported")}` : "";
    return `<i>${t("facts:sources.title")}\n${lines.join("\n")}${reported}</i>`;
  }
}
