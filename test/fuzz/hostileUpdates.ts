/**
 * fast-check generators of the updates a hostile or careless world sends: texts up to 4,096
 * characters with emoji, RTL and zero-width characters, HTML-like text and real answers mixed in;
 * commands with garbage arguments; forged and stale button data; updates without a chat; edited
 * messages, media, group chats and channel posts; floods.
 */
import fc from "fast-check";
import type { Update, User } from "grammy/types";

/** Bot usernames the generated commands address: ours (from the emulator) and someone else's. */
export const OUR_BOT = "nomad_kz_bot";

/** Names that must never reach a log: every generated person carries this mark. */
export const NAME_MARK = "Qanaryname";

const PIECES = [
  "Germany", "Germny", "Deutschland", "Казахстан", "Uzbekistan", "stateless", "yes", "no", "да", "жоқ", "nein",
  "4500", "$4,500", "3000 EUR", "-1", "0", "1e308", "NaN", "8", "366", "367", "2026-11-27", "31.02.2030", "15 марта 2028",
  "how much is the visa fee", "Можно ли взять семью?", "Салық қанша?", "Welche Dokumente?",
  "😀", "🇰🇿", "👨‍👩‍👧", "🏳️‍🌈", "\u200b", "\u200c", "\u200d", "\ufeff", "\u202e", "\u200f", "\u2066", "مرحبا بالعالم", "שלום",
  "<b>", "</b>", "<i>x</i>", "<a href=\"javascript:alert(1)\">x</a>", "<script>alert(1)</script>", "&", "&amp;", "&lt;", "&#0;", "&#x110000;",
  "<", ">", "\"", "'", "`", "\\", "\n", "\r\n", "\t", "\u0000", "\ud800", "{{f.b9_1.fee.evisa}}", "$t(check:intro)", "%s%n", "../../etc/passwd",
  "'; DROP TABLE kv; --", "chk:a:yes", "rm:set:entry",
];

const COMMANDS = [
  "/start", "/check", "/remind", "/deadlines", "/reminders", "/settings", "/faq", "/language", "/privacy", "/help", "/cancel",
  "/forget", "/mydata", "/start check", "/start lang_de", "/start lang_zz", "/start faq", "/nosuchcommand", "/x", "/",
  "/foo<b>bar</b>&", "/a&b", "/<i>", "/x&amp;", "/😀", "/\u202ehelp", "/help\u200b", `/${"w".repeat(5000)}`.slice(0, 4096),
];

/** A Telegram text: 1 to 4,096 UTF-16 units, never ending on half a surrogate pair. */
export const hostileText: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 12 })), { minLength: 1, maxLength: 8 }).map((p) => p.join(" ")) },
    { weight: 2, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PIECES, "a", "ы ", "😀", "<b>"), fc.integer({ min: 100, max: 4096 })).map(([p, n]) => p.repeat(Math.ceil(n / p.length))) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 300 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 600 }) },
  )
  .map((s) => {
    const cut = s.slice(0, 4096);
    return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
  })
  .filter((s) => s.length > 0);

export const command: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...COMMANDS), fc.option(fc.constantFrom(`@${OUR_BOT}`, "@other_bot"), { freq: 4 }), fc.option(hostileText, { freq: 2 }))
  .map(([c, at, arg]) => `${c}${at ?? ""}${arg === null ? "" : ` ${arg}`}`.slice(0, 4096));

