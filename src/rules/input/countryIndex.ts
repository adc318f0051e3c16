import { ALPHA3, COUNTRY_ALIASES, DEMONYMS, ENDONYMS, SHARED_NAMES } from "./countryAliases.js";
import { foldKazakh, normalizeName, spellOutUmlauts } from "./normalize.js";

export const NAME_LOCALES = ["en", "ru", "kk", "de"] as const;
export type NameLocale = (typeof NAME_LOCALES)[number];

/**
 * Region codes Intl knows that are not countries or territories of ISO 3166-1: groupings
 * (EU, EZ, UN, QO), pseudo-locales (XA, XB), unknown (ZZ), and the "exceptionally reserved"
 * codes (AC, CP, CQ, DG, EA, IC, TA), which are parts of other countries. Deprecated codes
 * (UK, SU, DD, YU, ZR, ...) are dropped separately because Intl canonicalises them to others.
 * XK (Kosovo, user-assigned but used by the EU and many passports) is kept.
 */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"]);

/** One searchable name: the folded key and the codes it stands for (best first). */
export interface IndexEntry {
  codes: string[];
  /** Typo-tolerant (official names and aliases) or exact only (nationality words). */
  fuzzy: boolean;
}

export interface CountryIndex {
  codes: ReadonlySet<string>;
  names: ReadonlyMap<string, IndexEntry>;
  alpha3: ReadonlyMap<string, string>;
}

/** Lookup key for a name or user input: normalised, leading "the" dropped, Kazakh letters folded. */
export function nameKey(text: string): string {
  return foldKazakh(normalizeName(text)).replace(/^the /, "");
}

const REPUBLIC_PREFIX = /^(?:republic of (?:the )?|republik |республика )/;
const REPUBLIC_SUFFIX = / (?:republic|republik|республика|республикасы)$/;

/** A key without a leading "Republic of"/"Republik"/"Республика" or trailing "Republic"/"Республикасы". */
export function withoutRepublic(key: string): string {
  const stripped = key.replace(REPUBLIC_PREFIX, "").replace(REPUBLIC_SUFFIX, "").trim();
  return stripped.length >= 4 ? stripped : key;
}

/** The spellings of one name worth indexing (official name, without "(...)", "Republic", ...). */
function variants(name: string): Set<string> {
  // "Myanmar (Burma)" -> "Myanmar": a parenthesis is a qualifier ("(США)"), never indexed.
  const base = name.replace(/\s*\([^)]*\)/g, "");
  const raw = new Set([base, spellOutUmlauts(base)]);
  for (const r of [...raw]) {
    raw.add(r.replace(/\s*&\s*/g, " and "));
    raw.add(r.replace(/\bSt\.\s*/gi, "Saint "));
  }
  const keys = new Set<string>();
  for (const r of raw) {
    const key = nameKey(r);
    if (!key) continue;
    keys.add(key);
    // Russian abbreviations "о-в"/"о-ва" (island / islands) spelled out.
    keys.add(key.replace(/(^| )о ва( |$)/, "$1острова$2").replace(/(^| )о в( |$)/, "$1остров$2"));
    keys.add(withoutRepublic(key));
  }
  return keys;
}

function add(names: Map<string, IndexEntry>, key: string, code: string, fuzzy: boolean): void {
  const entry = names.get(key);
  if (!entry) names.set(key, { codes: [code], fuzzy });
  else {
    if (!entry.codes.includes(code)) entry.codes.push(code);
    entry.fuzzy ||= fuzzy;
  }
}

function listCountryCodes(): string[] {
  const display = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
  const codes: string[] = [];
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code) || display.of(code) === code) continue;
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue; // deprecated alias
      codes.push(code);
    }
  }
  return codes;
}

function buildIndex(): CountryIndex {
  const codes = listCountryCodes();
  const names = new Map<string, IndexEntry>();
  // Shared names first so their code order (best first) wins.
  for (const [name, shared] of SHARED_NAMES) {
    for (const key of variants(name)) for (const code of shared) add(names, key, code, true);
  }
  for (const locale of NAME_LOCALES) {
    const display = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (const code of codes) {
      const name = display.of(code);
      if (!name) continue;
      for (const key of variants(name)) add(names, key, code, true);
      // The full name with its "(...)" too, so a name we displayed matches back; exact only.
      if (name.includes("(")) add(names, nameKey(name), code, false);
    }
  }
  for (const [code, aliases] of [...Object.entries(COUNTRY_ALIASES), ...Object.entries(ENDONYMS)]) {
    for (const alias of aliases) for (const key of variants(alias)) add(names, key, code, true);
  }
  for (const [code, words] of Object.entries(DEMONYMS)) {
    for (const word of words) add(names, nameKey(word), code, false);
  }
  const alpha3 = new Map(Object.entries(ALPHA3).map(([a3, a2]) => [a3.toLowerCase(), a2]));
  return { codes: new Set(codes), names, alpha3 };
}

let index: CountryIndex | undefined;

/** The country name index, built on first use from Intl.DisplayNames plus the curated lists. */
export function countryIndex(): CountryIndex {
  index ??= buildIndex();
  return index;
}
