import { InlineKeyboard } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { almatyToday, findTopic } from "../../rules/index.js";
import type { BotContext } from "../context.js";
import { answerCache } from "../faq/answerCache.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * Inline mode: `@bot photo size` typed in any chat offers the FAQ's sourced answers as articles to
 * share, in the person's language (their /language choice, else Telegram's language code: the
 * i18n middleware has set `ctx.locale`). It runs before the chatless filter, as inline queries carry
 * no chat, and never reaches the flows.
 */
export const inlineFeature = new FeatureComposer<BotContext>();

/** Telegram's limits for answerInlineQuery (core.telegram.org/bots/api#answerinlinequery). */
export const INLINE_LIMITS = { results: 10, messageText: 4096, resultIdBytes: 64, query: 256 } as const;
/** Lengths we keep titles and descriptions to, so they show in one or two lines in the result list. */
const TITLE_MAX = 100;
const DESCRIPTION_MAX = 120;
/**
 * Seconds Telegram may cache an answer. Short: a new release changes answers, and `is_personal` keeps one
 * person's language from being served to another.
 */
export const INLINE_CACHE_SECONDS = 60;
/** Offered for an empty query ("@bot "): the questions people ask most about applying. */
export const POPULAR_TOPICS = ["compare", "fee_evisa", "docs_residence", "docs_b121", "processing_times", "photo"] as const;
/** Deep-link payload of the "ask the bot" button (start.ts shows the welcome for it). */
export const INLINE_START_PAYLOAD = "inline";

/** The visible text of Telegram HTML: tags dropped, the three escapes (and &quot;) read back. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** `text` cut to `max` characters (whole code points) with an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/** The query as searched: control characters gone, spaces collapsed, at most Telegram's 256 characters. */
export function cleanQuery(query: string): string {
  // eslint-disable-next-line no-control-regex
  return clip(query.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, " ").replace(/\s+/g, " ").trim(), INLINE_LIMITS.query);
}

/**
 * Articles already rendered, for one day (answers depend on the day: MRP year, pilot note, review dates):
 * at most one per topic and language, as a person typing sends a query per keystroke.
 */
const rendered = { day: "", articles: new Map<string, InlineQueryResultArticle | undefined>() };

function cachedArticle(ctx: BotContext, topicId: string, today: string): InlineQueryResultArticle | undefined {
  if (rendered.day !== today) {
    rendered.articles.clear();
    rendered.day = today;
  }
  const key = `${ctx.me.username}|${ctx.locale}|${topicId}`;
  if (!rendered.articles.has(key)) rendered.articles.set(key, article(ctx, topicId, today));
  return rendered.articles.get(key);
}

/** One FAQ topic as an article: its title, the opening of the answer, and the whole sourced answer to send. */
function article(ctx: BotContext, topicId: string, today: string): InlineQueryResultArticle | undefined {
  const answer = answerCache(ctx.services.i18n).answer(topicId, ctx.locale, today);
  if (visibleText(answer.html).length > INLINE_LIMITS.messageText) {
    ctx.services.logger.warn({ topic: topicId, locale: ctx.locale }, "FAQ answer too long for an inline result; left out");
    return undefined;
  }
  const opening = visibleText(answer.text).slice(visibleText(`<b>${answer.title}</b>`).length).replace(/\s+/g, " ").trim();
  const keyboard = new InlineKeyboard().url(ctx.t("inline:ask_bot", { bot: ctx.me.username }), `https://t.me/${ctx.me.username}?start=${INLINE_START_PAYLOAD}`);
  return {
    type: "article",
    id: `faq:${topicId}:${ctx.locale}`,
    title: clip(answer.title, TITLE_MAX),
    description: clip(opening, DESCRIPTION_MAX),
    input_message_content: { message_text: answer.html, parse_mode: "HTML", link_preview_options: { is_disabled: true } },
    reply_markup: keyboard,
  };
}

/** The topics to offer for a query: popular ones when empty or a greeting, else what the FAQ search found (best first). */
export function inlineTopics(ctx: BotContext, query: string): string[] {
  if (query === "") return [...POPULAR_TOPICS];
  const result = ctx.services.faq().search(query);
  if (result.chat) return [...POPULAR_TOPICS];
  if (result.confidence === "none") return [];
  const found = result.topics.map((x) => x.id);
  // A sure answer is followed by the topics it names as related: what the person may want to share next.
  const related = result.confidence === "confident" ? (findTopic(found[0]!)?.related ?? []) : [];
  return [...new Set([...found, ...related])].filter((id) => findTopic(id)).slice(0, INLINE_LIMITS.results);
}

inlineFeature.on("inline_query", async (ctx) => {
  const query = cleanQuery(ctx.inlineQuery.query);
  const today = almatyToday(ctx.services.clock.now());
  const results = inlineTopics(ctx, query)
    .map((id) => cachedArticle(ctx, id, today))
    .filter((r): r is InlineQueryResultArticle => r !== undefined);
  await ctx.answerInlineQuery(results, {
    cache_time: INLINE_CACHE_SECONDS,
    is_personal: true,
    // Nothing found: a button that opens the private chat, where the bot asks back or offers the topics.
    ...(results.length === 0 ? { button: { text: ctx.t("inline:no_match"), start_parameter: INLINE_START_PAYLOAD } } : {}),
  });
});
