import type { Message, Update, User } from "grammy/types";

/** Builders for the updates Telegram sends, with just the fields the bot reads. */
let nextUpdateId = 1;
let nextMessageId = 1;

export function makeUser(over: Partial<User> = {}): User {
  return { id: 1001, is_bot: false, first_name: "Alex", language_code: "en", ...over };
}

function privateChat(user: User) {
  return { id: user.id, type: "private" as const, first_name: user.first_name };
}

export function baseMessage(user: User, date: number, chat: Message["chat"] = privateChat(user)) {
  return { message_id: nextMessageId++, date, chat, from: user };
}

export function textUpdate(user: User, text: string, date: number, chat?: Message["chat"]): Update {
  const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
  const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
  return {
    update_id: nextUpdateId++,
    message: { ...baseMessage(user, date, chat), text, ...(entities ? { entities } : {}) },
  } as Update;
}

export function stickerUpdate(user: User, date: number): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      ...baseMessage(user, date),
      sticker: { file_id: "stk", file_unique_id: "stk1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
    },
  } as Update;
}

export function photoUpdate(user: User, date: number): Update {
  return {
    update_id: nextUpdateId++,
    message: { ...baseMessage(user, date), photo: [{ file_id: "ph", file_unique_id: "ph1", width: 90, height: 90 }] },
  } as Update;
}

export function editedTextUpdate(user: User, text: string, date: number): Update {
  return { update_id: nextUpdateId++, edited_message: { ...baseMessage(user, date), text, edit_date: date } } as Update;
}

export function callbackUpdate(user: User, data: string, message: Message | undefined): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: { id: String(nextUpdateId), from: user, chat_instance: "ci", data, ...(message ? { message } : {}) },
  } as Update;
}
