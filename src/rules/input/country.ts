import { countryIndex, nameKey, withoutRepublic, type NameLocale } from "./countryIndex.js";
import { GENERIC_WORDS, LEAD_IN, STOPWORDS, WORDLIKE_CODES } from "./countryWords.js";
import { lookup, MAX_INPUT_LENGTH } from "./normalize.js";
import { fuzzyCountryCodes } from "./countryFuzzy.js";

export type CountryMatch =
  | { kind: "exact"; code: string }
  | { kind: "suggest"; codes: string[] }
  | { kind: "none" };

const NONE: CountryMatch = { kind: "none" };
const MAX_SUGGESTIONS = 3;

let lists: { stopwords: Set<string>; generic: Set<string> } | undefined;

/** STOPWORDS and GENERIC_WORDS as lookup keys, folded on first use. */
function wordLists(): { stopwords: Set<string>; generic: Set<string> } {
  lists ??= { stopwords: new Set(STOPWORDS.map(nameKey)), generic: new Set(GENERIC_WORDS.map(nameKey)) };
  return lists;
}

let tokenIndex: Map<string, string[]> | undefined;

/** Single words of official names and aliases (5+ letters, not generic) -> the codes using them. */
function nameTokens(): Map<string, string[]> {
  if (tokenIndex) return tokenIndex;
  const built = new Map<string, string[]>();
  const { generic } = wordLists();
  for (const [key, entry] of countryIndex().names) {
    if (!entry.fuzzy || !key.includes(" ")) continue;
    for (const word of key.split(" ")) {
      if (word.length < 5 || generic.has(word)) continue;
      const codes = built.get(word) ?? [];
      for (const code of entry.codes) if (!codes.includes(code)) codes.push(code);
      built.set(word, codes);
    }
  }
  tokenIndex = built;
  return built;
}

function fromCodes(codes: readonly string[]): CountryMatch {
  if (codes.length === 1 && codes[0] !== undefined) return { kind: "exact", code: codes[0] };
  return { kind: "suggest", codes: codes.slice(0, MAX_SUGGESTIONS) };
}

function matchKey(key: string): CountryMatch {
  const { names, alpha3 } = countryIndex();
  const a3 = alpha3.get(key);
  if (a3 !== undefined) return { kind: "exact", code: a3 };
  const entry = names.get(key);
  if (entry) return fromCodes(entry.codes);
  return NONE;
}

/**
 * Finds the country a person means: an ISO alpha-2 code ("de", "US"), a common alpha-3 code
 * ("DEU"), or a name in English, Russian, Kazakh or German, official or informal ("UK", "РФ",
 * "Ресей", "Holland"), or a nationality word ("German", "немец"). Case, diacritics, punctuation and
 * Kazakh letters typed as Russian ones do not matter.
 * - "exact": one country for sure;
 * - "suggest": up to 3 codes, best first, to confirm with the person (a typo such as "Germny",
 *   or a name shared by several countries such as "Congo");
 * - "none": nothing close (including ordinary replies such as "yes", "нет", "ja").
 */
export function matchCountry(text: string): CountryMatch {
  if (text.length > MAX_INPUT_LENGTH) return NONE;
  const trimmed = text.trim();
  const { codes } = countryIndex();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (codes.has(code)) {
      if (!WORDLIKE_CODES.has(code)) return { kind: "exact", code };
      return trimmed === code ? { kind: "suggest", codes: [code] } : NONE;
    }
  }

  const { stopwords } = wordLists();
  const fullKey = nameKey(trimmed);
  if (!fullKey || stopwords.has(fullKey)) return NONE;
  const direct = matchKey(fullKey);
  if (direct.kind !== "none") return direct;

  const key = withoutRepublic(fullKey.replace(LEAD_IN, ""));
  if (key !== fullKey) {
    if (stopwords.has(key)) return NONE;
    const stripped = matchKey(key);
    if (stripped.kind !== "none") return stripped;
  }

  if (!key.includes(" ") && key.length >= 5) {
    const byWord = nameTokens().get(key);
    if (byWord && byWord.length <= MAX_SUGGESTIONS) return { kind: "suggest", codes: byWord };
  }

  const close = fuzzyCountryCodes(key);
  return close.length > 0 ? { kind: "suggest", codes: close } : NONE;
}

const displayNames = new Map<NameLocale, Intl.DisplayNames>();

/** Where Intl's name is ambiguous: Kazakh CLDR calls DR Congo just "Конго". */
const DISPLAY_OVERRIDES: Partial<Record<NameLocale, Readonly<Record<string, string>>>> = {
  kk: { CD: "Конго Демократиялық Республикасы" },
  /** The name Kyrgyzstan uses for itself in Russian; CLDR has the older "Киргизия". */
  ru: { KG: "Кыргызстан" },
};

/** Name of a country for display ("DE", "kk" -> "Германия"); falls back to English, then the code. */
export function countryName(code: string, locale: NameLocale): string {
  const upper = code.trim().toUpperCase();
  const overrides = DISPLAY_OVERRIDES[locale];
  const override = overrides ? lookup(overrides, upper) : undefined;
  if (override !== undefined) return override;
  for (const loc of [locale, "en"] as const) {
    let display = displayNames.get(loc);
    if (!display) {
      display = new Intl.DisplayNames([loc], { type: "region", fallback: "none" });
      displayNames.set(loc, display);
    }
    try {
      const name = display.of(upper);
      if (name && name !== upper) return name;
    } catch {
      return code; // not a valid region code at all
    }
  }
  return code;
}
