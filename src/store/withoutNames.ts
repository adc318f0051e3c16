import type { KeyValueStore } from "./types.js";

/**
 * Fields of Telegram objects that name a person (User, Chat, forward and reply origins, contacts).
 * Nothing the flows need: they work with ids, texts and button data.
 */
const NAME_FIELDS = new Set(["first_name", "last_name", "username", "usernames", "active_usernames", "sender_user_name", "author_signature", "title"]);

/** Keys under which Telegram puts who sent or is quoted; `title` is stripped only from chats. */
const CHAT_KEYS = new Set(["chat", "sender_chat", "forward_from_chat", "origin", "forward_origin", "sender_business_bot"]);

function strip(value: unknown, parentKey: string): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, parentKey));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (NAME_FIELDS.has(k) && (k !== "title" || CHAT_KEYS.has(parentKey))) continue;
    out[k] = strip(v, k);
  }
  return out;
}

/**
 * The conversations plugin stores whole Telegram updates to replay a flow, names included.
 * This store drops every name and username before the state is written (the flows read ids,
 * texts and buttons only, so a replay goes the same way); a plain deep copy, since no maintained
 * library strips Telegram objects.
 */
export function withoutNames<T>(inner: KeyValueStore<T>): KeyValueStore<T> {
  return {
    read: (key) => inner.read(key),
    write: (key, value) => inner.write(key, strip(value, "") as T),
    delete: (key) => inner.delete(key),
    deleteStale: (cutoff) => inner.deleteStale(cutoff),
  };
}
