import type { InlineKeyboard } from "grammy";
import { almatyToday, FAQ_GROUPS, findTopic, mrpKzt, type FaqGroup } from "../../rules/index.js";
import type { BotContext } from "../context.js";
import { answerKeyboard, FAQ_CB, groupsKeyboard, suggestionsKeyboard, topicsKeyboard } from "../faq/menu.js";
import type { SearchResult } from "../faq/search/index.js";
import { answerCache } from "../faq/answerCache.js";
import { yearsNamed } from "../faq/yearsNamed.js";
import { ACTION } from "../keyboards.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * The knowledge base: `/faq` opens a menu of topic groups that is edited in place as the person
 * browses; any other text in a private chat is taken as a question and answered (with "Also about"
 * buttons when the match is likely but not certain, with both programs' answers when it named neither
 * and they differ), offered as "did you mean" buttons when the match is weak, or met with "not covered"
 * and where to ask, or with what the bot can do when the question is outside its scope. Greetings,
 * thanks and "who are you" get a short reply.
 */
export const faqFeature = new FeatureComposer<BotContext>();

const today = (ctx: BotContext) => almatyToday(ctx.services.clock.now());

function answerOf(ctx: BotContext, topicId: string): { text: string; keyboard: InlineKeyboard; mrpFees: boolean } {
  const answer = answerCache(ctx.services.i18n).answer(topicId, ctx.locale, today(ctx));
  return { text: answer.html, keyboard: answerKeyboard(ctx.t, answer.topic.related), mrpFees: answer.mrpFees };
}

/**
 * A question about fees in a year whose MRP is not in the data ("what does B12-1 cost in 2027?"): the answer gives
 * tenge of this year, so it says which year that is and that the asked year's amount is not known (never guessed).
 */
function unknownMrpYear(ctx: BotContext, question: string): string {
  const shown = Number(today(ctx).slice(0, 4));
  const year = yearsNamed(question).find((y) => y !== shown && mrpKzt(y) === undefined);
  return year === undefined ? "" : `\n\n${ctx.t("faq:ui.mrp_year_unknown", { year, shown })}`;
}

const html = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

/** Edits the message the button sits on; falls back to a new message if it can no longer be edited. */
async function show(ctx: BotContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(text, { ...html, reply_markup: keyboard });
  } catch {
    await ctx.reply(text, { ...html, reply_markup: keyboard });
  }
}

faqFeature.command("faq", (ctx) => ctx.reply(ctx.t("faq:ui.menu_title"), { ...html, reply_markup: groupsKeyboard(ctx.t) }));

faqFeature.callbackQuery([FAQ_CB.menu, ACTION.faq], async (ctx) => {
  await ctx.answerCallbackQuery();
  await show(ctx, ctx.t("faq:ui.menu_title"), groupsKeyboard(ctx.t));
});

faqFeature.callbackQuery(/^faq:g:([a-z_]+):(\d{1,2})$/, async (ctx) => {
  const group = ctx.match[1] as FaqGroup;
  if (!FAQ_GROUPS.includes(group)) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
  await ctx.answerCallbackQuery();
  await show(ctx, ctx.t("faq:ui.group_title", { group: ctx.t(`faq:group.${group}`) }), topicsKeyboard(ctx.t, group, Number(ctx.match[2])));
});

faqFeature.callbackQuery(/^faq:t:([a-z0-9_]+)$/, async (ctx) => {
  const id = ctx.match[1]!;
  if (!findTopic(id)) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
  await ctx.answerCallbackQuery();
  const { text, keyboard } = answerOf(ctx, id);
  await show(ctx, text, keyboard);
});

faqFeature.chatType("private").on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  const { text, keyboard } = replyTo(ctx, ctx.services.faq().search(ctx.message.text), ctx.message.text);
  await ctx.reply(text, { ...html, ...(keyboard ? { reply_markup: keyboard } : {}) });
});

/** The reply to a question, from what the search found. */
function replyTo(ctx: BotContext, result: SearchResult, question: string): { text: string; keyboard?: InlineKeyboard } {
  const ids = result.topics.map((x) => x.id);
  if (result.chat) return { text: ctx.t(`faq:chat.${result.chat}`) };
  if (result.confidence === "none") {
    return { text: ctx.t(result.none === "not_covered" ? "faq:ui.not_covered" : "faq:chat.out_of_scope"), keyboard: groupsKeyboard(ctx.t) };
  }
  if (result.confidence === "weak") return { text: ctx.t("faq:ui.did_you_mean"), keyboard: suggestionsKeyboard(ctx.t, ids) };
  const answered = result.both ? ids.slice(0, 2) : ids.slice(0, 1);
  const answers = answered.map((id) => answerOf(ctx, id));
  const joined = result.both ? `${ctx.t("faq:ui.both_programs")}\n\n${answers.map((a) => a.text).join("\n\n➖➖➖\n\n")}` : answers[0]!.text;
  const text = answers.some((a) => a.mrpFees) ? `${joined}${unknownMrpYear(ctx, question)}` : joined;
  const also = result.confidence === "likely" ? ids.filter((id) => !answered.includes(id)) : [];
  if (also.length === 0) return { text, keyboard: answers[0]!.keyboard };
  return { text: `${text}\n\n${ctx.t("faq:ui.also_about")}`, keyboard: suggestionsKeyboard(ctx.t, also) };
}
