import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Update, User } from "grammy/types";
import { BotApiEmulator, type ApiCall, type SentFile } from "./botApiEmulator.js";
import { makeStyles, renderTelegramHtml, type Styles } from "./renderHtml.js";

/** What the terminal chat needs from a bot: a way to feed it updates. */
export interface UpdateHandler {
  handleUpdate(update: Update): Promise<void>;
}

export interface TerminalChatOptions {
  input: Readable;
  output: Writable;
  /** The Telegram user the person at the keyboard plays. */
  user: User;
  /** Where documents the bot sends (e.g. calendar files) are saved. */
  downloadsDir: string;
  color: boolean;
  now?: () => number;
}

type Choice =
  | { kind: "callback"; label: string; data: string; chatId: number; messageId: number }
  | { kind: "url"; label: string; url: string }
  | { kind: "text"; label: string };

interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

const INDENT = "      ";
const QUIT = new Set(["/quit", "/exit"]);

/**
 * A Telegram chat in the terminal: lines typed become message updates for the same bot that runs
 * on Telegram, and its replies are printed, with inline keyboards as numbered choices (typing the
 * number presses the button). The bot talks to an in-process emulated Bot API, `emulator`.
 */
export class TerminalChat {
  readonly emulator: BotApiEmulator;
  private readonly styles: Styles;
  private readonly now: () => number;
  private choices: Choice[] = [];
  /**
   * The message a Telegram client is replying to: one the bot sent with `force_reply` opens the reply field, so the
   * next line typed goes out as a reply to it (the bot reads a typed time zone that way), as in the apps.
   */
  private replyTo: { chatId: number; messageId: number } | undefined;
  private nextUpdateId = 1;
  private nextMessageId = 1_000_000;
  private readonly interactive: boolean;

  constructor(private readonly opts: TerminalChatOptions) {
    this.styles = makeStyles(opts.color);
    this.now = opts.now ?? Date.now;
    this.emulator = new BotApiEmulator(undefined, this.now, (call, result) => this.show(call, result));
    this.interactive = Boolean((opts.input as { isTTY?: boolean }).isTTY);
  }

  /** Reads lines until the person quits or input ends; each line is handled before the next. */
  async run(bot: UpdateHandler, banner: string[]): Promise<void> {
    for (const line of banner) this.print(this.styles.dim(line));
    const rl = createInterface({ input: this.opts.input, output: this.interactive ? this.opts.output : undefined });
    const prompt = () => {
      if (this.interactive) {
        rl.setPrompt(this.styles.accent("you › "));
        rl.prompt();
      }
    };
    prompt();
    for await (const raw of rl) {
      const line = raw.trim();
      if (QUIT.has(line.toLowerCase())) break;
      if (line) {
        if (!this.interactive) this.print(`${this.styles.accent("you ›")} ${line}`);
        const update = this.toUpdate(line);
        if (update) await bot.handleUpdate(update);
      }
      prompt();
    }
    rl.close();
  }