/** What one step sends; the driver turns it into an update for a person (see `toUpdate`). */
export type Step =
  | { kind: "text"; text: string; where: "private" | "group" | "supergroup" }
  | { kind: "edit"; text: string }
  | { kind: "media"; media: "photo" | "sticker" | "document" | "voice" | "location" | "contact" | "poll" | "dice" }
  | { kind: "press"; data: "stale" | "forged"; forged: string; pick: number; inline: boolean }
  | { kind: "chatless"; what: "inline_query" | "chosen_inline_result" | "poll" | "poll_answer" }
  | { kind: "channel"; text: string; edited: boolean }
  | { kind: "member"; status: "kicked" | "member" }
  | { kind: "flood"; texts: string[]; presses: boolean };

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 16, arbitrary: fc.record({ kind: fc.constant("text" as const), text: hostileText, where: fc.constant("private" as const) }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("text" as const), text: command, where: fc.constant("private" as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("text" as const), text: fc.oneof(command, hostileText), where: fc.constantFrom("group" as const, "supergroup" as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("edit" as const), text: hostileText }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("media" as const), media: fc.constantFrom("photo" as const, "sticker" as const, "document" as const, "voice" as const, "location" as const, "contact" as const, "poll" as const, "dice" as const) }) },
  {
    weight: 16,
    arbitrary: fc.record({
      kind: fc.constant("press" as const),
      data: fc.constantFrom("stale" as const, "stale" as const, "stale" as const, "forged" as const),
      forged: fc.oneof(fc.string({ minLength: 1, maxLength: 64 }), fc.constantFrom("chk:a:ZZ", "chk:a:", "chk:restart", "rm:set:x", "rm:done", "faq:t:nope", "faq:g:visa:99", "lang:xx", "forget:yes", "a".repeat(64))),
      pick: fc.nat(),
      inline: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("chatless" as const), what: fc.constantFrom("inline_query" as const, "chosen_inline_result" as const, "poll" as const, "poll_answer" as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("channel" as const), text: fc.oneof(command, hostileText), edited: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("member" as const), status: fc.constantFrom("kicked" as const, "member" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("flood" as const), texts: fc.array(fc.oneof(hostileText, command), { minLength: 21, maxLength: 40 }), presses: fc.boolean() }) },
);

/** How a scenario begins: fresh, or in the middle of a conversation. */
export const prelude = fc.constantFrom<string[]>([], [], ["/check"], ["/check", "Germany", "no"], ["/remind"], ["/start"], ["/language"], ["/forget"]);

export interface Scenario {
  person: number;
  language: string;
  prelude: string[];
  steps: Array<{ step: Step; pauseMs: number }>;
}

export const scenario: fc.Arbitrary<Scenario> = fc.record({
  person: fc.integer({ min: 0, max: 7 }),
  language: fc.constantFrom("en", "ru", "kk", "de", "uk", "zh-hans", "", "EN-us"),
  prelude,
  steps: fc.array(fc.record({ step, pauseMs: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 200, max: 3000 }) }, { weight: 1, arbitrary: fc.constant(26 * 3600_000) }) }), { minLength: 5, maxLength: 25 }),
});

let updateId = 50_000_000;
let messageId = 50_000_000;

export function person(index: number, language: string): User {
  return { id: 70_000 + index, is_bot: false, first_name: `${NAME_MARK}${index}`, last_name: "Familyname", username: `qanary_user_${index}`, ...(language ? { language_code: language } : {}) };
}

const privateChat = (u: User) => ({ id: u.id, type: "private" as const, first_name: u.first_name, username: u.username });
const groupChat = (type: "group" | "supergroup") => ({ id: type === "group" ? -4_000_001 : -100_900_001, type, title: "Qanarygroup" });

function textMessage(u: User, text: string, date: number, chat: object) {
  const cmd = /^\/[A-Za-z0-9_]*(@\w+)?/.exec(text);
  const entities = cmd && cmd[0].length > 1 ? [{ type: "bot_command", offset: 0, length: cmd[0].length }] : undefined;
  return { message_id: messageId++, date, chat, from: u, text, ...(entities ? { entities } : {}) };
}

