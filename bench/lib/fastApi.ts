/**
 * The Bot API as a benchmark needs it: a `client.fetch` that answers at once, with a message for every
 * send and `true` for the rest, and keeps only what the checks read (the calls of each chat since it was
 * last read). No HTTP, no call log that grows: what is measured is the bot, not the fake.
 */
export interface Sent {
  method: string;
  payload: Record<string, unknown>;
  result?: Record<string, unknown>;
}

const SENDS = new Set(["sendMessage", "sendDocument", "sendPhoto", "editMessageText", "editMessageReplyMarkup"]);

export class FastApi {
  private nextMessageId = 1;
  private readonly pending = new Map<number, Sent[]>();
  calls = 0;
  /** Told of every call as it arrives (for `mixed.ts --split`). */
  onCall?: (method: string, payload: Record<string, unknown>) => void;
  /**
   * Answer on the next turn of the event loop, as a reply read from a socket arrives, instead of within
   * the same microtask run. With answers at once an update that never waits on a timer runs to its end
   * without yielding, and a conversation step (which waits on a `setTimeout(0)` inside the plugin) waits
   * until every other update in flight has done so too.
   */
  deferred = false;
  /** Callback queries answered, by id (answerCallbackQuery names no chat). */
  readonly answered = new Set<string>();

  readonly botInfo = {
    id: 777000111,
    is_bot: true as const,
    first_name: "Nomad KZ",
    username: "nomad_kz_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  };

  /** Takes the calls made for `chatId` since the last take. */
  take(chatId: number): Sent[] {
    const list = this.pending.get(chatId) ?? [];
    this.pending.delete(chatId);
    return list;
  }

  readonly fetch = async (input: unknown, init?: { body?: unknown }) => {
    const url = String(input);
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    this.calls++;
    this.onCall?.(method, payload);
    let result: unknown = true;
    if (method === "answerCallbackQuery") this.answered.add(String(payload.callback_query_id));
    if (method === "getMe") result = this.botInfo;
    else if (SENDS.has(method)) {
      const chatId = Number(payload.chat_id);
      const message: Record<string, unknown> = {
        message_id: method.startsWith("edit") ? Number(payload.message_id) : this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private", first_name: "User" },
        from: this.botInfo,
      };
      if (typeof payload.text === "string") message.text = payload.text;
      if (payload.reply_markup) message.reply_markup = payload.reply_markup;
      result = message;
    }
    const chatId = Number(payload.chat_id ?? NaN);
    if (!Number.isNaN(chatId)) {
      let list = this.pending.get(chatId);
      if (!list) this.pending.set(chatId, (list = []));
      list.push({ method, payload, result: result as Record<string, unknown> });
    }
    const body = JSON.stringify({ ok: true, result });
    if (this.deferred) await new Promise<void>((r) => setImmediate(r));
    return { json: async () => JSON.parse(body) as unknown, ok: true, status: 200 };
  };
}
