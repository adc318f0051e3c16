import { InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { getNode, STATELESS, type CheckState, type NodeId } from "../../rules/index.js";
import type { FlowContext } from "../../bot/context.js";
import type { TFunction } from "../../bot/i18n.js";
import type { Locale } from "../../store/index.js";
import { deepFreeze } from "../../bot/render/resourceCache.js";
import type { FixedTexts } from "./fixedTexts.js";
import { checkVars } from "./vars.js";

/** Callback data of the check's buttons. */
export const CB = {
  answer: (value: string) => `chk:a:${value}`,
  back: "chk:back",
  restart: "chk:restart",
  none: "chk:none",
  /** Reopens one answered question from the outcome. */
  change: (id: string) => `chk:chg:${id}`,
  /** The document checklist of a program's route. */
  docs: (program: string) => `chk:docs:${program}`,
} as const;

/** The question's text, in the user's language (built once per language: see fixedTexts). */
export function questionText(texts: FixedTexts, locale: Locale, id: NodeId): string {
  return texts.get(locale, `q:${id}`, (t) => t(`check:q.${id}`, checkVars(t, locale)));
}

/**
 * Options as buttons (two a row), then Back (after the first answer) and Restart. Depends only on the question,
 * the language and whether Back is shown, so it is built once for each and shared: frozen, handed out as the
 * reply markup object itself (never an InlineKeyboard that a caller could add rows to).
 */
export function questionKeyboard(texts: FixedTexts, locale: Locale, id: NodeId, state: CheckState): InlineKeyboardMarkup {
  const withBack = state.answered.length > 0;
  return texts.get(locale, `kb:${id}:${withBack ? "back" : "first"}`, (t) => deepFreeze(buildKeyboard(t, id, withBack)));
}

function buildKeyboard(t: TFunction, id: NodeId, withBack: boolean): InlineKeyboardMarkup {
  const node = getNode(id);
  const kb = new InlineKeyboard();
  if (node.kind === "choice") {
    node.options.forEach((option, i) => {
      if (i > 0 && i % 2 === 0) kb.row();
      kb.text(t(`check:opt.${option}`), CB.answer(option));
    });
    kb.row();
  }
  // Someone with no citizenship at all can say so with one press (typing "stateless" works too).
  if (id === "citizenship") kb.text(t("check:opt.stateless"), CB.answer(STATELESS)).row();
  if (withBack) kb.text(t("check:btn.back"), CB.back);
  kb.text(t("check:btn.restart"), CB.restart);
  return { inline_keyboard: kb.inline_keyboard };
}

/** Sends the question; returns the message id, so only this message's buttons count as answers. */
export async function ask(ctx: FlowContext, texts: FixedTexts, id: NodeId, state: CheckState): Promise<number> {
  const sent = await ctx.reply(questionText(texts, ctx.locale, id), { parse_mode: "HTML", reply_markup: questionKeyboard(texts, ctx.locale, id, state) });
  return sent.message_id;
}
