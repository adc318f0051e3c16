import type { Message, User } from "grammy/types";
import type { ApiCall } from "../../src/local/botApiEmulator.js";
import type { Harness } from "./testBot.js";
import { callbackUpdate, editedTextUpdate, makeUser, photoUpdate, stickerUpdate, textUpdate } from "./updates.js";

interface Button {
  text: string;
  callback_data?: string;
  url?: string;
}

const OUTGOING = new Set(["sendMessage", "editMessageText", "sendDocument"]);

/**
 * A person chatting with the bot, written to read like a dialogue:
 * `await user.send("/start"); expect(user.lastText()).toContain("Hello")`.
 */
export class TestUser {
  readonly user: User;
  private mark = 0;

  constructor(
    private harness: Harness,
    over: Partial<User> = {},
  ) {
    this.user = makeUser(over);
  }

  /** Continues the same person's chat with a rebuilt bot (after a restart). */
  useHarness(harness: Harness): void {
    this.harness = harness;
    this.mark = harness.api.calls.length;
  }

  private get now(): number {
    return Math.floor(this.harness.clock.now() / 1000);
  }

  private async deliver(update: Parameters<Harness["bot"]["handleUpdate"]>[0]): Promise<void> {
    this.mark = this.harness.api.calls.length;
    await this.harness.bot.handleUpdate(update);
  }

  send(text: string): Promise<void> {
    return this.deliver(textUpdate(this.user, text, this.now));
  }

  /** Answers the bot's latest message that asked for a typed reply (force_reply), as Telegram's reply field does. */
  reply(text: string): Promise<void> {
    const calls = this.harness.api.calls;
    for (let i = calls.length - 1; i >= 0; i--) {
      const c = calls[i]!;
      const asks = (c.payload.reply_markup as { force_reply?: boolean } | undefined)?.force_reply === true;
      if (c.method !== "sendMessage" || !asks || c.result === undefined || Number(c.payload.chat_id) !== this.user.id) continue;
      const update = textUpdate(this.user, text, this.now) as unknown as { message: Record<string, unknown> };
      update.message.reply_to_message = c.result;
      return this.deliver(update as never);
    }
    throw new Error("No message of the bot asked for a reply");
  }

  sendInGroup(text: string, groupId = -100500): Promise<void> {
    return this.deliver(textUpdate(this.user, text, this.now, { id: groupId, type: "group", title: "Nomads" }));
  }

  sendSticker(): Promise<void> {
    return this.deliver(stickerUpdate(this.user, this.now));
  }

  sendPhoto(): Promise<void> {
    return this.deliver(photoUpdate(this.user, this.now));
  }

  editMessage(text: string): Promise<void> {
    return this.deliver(editedTextUpdate(this.user, text, this.now));
  }

  /** Presses the button whose label contains `label` on the latest message that shows one. */
  async press(label: string | RegExp): Promise<void> {
    const found = this.findButton(label);
    if (!found) throw new Error(`No button matching ${String(label)}; buttons: ${this.buttons().join(" | ")}`);
    await this.pressData(found.button.callback_data ?? "", found.message);
  }

  /** Sends raw callback data, as a crafted or stale button would. */
  pressData(data: string, message?: Message): Promise<void> {
    return this.deliver(callbackUpdate(this.user, data, message));
  }

  /** Calls the bot made since this user's last action. */
  calls(): ApiCall[] {
    return this.harness.api.calls.slice(this.mark);
  }

  /** Texts the bot sent or edited to this user since the last action (calls that failed are not seen). */
  replies(): string[] {
    return this.calls()
      .filter((c) => OUTGOING.has(c.method) && c.result !== undefined && Number(c.payload.chat_id) === this.user.id)
      .map((c) => String(c.payload.text ?? c.payload.caption ?? ""));
  }

  lastText(): string {
    return this.replies().at(-1) ?? "";
  }

  /** Toast texts shown for button presses since the last action. */
  notices(): string[] {
    return this.calls()
      .filter((c) => c.method === "answerCallbackQuery")
      .map((c) => String(c.payload.text ?? ""));
  }

  /** Labels of the buttons on the latest message that has any. */
  buttons(): string[] {
    return this.latestKeyboard()?.rows.flat().map((b) => b.text) ?? [];
  }

  private latestKeyboard(): { rows: Button[][]; message: Message | undefined } | undefined {
    const calls = this.harness.api.calls;
    for (let i = calls.length - 1; i >= 0; i--) {
      const c = calls[i]!;
      if ((!OUTGOING.has(c.method) && c.method !== "editMessageReplyMarkup") || c.result === undefined) continue;
      if (Number(c.payload.chat_id) !== this.user.id) continue;
      const rows = (c.payload.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard;
      if (!rows) continue;
      const messageId = (c.result as Message | undefined)?.message_id;
      return { rows, message: messageId === undefined ? undefined : this.harness.api.message(this.user.id, messageId) };
    }
    return undefined;
  }

  private findButton(label: string | RegExp): { button: Button; message: Message | undefined } | undefined {
    const kb = this.latestKeyboard();
    const button = kb?.rows.flat().find((b) => (typeof label === "string" ? b.text.includes(label) : label.test(b.text)));
    return button && kb ? { button, message: kb.message } : undefined;
  }
}