const MEDIA: Record<string, object> = {
  photo: { photo: [{ file_id: "ph", file_unique_id: "ph1", width: 90, height: 90 }], caption: "<b>caption</b> & more" },
  sticker: { sticker: { file_id: "st", file_unique_id: "st1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } },
  document: { document: { file_id: "dc", file_unique_id: "dc1", file_name: "../../passport.pdf" } },
  voice: { voice: { file_id: "vc", file_unique_id: "vc1", duration: 3 } },
  location: { location: { latitude: 43.2, longitude: 76.9 } },
  contact: { contact: { phone_number: "+77010000000", first_name: `${NAME_MARK}contact` } },
  poll: { poll: { id: "p1", question: "?", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } },
  dice: { dice: { emoji: "🎲", value: 3 } },
};

export interface SentMessageRef {
  chatId: number;
  messageId: number;
  data: string;
}

/** The update(s) a step sends for `u`; `buttons` are the buttons the bot has sent so far (for stale presses). */
export function toUpdates(s: Step, u: User, date: number, buttons: readonly SentMessageRef[], message: (chatId: number, id: number) => unknown): Update[] {
  const id = () => updateId++;
  switch (s.kind) {
    case "text":
      return [{ update_id: id(), message: textMessage(u, s.text, date, s.where === "private" ? privateChat(u) : groupChat(s.where)) } as Update];
    case "edit":
      return [{ update_id: id(), edited_message: { ...textMessage(u, s.text, date, privateChat(u)), edit_date: date } } as Update];
    case "media":
      return [{ update_id: id(), message: { message_id: messageId++, date, chat: privateChat(u), from: u, ...MEDIA[s.media] } } as Update];
    case "press": {
      const mine = buttons.filter((b) => b.chatId === u.id || b.chatId < 0);
      const ref = mine.length > 0 ? mine[s.pick % mine.length] : undefined;
      const data = s.data === "stale" && ref ? ref.data : s.forged;
      const base = { id: `cq${id()}`, from: u, chat_instance: "ci", data };
      if (s.inline || !ref) return [{ update_id: id(), callback_query: { ...base, inline_message_id: "inl1" } } as Update];
      return [{ update_id: id(), callback_query: { ...base, message: message(ref.chatId, ref.messageId) ?? { message_id: ref.messageId, date, chat: privateChat(u) } } } as Update];
    }
    case "chatless":
      if (s.what === "inline_query") return [{ update_id: id(), inline_query: { id: `iq${updateId}`, from: u, query: "<b>visa</b>", offset: "" } } as Update];
      if (s.what === "chosen_inline_result") return [{ update_id: id(), chosen_inline_result: { result_id: "r", from: u, query: "visa" } } as Update];
      if (s.what === "poll_answer") return [{ update_id: id(), poll_answer: { poll_id: "p1", user: u, option_ids: [0] } } as Update];
      return [{ update_id: id(), poll: { ...(MEDIA.poll as { poll: object }).poll } } as Update];
    case "channel": {
      const post = { message_id: messageId++, date, chat: { id: -100_800_001, type: "channel", title: "Qanarychannel" }, text: s.text, ...(s.edited ? { edit_date: date } : {}) };
      return [{ update_id: id(), ...(s.edited ? { edited_channel_post: post } : { channel_post: post }) } as Update];
    }
    case "member":
      return [
        {
          update_id: id(),
          my_chat_member: {
            chat: privateChat(u),
            from: u,
            date,
            old_chat_member: { status: s.status === "kicked" ? "member" : "kicked", user: { id: 777000111, is_bot: true, first_name: "Nomad KZ" } },
            new_chat_member: { status: s.status, user: { id: 777000111, is_bot: true, first_name: "Nomad KZ" }, ...(s.status === "kicked" ? { until_date: 0 } : {}) },
          },
        } as Update,
      ];
    case "flood": {
      // A flood of presses hits one of the person's buttons (or a forged one) again and again.
      const mine = buttons.filter((b) => b.chatId === u.id);
      const ref = mine.at(-1);
      return s.texts.map((text) =>
        s.presses
          ? ({ update_id: id(), callback_query: { id: `cq${updateId}`, from: u, chat_instance: "ci", data: ref?.data ?? text.slice(0, 20), ...(ref ? { message: message(ref.chatId, ref.messageId) ?? undefined } : { inline_message_id: "inl1" }) } } as Update)
          : ({ update_id: id(), message: textMessage(u, text, date, privateChat(u)) } as Update),
      );
    }
  }
}