  /** Turns a typed line into an update: a button press for a listed number, else a text message. */
  private toUpdate(line: string): Update | undefined {
    const literal = line.startsWith("'");
    const n = Number(line);
    const choice = !literal && /^\d{1,2}$/.test(line) ? this.choices[n - 1] : undefined;
    if (choice?.kind === "url") {
      this.print(`${INDENT}${this.styles.dim("opens")} ${this.styles.accent(choice.url)}`);
      return undefined;
    }
    if (choice?.kind === "callback") {
      const message = this.emulator.message(choice.chatId, choice.messageId);
      return {
        update_id: this.nextUpdateId++,
        callback_query: {
          id: String(this.nextUpdateId),
          from: this.opts.user,
          chat_instance: "local",
          data: choice.data,
          ...(message ? { message } : {}),
        },
      } as Update;
    }
    const text = choice?.kind === "text" ? choice.label : literal ? line.slice(1) : line;
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
    const repliedTo = this.replyTo && this.emulator.message(this.replyTo.chatId, this.replyTo.messageId);
    this.replyTo = undefined;
    return {
      update_id: this.nextUpdateId++,
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(this.now() / 1000),
        chat: { id: this.opts.user.id, type: "private", first_name: this.opts.user.first_name },
        from: this.opts.user,
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
        ...(repliedTo ? { reply_to_message: repliedTo } : {}),
      },
    } as Update;
  }

  /** Prints what the bot did through the emulated Bot API. */
  private show(call: ApiCall, result: unknown): void {
    const p = call.payload;
    const { bold, dim, italic } = this.styles;
    const text = (s: unknown) => (p.parse_mode === "HTML" ? renderTelegramHtml(String(s), this.styles) : String(s));
    switch (call.method) {
      case "sendMessage":
        this.printMessage(bold("bot ›"), text(p.text));
        break;
      case "editMessageText":
        this.printMessage(bold("bot ›") + dim(" (updated)"), text(p.text));
        break;
      case "sendPhoto": {
        const file = p.photo as SentFile | undefined;
        const saved = file && typeof file === "object" ? this.save(file) : "";
        this.printMessage(bold("bot ›"), `🖼 ${saved}${p.caption ? `\n${text(p.caption)}` : ""}`);
        break;
      }
      case "sendDocument": {
        const file = p.document as SentFile | undefined;
        const saved = file ? this.save(file) : "";
        this.printMessage(bold("bot ›"), `📎 ${saved}${p.caption ? `\n${text(p.caption)}` : ""}`);
        break;
      }
      case "answerCallbackQuery":
        if (p.text) this.print(`${INDENT}${italic(String(p.text))}`);
        return;
      case "editMessageReplyMarkup":
        break;
      default:
        return;
    }
    this.showKeyboard(p.reply_markup, result as { message_id?: number; chat?: { id: number } });
  }

  private showKeyboard(markup: unknown, message: { message_id?: number; chat?: { id: number } }): void {
    const m = (markup ?? {}) as { inline_keyboard?: InlineButton[][]; keyboard?: Array<Array<string | { text: string }>>; remove_keyboard?: boolean; force_reply?: boolean };
    if (m.force_reply && message.chat && message.message_id !== undefined) {
      // The buttons shown before stay pressable, as they do in Telegram.
      this.replyTo = { chatId: message.chat.id, messageId: message.message_id };
      this.print(INDENT + this.styles.dim("↩ your next message replies to this one"));
    } else if (m.inline_keyboard && message.chat && message.message_id !== undefined) {
      const chatId = message.chat.id;
      const messageId = message.message_id;
      this.choices = [];
      const rows = m.inline_keyboard.map((row) =>
        row.map((b) => {
          this.choices.push(
            b.url ? { kind: "url", label: b.text, url: b.url } : { kind: "callback", label: b.text, data: b.callback_data ?? "", chatId, messageId },
          );
          return `${this.styles.accent(`[${this.choices.length}]`)} ${b.text}`;
        }),
      );
      for (const row of rows) this.print(INDENT + row.join("   "));
    } else if (m.keyboard) {
      this.choices = m.keyboard.flat().map((b) => ({ kind: "text", label: typeof b === "string" ? b : b.text }));
      this.print(INDENT + this.choices.map((c, i) => `${this.styles.accent(`[${i + 1}]`)} ${c.label}`).join("   "));
    } else if (m.remove_keyboard || markup === undefined) {
      this.choices = [];
    }
  }

  private printMessage(prefix: string, body: string): void {
    const [first = "", ...rest] = body.split("\n");
    this.print(`${prefix} ${first}`);
    for (const line of rest) this.print(line ? INDENT + line : "");
  }

  private save(file: SentFile): string {
    mkdirSync(this.opts.downloadsDir, { recursive: true });
    const path = join(this.opts.downloadsDir, basename(file.filename));
    writeFileSync(path, file.bytes);
    return path;
  }

  private print(line: string): void {
    this.opts.output.write(`${line}\n`);
  }
}
