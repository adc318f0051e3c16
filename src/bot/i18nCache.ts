import type { i18n as I18nInstance, TFunction } from "i18next";

/**
 * A translation cache in front of i18next's fixed `t`.
 *
 * Hand-written because neither i18next nor a maintained plugin offers one: every `t` call of i18next 26 copies
 * its options and the instance's whole `options` object (`getFixedT`'s `{ ...this.options, ...o }`, then the
 * translator's own copies), which was a quarter of the bot's CPU under load (thousands of calls an update while
 * facts and questions render), and no init option skips the copies.
 *
 * While the resources do not change, the same language, key and option values give the same string, so a call
 * whose options are all primitives (strings, numbers, booleans, null, undefined), or plain objects of primitives
 * one level down (`interpolation: { escapeValue: false }`), is answered from a bounded map keyed on exactly those.
 * Anything else goes straight to i18next: options holding a Date, an array, a function or deeper nesting, a
 * selector or a non-string key, a result that is not a string.
 * Adding or removing a resource (`addResource`, `addResourceBundle`, ...) empties the cache; one added with
 * `{ silent: true }` emits nothing, so the cache would not see it (nothing here adds resources that way).
 */
export interface TranslationCache {
  /** The cached fixed `t` for one language (the same function every time it is asked for). */
  fixedT(lng: string): TFunction;
  /** Entries held now (for tests and the benchmark). */
  size(): number;
  clear(): void;
}

/** About 2,000 distinct texts a language are in use at once; the bound keeps rare values from piling up. */
export const DEFAULT_MAX_ENTRIES = 20_000;

type Plain = (key: unknown, options?: unknown) => unknown;

/**
 * Appends `name`, a type tag and the length of the value before the value itself: two different option lists
 * never give the same key, whatever characters the values hold (they may be typed by a user).
 */
function keyOf(lng: string, key: string | readonly string[], options: Record<string, unknown> | undefined): string | undefined {
  let k: string;
  if (typeof key === "string") k = `${lng}\u0000${key.length}:${key}`;
  else {
    k = `${lng}\u0000[`;
    for (const part of key) {
      if (typeof part !== "string") return undefined;
      k += `${part.length}:${part}`;
    }
  }
  return options === undefined ? k : withOptions(k, options, true);
}

/** Appends each option; a plain object of primitives (`interpolation: { escapeValue: false }`) once nested. */
function withOptions(k: string, options: Record<string, unknown>, nest: boolean): string | undefined {
  for (const name in options) {
    if (!Object.prototype.hasOwnProperty.call(options, name)) continue;
    const value = options[name];
    switch (typeof value) {
      case "string":
        k += `\u0000${name}\u0000s${value.length}:${value}`;
        break;
      case "number":
        k += `\u0000${name}\u0000n${value}`;
        break;
      case "boolean":
        k += `\u0000${name}\u0000b${value ? 1 : 0}`;
        break;
      case "undefined":
        k += `\u0000${name}\u0000u`;
        break;
      case "object": {
        if (value === null) {
          k += `\u0000${name}\u0000z`;
          break;
        }
        const proto = Object.getPrototypeOf(value);
        if (!nest || (proto !== Object.prototype && proto !== null)) return undefined; // a Date, an array, deeper nesting
        const inner = withOptions(`${k}\u0000${name}\u0000{`, value as Record<string, unknown>, false);
        if (inner === undefined) return undefined;
        k = `${inner}\u0000}`;
        break;
      }
      default:
        return undefined; // a function, a symbol or a bigint: not cached
    }
  }
  return k;
}

export function translationCache(instance: I18nInstance, maxEntries = DEFAULT_MAX_ENTRIES): TranslationCache {
  const entries = new Map<string, string>();
  // Calls with a key alone (most of them) are looked up by the key as it is, one map a language: no key string is
  // built for them, which was most of what this cache allocated per call.
  const bare = new Map<string, Map<string, string>>();
  const perLanguage = new Map<string, TFunction>();
  const clear = () => {
    entries.clear();
    for (const map of bare.values()) map.clear();
  };
  instance.store.on("added", clear);
  instance.store.on("removed", clear);
  // The instance's own getFixedT, bound before createI18n replaces it on the instance.
  const original = instance.getFixedT.bind(instance);

  const fixedT = (lng: string): TFunction => {
    const known = perLanguage.get(lng);
    if (known) return known;
    const plain = original(lng) as unknown as Plain;
    const alone = new Map<string, string>();
    bare.set(lng, alone);
    const cached = ((key: unknown, options?: unknown, ...rest: unknown[]) => {
      if (options === undefined && rest.length === 0 && typeof key === "string") {
        const hit = alone.get(key);
        if (hit !== undefined) return hit;
        const text = plain(key);
        if (typeof text === "string") {
          if (alone.size >= maxEntries) alone.delete(alone.keys().next().value!);
          alone.set(key, text);
        }
        return text;
      }
      if (rest.length > 0 || (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options)))) return (plain as (...a: unknown[]) => unknown)(key, options, ...rest);
      if (typeof key !== "string" && !Array.isArray(key)) return plain(key, options);
      const k = keyOf(lng, key as string | string[], options as Record<string, unknown> | undefined);
      if (k === undefined) return plain(key, options);
      const hit = entries.get(k);
      if (hit !== undefined) return hit;
      const text = plain(key, options);
      if (typeof text === "string") {
        // Oldest first out (a Map keeps insertion order): no bookkeeping on a hit.
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(k, text);
      }
      return text;
    }) as unknown as TFunction;
    Object.assign(cached, { lng, ns: undefined, keyPrefix: undefined });
    perLanguage.set(lng, cached);
    return cached;
  };
  const size = () => {
    let n = entries.size;
    for (const map of bare.values()) n += map.size;
    return n;
  };
  return { fixedT, size, clear };
}
