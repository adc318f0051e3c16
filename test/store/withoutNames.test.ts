import { describe, expect, it } from "vitest";
import type { KeyValueStore } from "../../src/store/index.js";
import { withoutNames } from "../../src/store/withoutNames.js";

/** The strip as it was before it shared parts: a full copy of every object. */
const NAMES = new Set(["first_name", "last_name", "username", "usernames", "active_usernames", "sender_user_name", "author_signature", "title"]);
const CHATS = new Set(["chat", "sender_chat", "forward_from_chat", "origin", "forward_origin", "sender_business_bot"]);
function reference(value: unknown, parentKey: string): unknown {
  if (Array.isArray(value)) return value.map((v) => reference(v, parentKey));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (NAMES.has(k) && (k !== "title" || CHATS.has(parentKey))) continue;
    out[k] = reference(v, k);
  }
  return out;
}

const person = { id: 5, is_bot: false, first_name: "Aigerim", last_name: "Testova", username: "aigerim_x", language_code: "kk" };
const update = (i: number, names: boolean) => ({
  update_id: i,
  message: {
    message_id: i,
    date: 1_700_000_000 + i,
    chat: names ? { id: 5, type: "private", first_name: "Aigerim", username: "aigerim_x", title: "chat title" } : { id: 5, type: "private" },
    from: names ? person : { id: 5, is_bot: false, language_code: "kk" },
    text: "Uzbekistan",
    reply_markup: { inline_keyboard: [[{ text: "A title button", callback_data: "title" }]] },
    ...(names ? { forward_origin: { type: "user", sender_user: person, sender_user_name: "Someone", title: "x" } } : {}),
  },
});

/** Random trees of the shapes JSON gives, with name fields at every depth and odd keys. */
function random(seed: number) {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const keys = ["a", "title", "chat", "first_name", "username", "text", "origin", "list", "__proto__", "n", "usernames"];
  const tree = (depth: number): unknown => {
    const r = next();
    if (depth > 4 || r < 0.3) return r < 0.1 ? null : r < 0.2 ? Math.floor(r * 100) : `s${Math.floor(r * 1000)}`;
    if (r < 0.45) return Array.from({ length: Math.floor(next() * 4) }, () => tree(depth + 1));
    const text = `{${Array.from({ length: Math.floor(next() * 5) }, () => `${JSON.stringify(keys[Math.floor(next() * keys.length)])}:${JSON.stringify(tree(depth + 1)) ?? "null"}`).join(",")}}`;
    return JSON.parse(text) as unknown;
  };
  return tree(0);
}

async function written(value: unknown): Promise<unknown> {
  let out: unknown;
  const inner: KeyValueStore<unknown> = { read: async () => undefined, write: async (_k, v) => void (out = v), delete: async () => undefined, deleteStale: async () => 0 };
  await withoutNames(inner).write("7", value);
  return out;
}

describe("conversation state without names", () => {
  it("writes the same JSON as a full copy would, and leaves the value given unchanged", async () => {
    const values: unknown[] = [{ state: { check: [{ replay: { receive: [update(1, false), update(2, false), update(3, true)] } }] } }, [update(4, true)], new Date(0), { when: new Date(0), chat: { title: "t", first_name: "n" } }];
    for (let seed = 1; seed <= 400; seed++) values.push(random(seed));
    for (const v of values) {
      const before = JSON.stringify(v);
      expect(JSON.stringify(await written(v))).toBe(JSON.stringify(reference(v, "")));
      expect(JSON.stringify(v)).toBe(before);
    }
  });

  it("copies only the update that still carries names: the earlier, stripped ones are written as they are", async () => {
    const earlier = [update(1, false), update(2, false)];
    const out = (await written({ log: [...earlier, update(3, true)] })) as { log: unknown[] };
    expect(out.log[0]).toBe(earlier[0]);
    expect(out.log[1]).toBe(earlier[1]);
    expect(JSON.stringify(out.log[2])).not.toContain("Aigerim");
    expect(JSON.stringify(out.log[2])).toContain("A title button"); // a button's text is not a chat's title
  });
});
