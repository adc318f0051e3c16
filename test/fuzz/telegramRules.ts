/**
 * What Telegram's Bot API would reject in a call the bot makes: texts and captions over their
 * limits or empty, invalid HTML for the HTML parse mode, callback data over 64 bytes, empty
 * buttons or rows, toasts over 200 characters. The emulator accepts everything, so the fuzz test
 * checks each recorded call against these rules (written from core.telegram.org/bots/api).
 */
import type { ApiCall } from "../../src/local/botApiEmulator.js";

export const LIMITS = { text: 4096, caption: 1024, callbackData: 64, toast: 200, buttonText: 64 } as const;

/** Tags Telegram's HTML parse mode knows, with the attributes each may carry. */
const TAGS: Readonly<Record<string, RegExp>> = {
  b: /^$/, strong: /^$/, i: /^$/, em: /^$/, u: /^$/, ins: /^$/, s: /^$/, strike: /^$/, del: /^$/,
  code: /^( class="language-[\w+-]+")?$/,
  pre: /^$/,
  a: /^ href="[^"<>]*"$/,
  "tg-spoiler": /^$/,
  span: /^ class="tg-spoiler"$/,
  blockquote: /^( expandable)?$/,
  "tg-emoji": /^ emoji-id="\d+"$/,
};
const ENTITY = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;

/** Parses Telegram HTML; returns the visible text, or the first reason Telegram would refuse it. */
export function parseTelegramHtml(html: string): { ok: true; text: string } | { ok: false; error: string } {
  const open: string[] = [];
  let text = "";
  for (let i = 0; i < html.length; ) {
    const c = html[i]!;
    if (c === "<") {
      const m = /^<(\/?)([a-z][a-z-]*)([^<>]*)>/.exec(html.slice(i, i + 300));
      if (!m) return { ok: false, error: `unescaped "<" at ${i}` };
      const [whole, closing, name, attrs] = m as unknown as [string, string, string, string];
      const allowed = TAGS[name];
      if (!allowed) return { ok: false, error: `unsupported tag <${name}>` };
      if (closing) {
        if (attrs.trim() !== "") return { ok: false, error: `attributes on </${name}>` };
        if (open.pop() !== name) return { ok: false, error: `</${name}> closes nothing open` };
      } else {
        if (!allowed.test(attrs)) return { ok: false, error: `bad attributes on <${name}>: ${attrs}` };
        if (name === "pre" || name === "code") {
          if (open.includes("code")) return { ok: false, error: "nothing may nest in <code>" };
        }
        open.push(name);
      }
      i += whole.length;
    } else if (c === ">") {
      return { ok: false, error: `unescaped ">" at ${i}` };
    } else if (c === "&") {
      const m = ENTITY.exec(html.slice(i, i + 12));
      if (!m) return { ok: false, error: `unescaped "&" at ${i}` };
      text += "x";
      i += m[0].length;
    } else {
      text += c;
      i++;
    }
  }
  if (open.length > 0) return { ok: false, error: `<${open.at(-1)}> never closed` };
  return { ok: true, text };
}

interface Button {
  text?: string;
  callback_data?: string;
  url?: string;
}

/** Every rule `call` breaks, as readable sentences (none: Telegram would accept it). */
export function violations(call: ApiCall): string[] {
  const out: string[] = [];
  const p = call.payload;
  const html = p.parse_mode === "HTML";
  const checkText = (value: unknown, field: "text" | "caption", required: boolean) => {
    if (value === undefined && !required) return;
    if (typeof value !== "string") return void out.push(`${call.method}: ${field} is not a string`);
    const parsed = html ? parseTelegramHtml(value) : ({ ok: true, text: value } as const);
    if (!parsed.ok) return void out.push(`${call.method}: invalid HTML in ${field}: ${parsed.error}`);
    const length = parsed.text.length;
    if (required && parsed.text.trim() === "") out.push(`${call.method}: empty ${field}`);
    if (length > LIMITS[field]) out.push(`${call.method}: ${field} of ${length} characters (limit ${LIMITS[field]})`);
  };
  if (call.method === "sendMessage" || call.method === "editMessageText") checkText(p.text, "text", true);
  if (call.method === "sendDocument" || call.method === "sendPhoto") checkText(p.caption, "caption", false);
  if (call.method === "answerCallbackQuery" && typeof p.text === "string" && p.text.length > LIMITS.toast) {
    out.push(`answerCallbackQuery: toast of ${p.text.length} characters (limit ${LIMITS.toast})`);
  }
  const rows = (p.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard;
  for (const row of rows ?? []) {
    if (row.length === 0) out.push(`${call.method}: empty keyboard row`);
    for (const b of row) {
      if (!b.text || b.text.trim() === "") out.push(`${call.method}: button without text`);
      else if ([...b.text].length > LIMITS.buttonText) out.push(`${call.method}: button text of ${[...b.text].length} characters`);
      if (b.callback_data !== undefined) {
        const bytes = Buffer.byteLength(b.callback_data);
        if (bytes < 1 || bytes > LIMITS.callbackData) out.push(`${call.method}: callback_data of ${bytes} bytes`);
      } else if (!b.url) out.push(`${call.method}: button with neither callback_data nor url`);
    }
  }
  return out;
}
