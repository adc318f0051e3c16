import { InlineKeyboard } from "grammy";
import { z } from "zod";
import {
  almatyToday,
  checkMilestones,
  computeDeadlines,
  DAYS_IN_KZ_BASIS,
  FAR_AWAY_YEARS,
  MILESTONE_IDS,
  MilestonesSchema,
  parseCount,
  parseDate,
  programStart,
  type MilestoneId,
  type Milestones,
} from "../rules/index.js";
import type { PlanChanges } from "../store/index.js";
import type { BotContext, BotServices, FlowContext } from "../bot/context.js";
import { isIsoDate } from "../rules/data/schema.js";
import { zoneLabel } from "../rules/reminders/zoneLookup.js";
import { deadlinesKeyboard } from "../bot/deadlines/keyboard.js";
import { formatDay, renderDeadlines, taxWindowText } from "../bot/deadlines/render.js";
import { formatPartialDate } from "../bot/render/dates.js";
import { DEFAULT_TIME_ZONE } from "../reminders/dispatcher.js";
import { reminderHour } from "../bot/deadlines/times.js";
import { loadMilestones, replanReminders } from "../reminders/planner.js";
import { DONE, isOtherFeaturesPress, MAX_INVALID_IN_A_ROW, next, PASS, SKIP, type StepFlow, type StepResult } from "./step.js";
import { loadOutcome } from "../rules/outcome/index.js";
import { ACTION } from "../bot/keyboards.js";

export const REMIND_FLOW_ID = "remind";

type Field = MilestoneId | "days_in_kz";
const FIELDS: readonly Field[] = [...MILESTONE_IDS, "days_in_kz"];
/** A milestone's label; the day count names the tax-residency window it is counted over. */
const label = (ctx: FlowContext, f: Field) => ctx.t(`remind:milestone.${f}`, f === "days_in_kz" ? { taxWindow: taxWindowText(ctx.t, ctx.locale) } : {});

const CB = { set: (f: Field) => `rm:set:${f}`, done: "rm:done", today: "rm:today", clear: "rm:clear", back: "rm:back", restart: "rm:restart", confirm: "rm:confirm" } as const;

function menu(ctx: FlowContext, m: Milestones): { text: string; keyboard: InlineKeyboard } {
  const kb = new InlineKeyboard();
  for (const f of FIELDS) {
    const value = m[f];
    const shown = value === undefined ? "" : `: ${typeof value === "number" ? value : formatDay(value, ctx.locale)}`;
    kb.text(`${label(ctx, f)}${shown}`, CB.set(f)).row();
  }
  kb.text(ctx.t("remind:btn.done"), CB.done);
  return { text: ctx.t("remind:intro"), keyboard: kb };
}

/** The dates that look wrong (see checkMilestones), each said plainly, with Save anyway and Correct. */
function review(ctx: FlowContext, m: Milestones, today: string): { text: string; keyboard: InlineKeyboard } {
  const lines = checkMilestones(m, today).map((issue) => {
    const [a, b] = issue.fields;
    const vars = {
      a: label(ctx, a),
      aDate: formatDay(m[a]!, ctx.locale),
      ...(b ? { b: label(ctx, b), bDate: formatDay(m[b]!, ctx.locale) } : {}),
      launch: formatPartialDate(programStart().slice(0, 7), ctx.locale),
      count: FAR_AWAY_YEARS,
    };
    return `• ${ctx.t(`remind:check.${issue.code}`, vars)}`;
  });
  const kb = new InlineKeyboard().text(ctx.t("remind:btn.confirm"), CB.confirm).row().text(ctx.t("remind:btn.correct"), CB.back);
  return { text: `${ctx.t("remind:check.title")}\n${lines.join("\n")}\n\n${ctx.t("remind:check.footer")}`, keyboard: kb };
}

/**
 * What /remind carries from one update to the next: the dates entered so far, the milestone being asked for
 * (none: the menu), whether its message is already shown, and how many unusable answers came in a row; `review`
 * while the dates that look wrong are shown for confirmation.
 */
