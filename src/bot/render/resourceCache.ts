import type { I18n } from "../i18n.js";

/** Values built from an i18n instance's resources, each under its own key, built on first use. */
export interface ResourceCache<V> {
  get(key: string, build: () => V): V;
}

/**
 * A family of bounded caches, one per i18n instance (so bots built with other resources, as in tests, never share),
 * each emptied when a resource is added or removed, since what it holds was rendered from them. `onClear` runs then
 * too, for what the values were built from and is cached elsewhere.
 *
 * Hand-written: a keyed map with one invalidation and a size bound is smaller than any cache library's setup.
 * What is handed out is shared between calls, so it must be immutable (strings, frozen objects).
 */
export function resourceCaches<V>(maxEntries: number, onClear?: () => void): (i18n: I18n) => ResourceCache<V> {
  const caches = new WeakMap<I18n, ResourceCache<V>>();
  return (i18n) => {
    let cache = caches.get(i18n);
    if (!cache) {
      const entries = new Map<string, V>();
      const clear = () => {
        entries.clear();
        onClear?.();
      };
      i18n.store.on("added", clear);
      i18n.store.on("removed", clear);
      cache = {
        get(key, build) {
          if (entries.has(key)) return entries.get(key)!;
          const value = build();
          if (entries.size >= maxEntries) entries.clear();
          entries.set(key, value);
          return value;
        },
      };
      caches.set(i18n, cache);
    }
    return cache;
  };
}

/** Freezes an object and everything it holds, so a value shared between calls cannot be changed by one of them. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
