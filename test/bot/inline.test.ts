import type { InlineQueryResultArticle, Update, User } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INLINE_LIMITS, POPULAR_TOPICS } from "../../src/bot/features/inline.js";
import { FAQ_TOPICS } from "../../src/rules/index.js";
import { parseTelegramHtml, violations } from "../fuzz/telegramRules.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { makeUser } from "../helpers/updates.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());
const t = (lng: string) => h.services.i18n.getFixedT(lng);

let nextId = 900_000;
/** An inline query as Telegram sends it: a sender, the text after @bot, and no chat. */
function inlineUpdate(user: User, query: string): Update {
  nextId++;
  return { update_id: nextId, inline_query: { id: `iq${nextId}`, from: user, query, offset: "", chat_type: "supergroup" } } as Update;
}

interface Answer {
  results: InlineQueryResultArticle[];
  cache_time?: number;
  is_personal?: boolean;
  button?: { text: string; start_parameter: string };
  inline_query_id: string;
}

/** Sends the query and returns the bot's answerInlineQuery (exactly one per query). */
async function ask(user: User, query: string): Promise<Answer> {
  const mark = h.api.calls.length;
  const update = inlineUpdate(user, query);
  await h.bot.handleUpdate(update);
  const calls = h.api.calls.slice(mark);
  const answers = calls.filter((c) => c.method === "answerInlineQuery");
  expect(answers).toHaveLength(1);
  expect(calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
  const payload = answers[0]!.payload as unknown as Answer;
  expect(payload.inline_query_id).toBe(update.inline_query!.id);
  return { ...payload, results: typeof payload.results === "string" ? JSON.parse(payload.results) : payload.results };
}

/** Every rule of answerInlineQuery a result would break (core.telegram.org/bots/api#answerinlinequery). */
function check(answer: Answer): void {
  expect(answer.results.length).toBeLessThanOrEqual(INLINE_LIMITS.results);
  const ids = new Set<string>();
  for (const r of answer.results) {
    expect(r.type).toBe("article");
    expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
    expect(ids.has(r.id)).toBe(false);
    ids.add(r.id);
    expect(r.title.trim()).not.toBe("");
    expect(r.description!.trim()).not.toBe("");
    const content = r.input_message_content as { message_text: string; parse_mode: string };
    expect(content.parse_mode).toBe("HTML");
    const parsed = parseTelegramHtml(content.message_text);
    expect(parsed, `${r.id}: ${parsed.ok ? "" : parsed.error}`).toMatchObject({ ok: true });
    if (parsed.ok) expect(parsed.text.length).toBeLessThanOrEqual(4096);
    // The shared answer's button: checked with the message rules (text length, a URL).
    expect(violations({ method: "sendMessage", payload: { text: "x", reply_markup: r.reply_markup } })).toEqual([]);
  }
  expect(answer.cache_time).toBeGreaterThan(0);
  expect(answer.cache_time).toBeLessThanOrEqual(300);
  expect(answer.is_personal).toBe(true);
}

const text = (r: InlineQueryResultArticle) => (r.input_message_content as { message_text: string }).message_text;

describe("inline mode", () => {
  it.each([
    ["en", "photo size", "photo"],
    ["ru", "размер фото", "photo"],
    ["kk", "фото өлшемі", "photo"],
    ["de", "Größe des Passfotos", "photo"],
    ["en", "how much is the e-visa", "fee_evisa"],
    ["ru", "сколько стоит электронная виза", "fee_evisa"],
    ["kk", "электрондық виза қанша тұрады", "fee_evisa"],
    ["de", "Was kostet das E-Visum", "fee_evisa"],
  ])("in %s, %j offers the sourced answer first, in that language, within Telegram's limits", async (lng, query, topic) => {
    const answer = await ask(makeUser({ language_code: lng }), query);
    check(answer);
    expect(answer.results.length).toBeGreaterThan(0);
    const first = answer.results[0]!;
    expect(first.title).toBe(t(lng)(`faq:topic.${topic}.title`));
    expect(text(first)).toContain(`<b>${t(lng)(`faq:topic.${topic}.title`)}</b>`);
    expect(text(first)).toContain(t(lng)("facts:sources.title"));
    expect(first.reply_markup?.inline_keyboard[0]![0]).toMatchObject({ url: `https://t.me/${h.api.botInfo.username}?start=inline` });
  });

  it.each([
    ["en", ""],
    ["ru", ""],
    ["kk", ""],
    ["de", ""],
    ["en", "hi"],
  ])("in %s, the query %j offers the popular topics", async (lng, query) => {
    const answer = await ask(makeUser({ language_code: lng }), query);
    check(answer);
    expect(answer.results.map((r) => r.title)).toEqual(POPULAR_TOPICS.map((id) => t(lng)(`faq:topic.${id}.title`)));
    expect(answer.button).toBeUndefined();
  });

  it.each(["en", "ru", "kk", "de"])("in %s, a query nothing matches gets no results and a button to the private chat", async (lng) => {
    const answer = await ask(makeUser({ language_code: lng }), "xqzv blorpt wibble");
    check(answer);
    expect(answer.results).toEqual([]);
    expect(answer.button).toEqual({ text: t(lng)("inline:no_match"), start_parameter: "inline" });
  });

  it("answers in the language chosen with /language over Telegram's", async () => {
    const person = new TestUser(h, { id: 4242, language_code: "en" });
    await person.send("/start lang_kk");
    const answer = await ask(person.user, "photo size");
    expect(answer.results[0]!.title).toBe(t("kk")("faq:topic.photo.title"));
    expect(answer.results.every((r) => r.id.endsWith(":kk"))).toBe(true);
  });

  it("a language the bot does not speak gets English", async () => {
    const answer = await ask(makeUser({ language_code: "fr" }), "photo size");
    expect(answer.results[0]!.title).toBe(t("en")("faq:topic.photo.title"));
  });

  it("every topic fits an inline result in every language", async () => {
    // Each topic is found by its own title; whatever comes back must be valid.
    for (const lng of ["en", "ru", "kk", "de"]) {
      for (const topic of FAQ_TOPICS) {
        check(await ask(makeUser({ id: 5000, language_code: lng }), t(lng)(`faq:topic.${topic.id}.title`)));
        h.clock.advance(1_000); // past the fair-use window's count
      }
    }
  }, 60_000);

  it.each([
    ["very long", "photo size ".repeat(600)],
    ["control characters", "photo\u0000\u0007 size\u202e\u200b\r\n\t"],
    ["HTML", '<b>photo</b> size <a href="javascript:x">&amp;</a> <script>alert(1)</script>'],
    ["only spaces and controls", " \u0000 \u0001 "],
    ["emoji and RTL", "📷 حجم الصورة 📷"],
  ])("a hostile query (%s) gets a valid answer, never an error", async (_name, query) => {
    const answer = await ask(makeUser({ id: 6000 }), query);
    check(answer);
    expect(h.logs.join("")).not.toMatch(/"level":50/);
  });

  it("does not disturb a /check the person has open in the private chat", async () => {
    const person = new TestUser(h, { id: 7070 });
    await person.send("/check");
    const question = person.lastText();
    check(await ask(person.user, "photo size"));
    await person.send("/cancel");
    expect(person.lastText()).not.toBe(question);
    expect(person.lastText()).toBe(t("en")("cancel.done"));
  });
});