interface RemindCarry {
  milestones: Milestones;
  field: Field | null;
  shown: boolean;
  invalid: number;
  review?: boolean;
}

/** What /remind keeps while it runs: whose dates, the day it counts from, and the dates saved when it began (Start over). */
interface RemindFixed {
  userId: number;
  today: string;
  saved: Milestones;
}

const isoDay = z.string().refine(isIsoDate);
const MILESTONES = MilestonesSchema.transform((m) => m as Milestones);
/** A stored /remind, as read back. */
const STORED = z.object({
  fixed: z.object({ userId: z.number().int(), today: isoDay, saved: MILESTONES }),
  state: z.object({
    milestones: MILESTONES,
    field: z.enum(FIELDS as [Field, ...Field[]]).nullable(),
    shown: z.boolean(),
    invalid: z.number().int().nonnegative(),
    review: z.boolean().optional(),
  }),
});

const freshFrom = (saved: Milestones): RemindCarry => ({ milestones: saved, field: null, shown: false, invalid: 0 });
const toMenu = (m: Milestones) => next<RemindCarry>({ milestones: m, field: null, shown: false, invalid: 0 });

/**
 * `/remind` (a StepFlow, see flows/step.ts): a menu of the milestones with their current dates; pressing one asks
 * for its date (typed in any common format, or Today / Clear), and Done saves them. The caller then computes the
 * deadlines and plans the reminders. Nothing is stored until Done. After MAX_INVALID_IN_A_ROW unusable answers
 * in a row each hint comes with an offer to start over from the saved dates.
 */
export function createRemindFlow(services: Pick<BotServices, "clock" | "stores">): StepFlow<RemindFixed, RemindCarry> {
  return {
    id: REMIND_FLOW_ID,
    stored: STORED,
    async begin(ctx) {
      const userId = ctx.from?.id;
      if (userId === undefined) return undefined;
      const today = almatyToday(services.clock.now());
      const saved = await loadMilestones(services.stores, userId);
      return { fixed: { userId, today, saved }, state: freshFrom(saved) };
    },
    async show(ctx, { today }, state) {
      if (state.shown) return state;
      const { milestones, field } = state;
      if (state.review) {
        const view = review(ctx, milestones, today);
        await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
      } else if (field === null) {
        const view = menu(ctx, milestones);
        await ctx.reply(view.text, { parse_mode: "HTML", reply_markup: view.keyboard });
      } else {
        const prompt = new InlineKeyboard();
        if (field !== "days_in_kz") prompt.text(ctx.t("remind:btn.today"), CB.today);
        prompt.text(ctx.t("remind:btn.clear"), CB.clear).text(ctx.t("remind:btn.back"), CB.back);
        const key = field === "days_in_kz" ? "remind:ask_days" : "remind:ask_date";
        await ctx.reply(ctx.t(key, { milestone: label(ctx, field), taxWindow: taxWindowText(ctx.t, ctx.locale) }), { parse_mode: "HTML", reply_markup: prompt });
      }
      return { ...state, shown: true };
    },
    async handle(current, fixed, state) {
      const { today } = fixed;
      const { milestones, field } = state;
      // Another feature's button (a reminder's Done, a FAQ topic) is that feature's to answer; the flow stays open.
      if (isOtherFeaturesPress(current, "rm:")) return PASS;
      const pressed = current.callbackQuery?.data;
      if (pressed) await current.answerCallbackQuery();
      if (pressed === CB.restart) return next(freshFrom(fixed.saved));
      /** An answer that cannot be used: its hint, and from the MAX_INVALID_IN_A_ROW-th in a row, the offer to start over. */
      const unusable = async (hint: string, parseMode?: "HTML"): Promise<StepResult<RemindCarry>> => {
        const invalid = state.invalid + 1;
        if (invalid < MAX_INVALID_IN_A_ROW) {
          await current.reply(hint, parseMode ? { parse_mode: parseMode } : {});
        } else {
          const restart = current.t("limits:flow.btn_restart");
          await current.reply(`${hint}\n\n${current.t("limits:flow.remind_restart", { restart })}`, {
            parse_mode: "HTML",
            reply_markup: new InlineKeyboard().text(restart, CB.restart),
          });
        }
        return next({ ...state, shown: true, invalid });
      };

      if (state.review) {
        if (pressed === CB.confirm) return finish(services, current, fixed, milestones);
        if (pressed === CB.back) return toMenu(milestones);
        if (pressed) return SKIP;
        return unusable(current.t("remind:error.review"));
      }

      if (field === null) {
        if (pressed === CB.done) {
          // Dates that look wrong are shown for the person to confirm or correct before anything is saved.
          if (checkMilestones(milestones, today).length > 0) return next({ milestones, field: null, shown: false, invalid: 0, review: true });
          return finish(services, current, fixed, milestones);
        }
        const chosen = pressed?.startsWith("rm:set:") ? (pressed.slice(7) as Field) : undefined;
        if (chosen && FIELDS.includes(chosen)) return next({ milestones, field: chosen, shown: false, invalid: 0 });
        // A press on an old or unknown button changes nothing, so it is not kept either.
        if (pressed) return SKIP;
        return unusable(current.t("remind:error.menu"));
      }

      if (pressed === CB.back) return toMenu(milestones);
      if (pressed === CB.clear) {
        const { [field]: _removed, ...rest } = milestones;
        return toMenu(rest);
      }
      if (pressed === CB.today && field !== "days_in_kz") return toMenu({ ...milestones, [field]: today });
      if (pressed) return SKIP;
      const text = current.message?.text?.trim();
      // Media and edited messages get an answer, never silence.
      if (!text) return unusable(current.t(current.editedMessage ? "system:flow.edited" : "system:flow.text_only"));
      if (field === "days_in_kz") {
        const n = parseCount(text);
        if (n.ok && n.value <= 366) return toMenu({ ...milestones, days_in_kz: n.value, days_in_kz_basis: DAYS_IN_KZ_BASIS });
        return unusable(current.t("remind:error.days"), "HTML");
      }
      const date = parseDate(text, { today, locale: current.locale });
      if (date.ok) return toMenu({ ...milestones, [field]: date.date });
      const key = date.error === "ambiguous" ? "remind:error.ambiguous_date" : date.error === "missing_day" ? "remind:error.missing_day" : "remind:error.date";
      return unusable(current.t(key), "HTML");
    },
  };
}

