import { InlineKeyboard, InputFile } from "grammy";
import { almatyToday, type Milestones } from "../../rules/index.js";
import { routePortals, type RouteId } from "../../rules/eligibility/routes.js";
import { loadOutcome, type OutcomeRecord } from "../../rules/outcome/index.js";
import { planChoices, planRoute, planRouteOf } from "../../rules/plan/index.js";
import { loadMilestones } from "../../reminders/planner.js";
import { portalUrl } from "../../flows/check/outcome.js";
import type { BotContext } from "../context.js";
import { ACTION } from "../keyboards.js";
import { planTimelineSvg } from "../render/planPicture.js";
import { renderChecklist, renderPlan, renderPlanVerdict } from "../render/planText.js";
import { svgToPng } from "../render/timelinePng.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/** `/plan`: the dated step-by-step plan of the person's route, its timeline picture and the pre-submission checklist. */
export const planFeature = new FeatureComposer<BotContext>();
const privateChats = planFeature.chatType("private");

/** Short route codes for callback data. */
const CODES: Readonly<Record<RouteId, string>> = {
  "b9_1.residence": "b9r",
  "b9_1.evisa": "b9e",
  "b12_1.invitation": "b12i",
  "b12_1.no_invitation": "b12n",
};
const ROUTE_OF = new Map(Object.entries(CODES).map(([route, code]) => [code, route as RouteId]));
const CB_ROUTE = /^plan:r:([a-z0-9]{2,5})$/;

planFeature.chatType(["group", "supergroup"]).command("plan", (ctx) =>
  ctx.reply(ctx.t("plan:private_only"), {
    reply_markup: new InlineKeyboard().url(ctx.t("check:private_only_button"), `https://t.me/${ctx.me.username}`),
  }),
);

privateChats.command("plan", (ctx) => showPlan(ctx));

/** "Your plan" under the deadlines that /remind shows after saving dates: the plan as it is now. */
privateChats.callbackQuery(ACTION.plan, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showPlan(ctx);
});

async function showPlan(ctx: BotContext & { from: NonNullable<BotContext["from"]> }): Promise<void> {
  const { stores } = ctx.services;
  const [record, milestones] = await Promise.all([loadOutcome(stores, ctx.from.id), loadMilestones(stores, ctx.from.id)]);
  const checkButton = new InlineKeyboard().text(ctx.t("plan:btn.check"), ACTION.check);
  if (!record) return void (await ctx.reply(ctx.t("plan:no_outcome"), { reply_markup: checkButton }));
  const route = planRouteOf(record, milestones);
  if (!route) return void (await ctx.reply(ctx.t("plan:nothing_fits"), { reply_markup: checkButton }));
  await sendPlan(ctx, record, milestones, route);
}

privateChats.callbackQuery(CB_ROUTE, async (ctx) => {
  const { stores } = ctx.services;
  const route = ROUTE_OF.get(ctx.match[1]!);
  const [record, milestones] = await Promise.all([loadOutcome(stores, ctx.from.id), loadMilestones(stores, ctx.from.id)]);
  if (!record || !route || !planChoices(record).includes(route)) {
    await ctx.answerCallbackQuery({ text: ctx.t("check:error.stale") });
    return;
  }
  await ctx.answerCallbackQuery();
  await sendPlan(ctx, record, milestones, route);
});

/**
 * The plan of one route, computed now from the stored outcome and milestones (so it follows every date entered
 * in /remind): what the check said of the route, the text with URL buttons for where its steps are done and the
 * other routes open to the person, the timeline picture (or a line saying it could not be made), then the
 * checklist with the reminders button.
 */
async function sendPlan(ctx: BotContext, record: OutcomeRecord, milestones: Milestones, route: RouteId): Promise<void> {
  const today = almatyToday(ctx.services.clock.now());
  const plan = planRoute(route, milestones, today);
  const lang = { t: ctx.t, locale: ctx.locale };
  const kb = new InlineKeyboard();
  routePortals(route).forEach((id, i) => {
    if (i > 0 && i % 2 === 0) kb.row();
    kb.url(ctx.t(`check:portal.${id}`), portalUrl(id));
  });
  for (const other of planChoices(record).filter((r) => r !== route)) kb.row().text(ctx.t("plan:btn.route", { route: ctx.t(`plan:route.${other}`) }), `plan:r:${CODES[other]}`);
  const html = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;
  // What the check said of this route comes first, before any date: an unsure or not-eligible result with its reasons.
  const verdict = renderPlanVerdict(lang, plan, record, today);
  if (verdict) await ctx.reply(verdict, html);
  await ctx.reply(renderPlan(lang, plan, record, today), { ...html, reply_markup: kb });
  try {
    const { svg } = planTimelineSvg(ctx.t, ctx.locale, plan, today);
    const png = await svgToPng(svg);
    await ctx.replyWithPhoto(new InputFile(png, "plan.png"), { caption: ctx.t("plan:picture.caption", { route: ctx.t(`plan:route.${route}`) }) });
  } catch (error) {
    // A picture that could not be drawn or sent costs the picture only: the plan went out above.
    ctx.services.logger.warn({ err: error }, "the plan's timeline picture could not be made");
    await ctx.reply(ctx.t("plan:picture.failed"));
  }
  await ctx.reply(renderChecklist(lang, plan, milestones, today), { ...html, reply_markup: new InlineKeyboard().text(ctx.t("plan:btn.remind"), ACTION.remind) });
}
