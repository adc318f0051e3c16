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
import { ask, CB, questionText } from "./check/ask.js";
import { interpret } from "./check/interpret.js";
import { outcomeKeyboard, renderProgramOutcome } from "./check/outcome.js";
import { checkVars } from "./check/vars.js";

export const CHECK_FLOW_ID = "check";

/**
 * The /check conversation: walks the rules' question graph one question per message, validates
 * each answer, supports Back and Restart, then shows the assessment. The state is only the list of
 * answers (rules/eligibility/state), so the replay engine of the conversations plugin can rebuild
 * it after a restart; the clock is read through `external`, so replays see the same day.
 */
export function createEligibilityFlow(services: Pick<BotServices, "clock">) {
  return async function check(conversation: Conversation<BotContext, FlowContext>, ctx: FlowContext): Promise<void> {
    const today = await conversation.external(() => almatyToday(services.clock.now()));
    await ctx.reply(ctx.t("check:intro", checkVars(ctx.t, ctx.locale)), { parse_mode: "HTML" });
    let state: CheckState = initialState;
    let current = ctx;

    for (let node = currentNode(state); node !== OUTCOME; node = currentNode(state)) {
      const questionId = await ask(current, node, state);
      const buttonsFrom = [questionId];
      for (;;) {
        current = await conversation.wait();
        const step = interpret(current, node, buttonsFrom, today);
        if (current.callbackQuery) {
          await current.answerCallbackQuery(step.kind === "stale" ? { text: current.t("check:error.stale") } : {});
        }
        if (step.kind === "stale") continue;
        if (step.kind === "retry") {
          await current.reply(current.t(step.key, step.vars ?? {}), { parse_mode: "HTML" });
          continue;
        }
        if (step.kind === "suggest") {
          const kb = new InlineKeyboard();
          for (const code of step.codes) kb.text(countryName(code, current.locale), CB.answer(code)).row();
          kb.text(current.t("check:btn.none_of_these"), CB.none);
          const sent = await current.reply(current.t("check:did_you_mean"), { reply_markup: kb });
          buttonsFrom.push(sent.message_id);
          continue;
        }
        if (step.kind === "back" || step.kind === "restart") {
          state = step.kind === "back" ? back(state) : initialState;
          await closeQuestion(current, questionId, questionText(current, node));
          break;
        }
        const result = answerCurrent(state, step.raw);
        if (!result.ok) {
          await current.reply(current.t(`check:error.${result.error}`), { parse_mode: "HTML" });
          continue;
        }
        state = result.state;
        await closeQuestion(current, questionId, `${questionText(current, node)}\n${current.t("check:answered", { answer: step.label })}`);
        break;
      }
    }

    const { results } = assess(toProfile(state.answers), { today });
    for (const [i, result] of results.entries()) {
      const last = i === results.length - 1;
      await current.reply(renderProgramOutcome(current, result, today), {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      });
      if (last) await current.reply(current.t("check:outcome.closing"), { reply_markup: outcomeKeyboard(current) });
    }
  };
}

/** Replaces an answered question's buttons with the answer, so old buttons cannot be pressed again. */
async function closeQuestion(ctx: FlowContext, messageId: number, text: string): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  await ctx.api.editMessageText(chatId, messageId, text, { parse_mode: "HTML" }).catch(() => undefined);
}
