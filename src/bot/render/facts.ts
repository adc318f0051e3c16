import { findFact, isPastReview, isSourceDoc, kztForMrp, resolveSource, type Fact } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import { escapeHtml, type TFunction } from "../i18n.js";
import { formatPartialDate, intlLocale } from "./dates.js";

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
    if (max !== undefined) {
      const upTo = formatAmount(max, unit, t, locale, locale === "ru" ? genitiveCount(max) : max);
      return t("facts:units.up_to", { value: upTo, interpolation: { escapeValue: false } });
    }
    if (min !== undefined) return t("facts:units.at_least", { value: fmt(min), interpolation: { escapeValue: false } });
    if (average !== undefined) return t("facts:units.about", { value: fmt(average), interpolation: { escapeValue: false } });
  }
  return escapeHtml(String(value));
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(n: number, locale: Locale): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale));
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

/**
 * Russian "до" takes the genitive: "до 1 года" and "до 21 дня" read like the fractional (_other) form, every
 * other number like the _many form ("до 2 рабочих дней", "до 10 лет"). The plural count that picks that form.
 */
function genitiveCount(n: number): number {
  return n % 10 === 1 && n % 100 !== 11 ? 1.5 : 5;
}

/** `count` picks the plural form of the unit (by default the number itself). */
function formatAmount(n: number, unit: Fact["unit"], t: TFunction, locale: Locale, count: number = n): string {
  const number = formatNumber(n, locale);
  switch (unit) {
    case undefined:
      return number;
    case "USD":
    case "EUR":
    case "KZT":
      return t(`facts:units.${unit}`, { value: number });
    case "percent":
      return locale === "de" ? `${number} %` : `${number}%`; // German sets a (non-breaking) space before %
    default:
      return t(`facts:units.${unit}`, { count, value: number });
  }
}

/** "30 MRP (129,750 KZT in 2026)" when the year's MRP is confirmed; just "30 MRP" otherwise. */
export function formatMrpFee(fact: Fact, year: number, t: TFunction, locale: Locale): string {
  const base = formatFactValue(fact, t, locale);
  const kzt = typeof fact.value === "number" && fact.unit === "MRP" ? kztForMrp(fact.value, year) : undefined;
  if (kzt === undefined) return base;
  return t("facts:units.mrp_in_kzt", { mrp: base, kzt: t("facts:units.KZT", { value: formatNumber(kzt, locale) }), year, interpolation: { escapeValue: false } });
}

type SourceRefOf = Fact["source"][number];

/** A fact's `published` date dates its page; with several web sources it is not known to date each, so it is not shown. */
function shownPublished(fact: Fact): string | undefined {
  return fact.source.filter((ref) => !isSourceDoc(ref)).length === 1 ? fact.published : undefined;
}

/** One line of a source list: what is cited, and how it is dated. */
interface SourceEntry {
  readonly fact: Fact;
  readonly ref: SourceRefOf;
  /** The fact is past its review date: the line says it may have changed. */
  readonly stale: boolean;
}

/**
 * Collects the sources of the facts a message states and numbers them, so each fact carries a compact marker
 * like [1] and the message ends with one line per source. A line says what is known of the source's date:
 * "undated article (2025), read <date>" for a document, "published <date>, checked <date>" for a web page,
 * and "may have changed" when the fact is past its review date on `today`. It never says "as of".
 */
export class Citations {
  private readonly keys: string[] = [];
  private readonly entries: SourceEntry[] = [];
  private reported = false;

  /** `today` (YYYY-MM-DD) decides which facts are past their review date. */
  constructor(
    private readonly locale: Locale,
    private readonly today: string,
  ) {}

