import { InlineKeyboard } from "grammy";
import { getNode, STATELESS, type CheckState, type NodeId } from "../../rules/index.js";
import type { FlowContext } from "../../bot/context.js";
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

/** The question's text, in the user's language. */
export function questionText(ctx: FlowContext, id: NodeId): string {
  return ctx.t(`check:q.${id}`, checkVars(ctx.t, ctx.locale));
}

/** Options as buttons (two a row), then Back (after the first answer) and Restart. */
export function questionKeyboard(ctx: FlowContext, id: NodeId, state: CheckState): InlineKeyboard {
  const node = getNode(id);
  const kb = new InlineKeyboard();
  if (node.kind === "choice") {
    node.options.forEach((option, i) => {
      if (i > 0 && i % 2 === 0) kb.row();
      kb.text(ctx.t(`check:opt.${option}`), CB.answer(option));
    });
    kb.row();
  }
  // Someone with no citizenship at all can say so with one press (typing "stateless" works too).
  if (id === "citizenship") kb.text(ctx.t("check:opt.stateless"), CB.answer(STATELESS)).row();
  if (state.answered.length > 0) kb.text(ctx.t("check:btn.back"), CB.back);
  kb.text(ctx.t("check:btn.restart"), CB.restart);
  return kb;
}

/** Sends the question; returns the message id, so only this message's buttons count as answers. */
export async function ask(ctx: FlowContext, id: NodeId, state: CheckState): Promise<number> {
  const sent = await ctx.reply(questionText(ctx, id), { parse_mode: "HTML", reply_markup: questionKeyboard(ctx, id, state) });
  return sent.message_id;
}
