import { GrammyError, HttpError, InlineKeyboard } from "grammy";
import { z } from "zod";
import {
  almatyToday,
  answerCurrent,
  back,
  currentNode,
  initialState,
  isNodeId,
  OUTCOME,
  PROGRAMS,
  type CheckState,
  type NodeId,
  type Program,
} from "../rules/index.js";
import type { Answers } from "../rules/eligibility/answers.js";
import { buildIncome } from "../rules/eligibility/income.js";
import { answeredPath, isWellFormed, reopen } from "../rules/eligibility/state.js";
import { isIsoDate } from "../rules/data/schema.js";
import type { BotContext, BotServices, FlowContext } from "../bot/context.js";
import { createRatesProvider, type RatesProvider } from "../rates/provider.js";
import { isOtherFeaturesPress, LEAVE, MAX_INVALID_IN_A_ROW, next, PASS, SKIP, type StepFlow, type StepResult } from "./step.js";
import { ask, CB, questionText } from "./check/ask.js";
import { interpret } from "./check/interpret.js";
import { incomeLabel, rateLine } from "./check/labels.js";
import { programKeyboard, renderProgramOutcome, renderProgramPlan } from "./check/outcome.js";
import { answersKeyboard, assessAnswers, citizenshipWhy, renderAnswers, renderChecklist, renderOtherRoutes, type Assessment } from "./check/summary.js";
import { checkVars } from "./check/vars.js";
import { fixedTexts, type FixedTexts } from "./check/fixedTexts.js";
import { outcomeRecord } from "./check/record.js";
import { ALERTS_CB, consentQuestion } from "../bot/alerts/consent.js";
import { alertsStep, confirmAlertsAnswer, isAlertsPress, storeAlertsAnswer } from "./check/alertsConsent.js";

export const CHECK_FLOW_ID = "check";

/** What a check keeps while it runs: the day it counts from, read once when it starts (so one check sees one day). */
interface CheckFixed {
  today: string;
}

/**
 * What /check carries from one update to the next: the answers, the messages whose buttons count now (the
 * question first, then "did you mean" and the offer to start over; at the outcome, the "Your answers" message),
 * and how many unusable answers came in a row.
 */
interface CheckCarry {
  state: CheckState;
  buttonsFrom: number[];
  invalid: number;
  /** The question of this step never reached the person: the next update asks it, and is not taken as its answer. */
  unsent?: true;
}

const plainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/**
 * A stored check, as read back: every answer one its question accepts (isWellFormed), and a question waiting either
 * for the answer to the message it sent or, never sent, to be asked again (only a result being shown has no message).
 */
const STORED = z.object({
  fixed: z.object({ today: z.string().refine(isIsoDate) }),
  state: z
    .object({
      state: z.object({ answered: z.array(z.custom<NodeId>((v) => typeof v === "string" && isNodeId(v))), answers: z.custom<Answers>(plainObject) }),
      buttonsFrom: z.array(z.number().int()),
      invalid: z.number().int().nonnegative(),
      unsent: z.literal(true).optional(),
    })
    .refine((carry) => isWellFormed(carry.state) && (carry.unsent === true || carry.buttonsFrom.length > 0)),
});

/** What every button of the check's questions carries in its data (ask.ts CB); the outcome's alerts answer is read on the outcome only. */
const CHECK_PRESS_PREFIX = "chk:";

const FRESH: CheckCarry = { state: initialState, buttonsFrom: [], invalid: 0 };
/** Besides the question, this many of the latest extra messages keep working buttons. */
const EXTRA_BUTTON_MESSAGES = 3;
const withButtonsOf = (buttonsFrom: readonly number[], messageId: number) => [buttonsFrom[0]!, ...[...buttonsFrom.slice(1), messageId].slice(-EXTRA_BUTTON_MESSAGES)];

/** Without an injected provider (tests, local chat without one): the embedded table only. */
let embeddedOnly: RatesProvider | undefined;

