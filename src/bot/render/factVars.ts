import { countryName, loadFacts, type Fact } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import type { TFunction } from "../i18n.js";
import { formatFactValue, formatMrpFee, formatNumber } from "./facts.js";

type Vars = { [key: string]: string | number | boolean | Vars };

/** Country lists up to this size are named; longer ones are given as a count. */
const NAMED_COUNTRIES_MAX = 12;

/** Rendered fact trees per language and year: rendering all of them costs milliseconds, copying one microseconds. */
const rendered = new Map<string, Vars>();

/**
 * Every fact as an interpolation variable, so a text writes `{{f.b9_1.fee.evisa}}` and never types a
 * number itself. Numbers get their unit and the user's number format; a fee in MRP gets its KZT
 * amount for `year` when that year's MRP is confirmed; `{ min, max }` values become ranges; other
 * records expose their fields; country lists become names (or a count when long); other id lists
 * become bullet lines labelled through `itemKey(id)`.
 *
 * The facts are rendered once per language and year (the texts and facts are loaded once per process, and
 * `itemLabel` depends on the language only) and each call gets its own copy, which callers may change.
 */
export function factVars(t: TFunction, locale: Locale, year: number, itemLabel: (id: string) => string): { f: Vars } {
  const key = `${locale}|${year}`;
  let root = rendered.get(key);
  if (!root) {
    root = {};
    for (const fact of loadFacts().values()) setPath(root, fact.id.split("."), factValue(fact, t, locale, year, itemLabel));
    rendered.set(key, root);
  }
  return { f: copy(root) };
}

function copy(node: Vars): Vars {
  const out: Vars = {};
  for (const k in node) {
    const v = node[k]!;
    out[k] = typeof v === "object" ? copy(v) : v;
  }
  return out;
}

function factValue(fact: Fact, t: TFunction, locale: Locale, year: number, itemLabel: (id: string) => string): string | number | boolean | Vars {
  const { value } = fact;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return value;
  if (typeof value === "number") return fact.unit === "MRP" ? formatMrpFee(fact, year, t, locale) : formatFactValue(fact, t, locale);
  if (Array.isArray(value)) {
    const list = value as readonly string[];
    if (fact.unit === "countries") {
      return list.length <= NAMED_COUNTRIES_MAX ? list.map((c) => countryName(c, locale)).join(", ") : formatNumber(list.length, locale);
    }
    return list.map((id) => `\n• ${itemLabel(id)}`).join("");
  }
  const record = value as Readonly<Record<string, unknown>>;
  if (["min", "max", "average"].some((k) => typeof record[k] === "number") && Object.keys(record).every((k) => ["min", "max", "average"].includes(k))) {
    return formatFactValue(fact, t, locale);
  }
  const out: Vars = {};
  for (const [k, v] of Object.entries(record)) {
    // A field naming a year ("…_year") holds a calendar year: no unit, no thousands separator.
    if (typeof v === "number" && /(^|_)year$/.test(k)) out[k] = v;
    else if (typeof v === "number") out[k] = fact.unit ? formatFactValue({ ...fact, value: v }, t, locale) : formatNumber(v, locale);
    else if (typeof v === "string" || typeof v === "boolean") out[k] = v;
  }
  return out;
}

function setPath(root: Vars, path: string[], value: string | number | boolean | Vars): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object") node[key] = {};
    node = node[key] as Vars;
  }
  node[path.at(-1)!] = value;
}
