import type { KeyValueStore } from "./types.js";

/**
 * Fields of Telegram objects that name a person (User, Chat, forward and reply origins, contacts).
 * Nothing the flows need: they work with ids, texts and button data.
 */
const NAME_FIELDS = new Set(["first_name", "last_name", "username", "usernames", "active_usernames", "sender_user_name", "author_signature", "title"]);

/** Keys under which Telegram puts who sent or is quoted; `title` is stripped only from chats. */
const CHAT_KEYS = new Set(["chat", "sender_chat", "forward_from_chat", "origin", "forward_origin", "sender_business_bot"]);

/**
 * The value without names, sharing every part that holds none. The state holds the whole replay log, and only
 * the update of this step still carries names (the earlier ones were stripped when they were written), so
 * copying the whole tree each write (as this did) cost more than serialising it: now a plain object or array is
 * copied only when something below it changes. Anything else (a Date, a class instance) is copied as before,
 * into a plain object of its own enumerable fields, so the JSON written is the same as the full copy's.
 */
function strip(value: unknown, parentKey: string): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const s = strip(v, parentKey);
      if (s !== v && !out) out = value.slice(0, i);
      if (out) out.push(s);
    }
    return out ?? value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return copyStripped(value as Record<string, unknown>, parentKey);
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  let done: string[] | undefined; // keys already looked at, copied into `out` once it exists
  for (const k in record) {
    if (!Object.prototype.hasOwnProperty.call(record, k)) continue;
    const v = record[k];
    const drop = NAME_FIELDS.has(k) && (k !== "title" || CHAT_KEYS.has(parentKey));
    const s = drop ? undefined : strip(v, k);
    // An own "__proto__" (JSON.parse makes one) was never copied: assigning it on a new object sets no field.
    if (!out && (drop || s !== v || k === "__proto__")) {
      out = {};
      for (const d of done ?? []) out[d] = record[d];
    }
    if (out) {
      if (!drop) out[k] = s;
    } else (done ??= []).push(k);
  }
  return out ?? record;
}

/** A full copy as a plain object (the earlier strip, for objects that are not plain: their fields as JSON sees them). */
function copyStripped(value: Record<string, unknown>, parentKey: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (NAME_FIELDS.has(k) && (k !== "title" || CHAT_KEYS.has(parentKey))) continue;
    out[k] = strip(v, k);
  }
  return out;
}

/**
 * The flow state store's guard: a flow's state holds answers and message ids, no Telegram objects (the
 * conversations plugin, which the flows ran on until 2026-12-04, stored whole updates, names included), and
 * should one ever be added, every name and username is dropped before the state is written. Hand-written,
 * since no maintained library strips Telegram objects. The value given is never changed (parts without names are shared, not copied).
 */
export function withoutNames<T>(inner: KeyValueStore<T>): KeyValueStore<T> {
  return {
    read: (key) => inner.read(key),
    write: (key, value) => inner.write(key, strip(value, "") as T),
    delete: (key) => inner.delete(key),
    deleteStale: (cutoff) => inner.deleteStale(cutoff),
  };
}
