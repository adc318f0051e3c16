import type { Message, UserFromGetMe } from "grammy/types";
import type { FaultPlan } from "./faultPlan.js";
import { parseMultipart } from "./multipart.js";

/** One Bot API request as the bot made it. Files sent by multipart arrive as `{ filename, content }`. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** What the emulator answered; absent when the call failed. */
  result?: unknown;
  /** The injected fault this call met, if any (`reset`, `lost`, `429`, `500`, …). */
  fault?: string;
}

export interface SentFile {
  filename: string;
  /** The file read as UTF-8 text (documents such as .ics). */
  content: string;
  /** The file's bytes as sent (a picture). */
  bytes: Buffer;
}

/** A Bot API error to hand back instead of a result (see `failNext`). */
export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export const LOCAL_BOT_INFO: UserFromGetMe = {
  id: 777000111,
  is_bot: true,
  first_name: "Nomad KZ",
  username: "nomad_kz_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

const SENDING_METHODS = new Set(["sendMessage", "sendDocument", "sendPhoto"]);
const EDITING_METHODS = new Set(["editMessageText", "editMessageReplyMarkup"]);
const TRUE_METHODS = new Set([
  "answerCallbackQuery",
  "answerInlineQuery",
  "deleteMessage",
  "deleteWebhook",
  "sendChatAction",
  "setMyCommands",
  "setMyDescription",
  "setMyShortDescription",
  "setChatMenuButton",
]);

/**
 * An in-process stand-in for the Telegram Bot API: it answers the methods this bot uses with
 * realistic results, remembers the messages it "sent" so edits and button presses work, records
 * every call, and can be told to fail the next call of a method. Plugged in as grammY's
 * `client.fetch`, it also sees the calls made inside conversations.
 */
export class BotApiEmulator {
  readonly calls: ApiCall[] = [];
  private readonly messages = new Map<string, Message>();
  private readonly failures: Array<{ method: string; failure: ApiFailure }> = [];
  private nextMessageId = 1;

  constructor(
    readonly botInfo: UserFromGetMe = LOCAL_BOT_INFO,
    private readonly now: () => number = Date.now,
    private readonly onCall?: (call: ApiCall, result: unknown) => void,
  ) {}

  /** Injected faults: each call asks the plan whether (and how) to fail; see `FaultPlan`. */
  faults: FaultPlan | undefined;

  /** Makes the next call of `method` fail with `failure` (queued; each is used once). */
  failNext(method: string, failure: ApiFailure): void {
    this.failures.push({ method, failure });
  }

  /** A message the bot sent or edited, as it stands now. */
  message(chatId: number, messageId: number): Message | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** Handles one request; returns the Bot API's JSON envelope. */
  handle(method: string, payload: Record<string, unknown>): { ok: true; result: unknown } | ({ ok: false } & ApiFailure) {
    const call: ApiCall = { method, payload };
    this.calls.push(call);
    const i = this.failures.findIndex((f) => f.method === method);
    if (i >= 0) {
      const { failure } = this.failures.splice(i, 1)[0]!;
      return { ok: false, ...failure };
    }
    const rows = (payload.reply_markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard;
    if (rows?.some((row) => row.length === 0)) {
      return { ok: false, error_code: 400, description: "Bad Request: inline keyboard rows must not be empty" };
    }
    const result = this.result(method, payload);
    if (result === undefined) {
      return { ok: false, error_code: 404, description: `Not Found: method ${method} is not emulated` };
    }
    call.result = result;
    this.onCall?.(call, result);
    return { ok: true, result };
  }

  /** grammY's `client.fetch`: decodes the request (JSON or multipart) and answers like the real server. */
  readonly fetch = async (input: unknown, init?: { body?: unknown; headers?: Record<string, string> }) => {
    const url = String(input instanceof URL ? input.href : input);
    const method = url.slice(url.lastIndexOf("/") + 1);
    const payload = await decodeBody(init?.body, init?.headers?.["content-type"] ?? "");
    const fault = this.faults?.next(method);
    if (fault?.kind === "reset") {
      // The connection dropped before the request was processed: nothing happened.
      this.calls.push({ method, payload, fault: "reset" });
      throw connectionError("ECONNRESET");
    }
    if (fault?.kind === "refused") throw connectionError("ECONNREFUSED");
    if (fault?.kind === "http") {
      this.calls.push({ method, payload, fault: String(fault.failure.error_code) });
      return new Response(JSON.stringify({ ok: false, ...fault.failure }), { status: fault.failure.error_code, headers: { "content-type": "application/json" } });
    }
    const envelope = this.handle(method, payload);
    if (fault?.kind === "lost") {
      // Processed (a message was sent), then the response was lost on the way back.
      this.calls.at(-1)!.fault = "lost";
      throw connectionError("ECONNRESET");
    }
    return new Response(JSON.stringify(envelope), {
      status: envelope.ok ? 200 : envelope.error_code,
      headers: { "content-type": "application/json" },
    });
  };

  private result(method: string, payload: Record<string, unknown>): unknown {
    if (method === "getMe") return this.botInfo;
    if (TRUE_METHODS.has(method)) return true;
    if (SENDING_METHODS.has(method)) return this.store(this.newMessage(payload));
    if (EDITING_METHODS.has(method)) {
      const key = `${String(payload.chat_id)}:${String(payload.message_id)}`;
      const old = this.messages.get(key);
      if (!old) return undefined;
      const edited = { ...old, edit_date: this.seconds() } as Message & Record<string, unknown>;
      if (method === "editMessageText") edited.text = String(payload.text);
      edited.reply_markup = payload.reply_markup as Message["reply_markup"];
      return this.store(edited);
    }
    return undefined;
  }

  private newMessage(payload: Record<string, unknown>): Message {
    const chatId = Number(payload.chat_id);
    const message: Record<string, unknown> = {
      message_id: this.nextMessageId++,
      date: this.seconds(),
      chat: chatId > 0 ? { id: chatId, type: "private", first_name: "User" } : { id: chatId, type: "group", title: "Group" },
      from: this.botInfo,
    };
    if (typeof payload.text === "string") message.text = payload.text;
    if (payload.reply_markup) message.reply_markup = payload.reply_markup;
    if (payload.document) {
      const file = payload.document as SentFile;
      message.document = { file_id: `file-${message.message_id}`, file_unique_id: `u${message.message_id}`, file_name: file.filename };
      if (typeof payload.caption === "string") message.caption = payload.caption;
    }
    if (payload.photo && typeof payload.photo === "object") {
      // A photo uploaded as a file; its size is read from the PNG header when it is one (0 otherwise).
      const file = payload.photo as SentFile;
      const { width, height } = pngSize(file.bytes);
      message.photo = [{ file_id: `photo-${message.message_id}`, file_unique_id: `p${message.message_id}`, width, height, file_size: file.bytes.length }];
      if (typeof payload.caption === "string") message.caption = payload.caption;
    }
    return message as unknown as Message;
  }

  private store(message: Message): Message {
    this.messages.set(`${message.chat.id}:${message.message_id}`, message);
    return message;
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }
}

/** Width and height from a PNG's IHDR chunk; zeros for anything else. */
function pngSize(content: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (content.length < 24 || signature.some((b, i) => content[i] !== b)) return { width: 0, height: 0 };
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A network failure shaped like node-fetch's (the code on the error) and undici's (on its cause). */
function connectionError(code: string): Error {
  return Object.assign(new Error(`emulated network failure: ${code}`), { code, cause: { code } });
}

/** Decodes a grammY request body: a JSON string, or a multipart stream whose files become `SentFile`s. */
async function decodeBody(body: unknown, contentType: string): Promise<Record<string, unknown>> {
  if (body === undefined || body === null) return {};
  if (typeof body === "string") return JSON.parse(body) as Record<string, unknown>;
  const response = new Response(body as ConstructorParameters<typeof Response>[0], { headers: { "content-type": contentType } });
  if (!contentType.startsWith("multipart/")) {
    const text = await response.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1] ?? "";
  const fields: Record<string, unknown> = {};
  const files: Record<string, SentFile> = {};
  for (const part of parseMultipart(Buffer.from(await response.arrayBuffer()), boundary)) {
    const text = part.content.toString("utf8");
    if (part.filename !== undefined) files[part.name] = { filename: part.filename, content: text, bytes: part.content };
    else fields[part.name] = /^[[{]/.test(text) ? safeJson(text) : text;
  }
  // Files travel as separate parts; the field names them as attach://<part name>.
  for (const [name, value] of Object.entries(fields)) {
    const attached = typeof value === "string" && value.startsWith("attach://") ? files[value.slice(9)] : undefined;
    if (attached) fields[name] = attached;
  }
  return fields;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
