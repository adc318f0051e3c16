import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import {
  almatyToday,
  answerCurrent,
  assess,
  back,
  countryName,
  currentNode,
  initialState,
  OUTCOME,
  toProfile,
  type CheckState,
} from "../rules/index.js";
import type { BotContext, BotServices, FlowContext } from "../bot/context.js";
import { beginStep, Carry, MAX_INVALID_IN_A_ROW } from "./carry.js";
import { ask, CB, questionText } from "./check/ask.js";
import { interpret } from "./check/interpret.js";
import { outcomeKeyboard, renderProgramOutcome } from "./check/outcome.js";
import { checkVars } from "./check/vars.js";

export const CHECK_FLOW_ID = "check";

/**
 * What /check carries from one update to the next (see flows/carry): the answers, the messages
 * whose buttons count now (the question first, then "did you mean" and the offer to start over),
 * and how many unusable answers came in a row.
 */
interface CheckCarry {
  state: CheckState;
  buttonsFrom: number[];
  invalid: number;
}
const FRESH: CheckCarry = { state: initialState, buttonsFrom: [], invalid: 0 };
/** Besides the question, this many of the latest extra messages keep working buttons. */
const EXTRA_BUTTON_MESSAGES = 3;
const withButtonsOf = (buttonsFrom: readonly number[], messageId: number) => [buttonsFrom[0]!, ...[...buttonsFrom.slice(1), messageId].slice(-EXTRA_BUTTON_MESSAGES)];

/**
 * The /check conversation: walks the rules' question graph one question per message, validates
 * each answer, supports Back and Restart, then shows the assessment. The state is only the list of
 * answers (rules/eligibility/state), carried from step to step so that the stored replay stays one
 * step long; the clock is read through `external`, so replays see the same day. After
 * MAX_INVALID_IN_A_ROW unusable answers in a row each hint comes with an offer to start over.
 */
export function createEligibilityFlow(services: Pick<BotServices, "clock">) {
  const carry = new Carry<CheckCarry>();
  return async function check(conversation: Conversation<BotContext, FlowContext>, ctx: FlowContext): Promise<void> {
    const today = await conversation.external(() => almatyToday(services.clock.now()));
    await ctx.reply(ctx.t("check:intro", checkVars(ctx.t, ctx.locale)), { parse_mode: "HTML" });
    const { state: carried, next } = await beginStep(conversation, carry, String(ctx.chatId), FRESH);
    const { state, invalid } = carried;
    const node = currentNode(state);
    if (node === OUTCOME) return showOutcome(ctx, state, today);
    const buttonsFrom = carried.buttonsFrom.length > 0 ? carried.buttonsFrom : [await ask(ctx, node, state)];

    const current = await conversation.wait();
    const step = interpret(current, node, buttonsFrom, today);
    if (current.callbackQuery) {
      await current.answerCallbackQuery(step.kind === "stale" ? { text: current.t("check:error.stale") } : {});
    }
    // A press on an old button changes nothing, so it is not kept either.
    if (step.kind === "stale") return conversation.skip();
    if (step.kind === "suggest") {
      const kb = new InlineKeyboard();
      for (const code of step.codes) kb.text(countryName(code, current.locale), CB.answer(code)).row();
      kb.text(current.t("check:btn.none_of_these"), CB.none);
      const sent = await current.reply(current.t("check:did_you_mean"), { reply_markup: kb });
      return next({ state, buttonsFrom: withButtonsOf(buttonsFrom, sent.message_id), invalid });
    }
    if (step.kind === "back" || step.kind === "restart") {
      await closeQuestion(current, buttonsFrom[0]!, questionText(current, node));
      return next({ ...FRESH, state: step.kind === "back" ? back(state) : initialState });
    }
    if (step.kind === "answer") {
      const result = answerCurrent(state, step.raw);
      if (result.ok) {
        await closeQuestion(current, buttonsFrom[0]!, `${questionText(current, node)}\n${current.t("check:answered", { answer: step.label })}`);
        return next({ ...FRESH, state: result.state });
      }
      return unusable(current.t(`check:error.${result.error}`));
    }
    return unusable(current.t(step.key, step.vars ?? {}));

    /** An answer that cannot be used: its hint, and from the MAX_INVALID_IN_A_ROW-th in a row, the offer to start over. */
    async function unusable(hint: string): Promise<never> {
      if (invalid + 1 < MAX_INVALID_IN_A_ROW) {
        await current.reply(hint, { parse_mode: "HTML" });
        return next({ state, buttonsFrom, invalid: invalid + 1 });
      }
      const restart = current.t("check:btn.restart");
      const sent = await current.reply(`${hint}\n\n${current.t("limits:flow.check_restart", { restart })}`, {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(restart, CB.restart),
      });
      return next({ state, buttonsFrom: withButtonsOf(buttonsFrom, sent.message_id), invalid: invalid + 1 });
    }
  };
}

/** The assessment of both programs, then the closing buttons. */
async function showOutcome(ctx: FlowContext, state: CheckState, today: string): Promise<void> {
  const { results } = assess(toProfile(state.answers), { today });
  for (const [i, result] of results.entries()) {
    await ctx.reply(renderProgramOutcome(ctx, result, today), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    if (i === results.length - 1) await ctx.reply(ctx.t("check:outcome.closing"), { reply_markup: outcomeKeyboard(ctx) });
  }
}

/** Replaces an answered question's buttons with the answer, so old buttons cannot be pressed again. */
async function closeQuestion(ctx: FlowContext, messageId: number, text: string): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  await ctx.api.editMessageText(chatId, messageId, text, { parse_mode: "HTML" }).catch(() => undefined);
}