/** Done: saves the dates, plans the reminders and shows the deadlines. */
async function finish(services: Pick<BotServices, "clock" | "stores">, current: BotContext, fixed: RemindFixed, chosen: Milestones): Promise<StepResult<RemindCarry>> {
  const { userId: id, today } = fixed;
  await services.stores.milestones.write(String(id), chosen);
  const changes: PlanChanges = await replanReminders(services.stores, id, services.clock);
  const timeZone = (await services.stores.users.get(id)).timezone ?? DEFAULT_TIME_ZONE;
  // Someone with a /check outcome gets their plan one press away: it is computed from the dates just saved.
  const hasPlan = (await loadOutcome(services.stores, id)) !== undefined;
  const keyboard = deadlinesKeyboard(current.t);
  if (hasPlan) keyboard.row().text(current.t("plan:btn.updated_plan"), ACTION.plan);
  await current.reply(renderDeadlines(computeDeadlines(chosen, today), current.t, current.locale, today), {
    parse_mode: "HTML",
    reply_markup: keyboard,
    link_preview_options: { is_disabled: true },
  });
  const title = (deadlineId: string) => current.t(`remind:deadline.${deadlineId}.title`);
  const notes = [
    ...changes.changed.map((c) => current.t("remind:plan.changed", { title: title(c.deadlineId), from: formatDay(c.from, current.locale), to: formatDay(c.to, current.locale) })),
    ...changes.removed.map((deadlineId) => current.t("remind:plan.removed", { title: title(deadlineId) })),
  ];
  if (changes.pending > 0) notes.push(current.t("remind:reminders_set", { count: changes.pending, tz: zoneLabel(timeZone), hour: reminderHour(current.locale) }));
  if (notes.length > 0) await current.reply(notes.join("\n\n"), { parse_mode: "HTML" });
  return DONE;
}