type CheckServices = Pick<BotServices, "clock" | "i18n"> & Partial<Pick<BotServices, "stores" | "logger">> & { rates?: RatesProvider };

/**
 * The /check flow (a StepFlow, see flows/step.ts): walks the rules' question graph one question per message,
 * validates each answer, supports Back and Restart, then shows the assessment and waits on it: "Change" reopens
 * one question and keeps the other answers, the checklist buttons send the documents, and anything else ends the
 * check and goes on to the bot (a question, /remind, a new check). The state is the list of answers
 * (rules/eligibility/state) with the messages whose buttons count; each answer is parsed once, when it comes.
 * After MAX_INVALID_IN_A_ROW unusable answers in a row each hint comes with an offer to start over. The texts
 * that every check sends alike (the intro, each question) are built once per language (check/fixedTexts).
 */
export function createEligibilityFlow(services: CheckServices): StepFlow<CheckFixed, CheckCarry> {
  const rates = () => services.rates ?? (embeddedOnly ??= createRatesProvider({ now: () => services.clock.now() }));
  const texts = fixedTexts(services.i18n);
  return {
    id: CHECK_FLOW_ID,
    stored: STORED,
    async begin(ctx) {
      const today = almatyToday(services.clock.now());
      const locale = ctx.locale;
      await ctx.reply(texts.get(locale, "intro", (t) => t("check:intro", checkVars(t, locale))), { parse_mode: "HTML" });
      return { fixed: { today }, state: FRESH };
    },
    async show(ctx, { today }, carried) {
      const { state } = carried;
      const node = currentNode(state);
      if (node === OUTCOME) {
        if (carried.buttonsFrom.length > 0) return carried;
        // The answers are complete: assessed once, stored, shown; the check then waits on "Your answers".
        const assessment = assessAnswers(state.answers, today);
        await saveOutcome(services, ctx.from?.id, state, today, assessment);
        // Rule-change alerts: a consenting person watches this outcome's facts; anyone never asked is asked once.
        const askForAlerts = await alertsStep(services, ctx.from?.id, today);
        const summary = await showOutcome(ctx, state, assessment, today, askForAlerts);
        return { state, buttonsFrom: [summary], invalid: 0 };
      }
      if (carried.unsent || carried.buttonsFrom.length > 0) return carried;
      return askOrDefer(services, texts, ctx, node, carried);
    },
    async handle(current, { today }, carried) {
      const { state, buttonsFrom, invalid } = carried;
      const node = currentNode(state);
      if (node === OUTCOME) return onResult(services, current, carried, today);
      // Another feature's button (a reminder's Done, a FAQ topic) is that feature's to answer; the question stays open.
      if (isOtherFeaturesPress(current, CHECK_PRESS_PREFIX)) return PASS;
      if (carried.unsent) {
        // Whatever the person sent after a question they never got is not its answer: ask it now (should that
        // fail too, askOrDefer keeps this state, so the message after it asks again).
        if (current.callbackQuery) await current.answerCallbackQuery();
        return next({ state, buttonsFrom: [], invalid });
      }
      let step = interpret(current, node, buttonsFrom, today);
      if (current.callbackQuery) {
        await current.answerCallbackQuery(step.kind === "stale" ? { text: current.t("check:error.stale") } : {});
      }
      // A press on an old button changes nothing, so it is not kept either.
      if (step.kind === "stale") return SKIP;
      if (step.kind === "convert") {
        const { parsed } = step;
        const built = buildIncome(parsed, await rates().current(today));
        step = built.ok
          ? { kind: "answer", raw: built.value, label: incomeLabel(current, built.value) }
          : { kind: "retry", key: "check:error.no_rate", vars: { currency: parsed.currency } };
      }
      if (step.kind === "suggest") {
        const kb = new InlineKeyboard();
        for (const option of step.options) kb.text(option.label, CB.answer(option.value)).row();
        kb.text(current.t("check:btn.none_of_these"), CB.none);
        const sent = await current.reply(current.t(step.key), { reply_markup: kb, parse_mode: "HTML" });
        return next({ state, buttonsFrom: withButtonsOf(buttonsFrom, sent.message_id), invalid });
      }
      if (step.kind === "back" || step.kind === "restart") {
        await closeQuestion(current, buttonsFrom[0], questionText(texts, current.locale, node));
        return next({ ...FRESH, state: step.kind === "back" ? back(state) : initialState });
      }
      if (step.kind === "answer") {
        const result = answerCurrent(state, step.raw);
        if (result.ok) {
          await closeQuestion(current, buttonsFrom[0], `${questionText(texts, current.locale, node)}\n${current.t("check:answered", { answer: step.label })}`);
          return next({ ...FRESH, state: result.state });
        }
        return unusable(current, carried, current.t(`check:error.${result.error}`));
      }
      return unusable(current, carried, current.t(step.key, step.vars ?? {}));
    },
  };
}