  /** One marker for the facts, e.g. " [1, 3]", registering their sources; "" for none. */
  cite(...facts: Array<Fact | string>): string {
    const numbers = new Set<number>();
    for (const factOrId of facts) {
      const fact = typeof factOrId === "string" ? findFact(factOrId) : factOrId;
      if (!fact) throw new Error(`Cannot cite unknown fact "${String(factOrId)}"`);
      if (fact.confidence === "reported") this.reported = true;
      const stale = isPastReview(fact, this.today);
      // A source that gives another value (a conflict the text names) is cited with the fact.
      const refs = new Set([...fact.source, ...(fact.alternatives ?? []).flatMap((alt) => alt.source)]);
      for (const ref of refs) {
        const key = isSourceDoc(ref) ? `${ref}|${stale}` : `${ref}|${shownPublished(fact) ?? ""}|${fact.checked}|${stale}`;
        let i = this.keys.indexOf(key);
        if (i < 0) {
          i = this.keys.push(key) - 1;
          this.entries.push({ fact, ref, stale });
        }
        numbers.add(i + 1);
      }
    }
    return numbers.size === 0 ? "" : ` [${[...numbers].sort((a, b) => a - b).join(", ")}]`;
  }

  get isEmpty(): boolean {
    return this.keys.length === 0;
  }

  private date(date: string): string {
    return formatPartialDate(date, this.locale);
  }

  /**
   * How a source is dated: "undated article (2025), read 21 Nov 2026" for a document (`count` documents
   * sharing it), "published …, checked …" or "checked …" for a web page; past review, "last checked …, may have changed".
   */
  private dating(t: TFunction, entry: SourceEntry, count = 1): string {
    const source = resolveSource(entry.ref);
    const parts: string[] = [];
    let checked: string;
    if (source.kind === "document") {
      if (source.published === undefined) parts.push(t("facts:sources.undated_doc", { count, year: source.datedByContent }));
      else parts.push(t("facts:sources.published", { date: this.date(source.published) }));
      checked = source.read;
      parts.push(t(entry.stale ? "facts:sources.read_stale" : "facts:sources.read", { date: this.date(checked) }));
    } else {
      const published = shownPublished(entry.fact);
      if (published !== undefined) parts.push(t("facts:sources.published", { date: this.date(published) }));
      checked = entry.fact.checked;
      parts.push(t(entry.stale ? "facts:sources.checked_stale" : "facts:sources.checked", { date: this.date(checked) }));
    }
    return parts.join(", ");
  }

  /**
   * One compact line: documents grouped by their dating ("A, B — undated articles (2025), read …"), web sources
   * as links named by host, grouped the same way ("host (checked …)").
   */
  compactFooter(t: TFunction): string {
    const groups = new Map<string, { entry: SourceEntry; document: boolean; names: string[] }>();
    for (const entry of this.entries) {
      const source = resolveSource(entry.ref);
      const document = source.kind === "document";
      const name = document
        ? t(`facts:sources.short.${source.ref}`)
        : `<a href="${escapeHtml(source.url)}">${escapeHtml(new URL(source.url).hostname.replace(/^www\./, ""))}</a>`;
      const key = `${document}|${this.dating(t, entry)}`;
      const group = groups.get(key) ?? { entry, document, names: [] };
      if (!group.names.includes(name)) group.names.push(name);
      groups.set(key, group);
    }
    const lines = [...groups.values()].map(({ entry, document, names }) =>
      document ? `${names.join(", ")} — ${this.dating(t, entry, names.length)}` : `${names.join(", ")} (${this.dating(t, entry)})`,
    );
    return `<i>📚 ${t("facts:sources.title")} ${lines.join("; ")}</i>`;
  }

  /** The numbered source lines: "[1] title (S000) — undated article (2025), read …", "[2] address (checked …)". */
  footer(t: TFunction): string {
    const lines = this.entries.map((entry, i) => {
      const source = resolveSource(entry.ref);
      return source.kind === "document"
        ? `[${i + 1}] ${t(`facts:sources.doc.${source.ref}`)} (${source.ref}) — ${this.dating(t, entry)}`
        : `[${i + 1}] ${escapeHtml(source.url)} (${this.dating(t, entry)})`;
    });
    const reported = this.reported ? `\n${t("facts:sources.reported")}` : "";
    return `<i>${t("facts:sources.title")}\n${lines.join("\n")}${reported}</i>`;
  }
}
