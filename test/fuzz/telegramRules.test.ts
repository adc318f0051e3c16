/** The fuzz test's judge of Telegram's rules must itself refuse what Telegram refuses. */
import { describe, expect, it } from "vitest";
import { parseTelegramHtml, violations } from "./telegramRules.js";

describe("Telegram's HTML parse mode, as the fuzz test reads it", () => {
  it.each([
    ["<b>bold</b> &amp; <i>it</i> &lt;3 &#128512;", "bold x it x3 x"],
    ['<a href="https://example.org/?a=1&amp;b=2">link</a>', "link"],
    ['<blockquote expandable><span class="tg-spoiler">s</span></blockquote>', "s"],
    ['<pre><code class="language-ts">x</code></pre>', "x"],
  ])("accepts %s", (html, text) => expect(parseTelegramHtml(html)).toEqual({ ok: true, text }));

  it.each(["a < b", "a > b", "Tom & Jerry", "<b>open", "<b><i>x</b></i>", "</b>", "<script>x</script>", "<span>x</span>", '<a href="x" onclick="y">x</a>', "<b class=\"x\">x</b>"])(
    "refuses %s",
    (html) => expect(parseTelegramHtml(html).ok).toBe(false),
  );

  it("refuses calls over Telegram's limits", () => {
    const kb = (data: string, text = "ok") => ({ inline_keyboard: [[{ text, callback_data: data }]] });
    expect(violations({ method: "sendMessage", payload: { chat_id: 1, text: "x".repeat(4097) } })).toHaveLength(1);
    expect(violations({ method: "sendMessage", payload: { chat_id: 1, text: "&amp;".repeat(4096), parse_mode: "HTML" } })).toEqual([]);
    expect(violations({ method: "sendMessage", payload: { chat_id: 1, text: "" } })).toHaveLength(1);
    expect(violations({ method: "sendDocument", payload: { chat_id: 1, caption: "x".repeat(1025) } })).toHaveLength(1);
    expect(violations({ method: "sendMessage", payload: { chat_id: 1, text: "x", reply_markup: kb("я".repeat(33)) } })).toHaveLength(1);
    expect(violations({ method: "sendMessage", payload: { chat_id: 1, text: "x", reply_markup: kb("ok", " ") } })).toHaveLength(1);
    expect(violations({ method: "sendMessage", payload: { chat_id: 1, text: "x", reply_markup: { inline_keyboard: [[]] } } })).toHaveLength(1);
    expect(violations({ method: "answerCallbackQuery", payload: { callback_query_id: "1", text: "x".repeat(201) } })).toHaveLength(1);
  });
});