/** An update while the result is shown: the alerts answer, Change, a checklist; anything else ends the check. */
async function onResult(services: CheckServices, current: BotContext, carried: CheckCarry, today: string): Promise<StepResult<CheckCarry>> {
  const { state, buttonsFrom } = carried;
  const data = current.callbackQuery?.data ?? "";
  if (isAlertsPress(data)) {
    const consent = data === ALERTS_CB.on;
    await storeAlertsAnswer(services, current.from?.id, consent, today);
    await confirmAlertsAnswer(current, consent);
    return next({ state, buttonsFrom, invalid: 0 });
  }
  const onSummary = buttonsFrom.includes(current.callbackQuery?.message?.message_id ?? -1);
  const change = data.startsWith("chk:chg:") ? data.slice(8) : undefined;
  if (onSummary && change !== undefined && isNodeId(change) && answeredPath(state.answers).includes(change)) {
    await current.answerCallbackQuery();
    return next({ ...FRESH, state: reopen(state, change) });
  }
  const docs = data.startsWith("chk:docs:") ? data.slice(9) : undefined;
  if (onSummary && docs !== undefined && (PROGRAMS as readonly string[]).includes(docs)) {
    await current.answerCallbackQuery();
    await current.reply(renderChecklist(current, docs as Program, today), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    return next({ state, buttonsFrom, invalid: 0 });
  }
  // Anything else leaves the result: the check ends (its answers are deleted) and the bot handles the update.
  return LEAVE;
}

/**
 * Keeps the outcome as the person's last one (stores.outcomes) for /plan and what builds on it. A store that
 * fails costs the record, never the result.
 */
async function saveOutcome(services: CheckServices, userId: number | undefined, answered: CheckState, day: string, assessment: Assessment): Promise<void> {
  if (userId === undefined || !services.stores) return;
  const record = outcomeRecord(assessment.results, assessment.profile, answered.answers, day);
  try {
    await services.stores.outcomes.write(String(userId), record);
  } catch (error) {
    services.logger?.warn({ err: error }, "the /check outcome could not be stored");
  }
}

/**
 * Sends the step's question and waits at it. When it cannot be sent (after the transport's retries; a message
 * whose connection was reset is not sent again, since it may have arrived), the person must not have their next
 * message taken as the answer to a question they never saw (the full-size multi-instance run, 8b3d7ff: the first
 * question was lost to a reset keep-alive socket and the check waited at it). Failing the whole step is no better:
 * for the first question the check would end and the answer typed after the intro would go to the FAQ; for a
 * later one the flow would wait at the question before, which the person already sees closed with their answer.
 * So the step is stored as "asked, not delivered" (`unsent`): the next update, whatever it is, asks the question
 * again. The person is told so (question_lost: send any message); when that notice is lost too, the message they
 * send anyway brings the question.
 */
async function askOrDefer(services: CheckServices, texts: FixedTexts, ctx: BotContext, node: NodeId, carried: CheckCarry): Promise<CheckCarry> {
  try {
    return { ...carried, buttonsFrom: [await ask(ctx, texts, node, carried.state)] };
  } catch (error) {
    const apiFailure = error instanceof HttpError || (error instanceof GrammyError && (error.error_code >= 500 || error.error_code === 429));
    if (!apiFailure) throw error;
    services.logger?.warn({ err: error, update_id: ctx.update.update_id }, "a /check question could not be sent; it is asked on the next update");
    await ctx.reply(ctx.t("system:question_lost")).catch((notice: unknown) => services.logger?.warn({ err: notice }, "could not tell the user about the failure"));
    return { state: carried.state, buttonsFrom: [], invalid: carried.invalid, unsent: true };
  }
}

/** An answer that cannot be used: its hint, and from the MAX_INVALID_IN_A_ROW-th in a row, the offer to start over. */
async function unusable(current: BotContext, carried: CheckCarry, hint: string): Promise<StepResult<CheckCarry>> {
  const { state, buttonsFrom, invalid } = carried;
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

/**
 * The assessment: one message per program (verdict first, with URL buttons for where its route is done),
 * other routes when a program does not fit, the rule-change alerts question (once per person), the closing
 * line, then "Your answers" with a Change button each and the closing buttons. Returns the id of the "Your answers" message, whose buttons the flow then waits for.
 */
async function showOutcome(ctx: FlowContext, state: CheckState, assessment: Assessment, today: string, askForAlerts = false): Promise<number> {
  const { profile, results } = assessment;
  const income = state.answers.monthly_income;
  const rate = income === undefined ? undefined : rateLine(ctx, income);
  const html = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;
  // The result is several messages. One of them failing (after the transport's retries, or a lost response the
  // transport will not resend) must not throw the whole step away: that would send the parts that did arrive a
  // second time when the person answers again. So each part is sent on its own, and the last message, whose
  // buttons the flow waits for, says when a part may be missing.
  let partsMissing = false;
  const part = async (text: string, extra: Parameters<FlowContext["reply"]>[1] = {}) => {
    try {
      await ctx.reply(text, { ...html, ...extra });
    } catch (error) {
      // Only a connection fault (the transport did not resend it: it may have arrived). An error Telegram
      // answered fails the step as any other would: the person answers the last question again.
      if (!(error instanceof HttpError)) throw error;
      partsMissing = true;
    }
  };
  for (const result of results) {
    await part(renderProgramOutcome(ctx, result, today, { citizenshipWhy: citizenshipWhy(ctx, result, assessment), ...(rate ? { rate } : {}) }));
    const plan = renderProgramPlan(ctx, result, today);
    const kb = programKeyboard(ctx, result);
    if (plan) await part(plan, kb ? { reply_markup: kb } : {});
  }
  const others = renderOtherRoutes(ctx, profile, results, today);
  if (others) await part(others.text, { reply_markup: others.keyboard });
  // Asked once per person, after the result and before the closing line and "Your answers", whose buttons stay the last shown.
  if (askForAlerts) {
    const question = consentQuestion(ctx.t);
    await part(question.text, { reply_markup: question.keyboard });
  }
  await part(ctx.t("check:outcome.closing"), { parse_mode: undefined });
  const answers = renderAnswers(ctx, state.answers);
  const sent = await ctx.reply(partsMissing ? `${answers}\n\n${ctx.t("check:outcome.part_missing")}` : answers, {
    parse_mode: "HTML",
    reply_markup: answersKeyboard(ctx, state.answers, results),
  });
  return sent.message_id;
}

/** Replaces an answered question's buttons with the answer, so old buttons cannot be pressed again. */
async function closeQuestion(ctx: FlowContext, messageId: number | undefined, text: string): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined || messageId === undefined) return;
  await ctx.api.editMessageText(chatId, messageId, text, { parse_mode: "HTML" }).catch(() => undefined);
}
