import { InlineKeyboard } from "grammy";
import { almatyToday } from "../../rules/index.js";
import { ALERTS_CB, consentReply, loadAlerts, setConsent } from "../alerts/consent.js";
import type { BotContext } from "../context.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * Rule-change alerts, the person's side: `/alerts` says whether they are on and how many facts are watched,
 * with a button to turn them on or off; the same buttons answer the question asked once after a /check
 * result when the check has already ended. The alert itself is sent by src/reminders/ruleAlerts.ts.
 */
export const alertsFeature = new FeatureComposer<BotContext>();
const privateChats = alertsFeature.chatType("private");

const html = { parse_mode: "HTML" } as const;

privateChats.command("alerts", async (ctx) => {
  const record = await loadAlerts(ctx.services.stores, ctx.from.id);
  const on = record?.consent === true;
  const count = record?.watched?.facts.length ?? 0;
  const text = !on ? ctx.t("alerts:status.off") : count > 0 ? ctx.t("alerts:status.on", { count }) : ctx.t("alerts:status.on_no_outcome");
  const keyboard = new InlineKeyboard().text(on ? ctx.t("alerts:button.turn_off") : ctx.t("alerts:button.turn_on"), on ? ALERTS_CB.off : ALERTS_CB.on);
  await ctx.reply(text, { ...html, reply_markup: keyboard });
});

privateChats.callbackQuery([ALERTS_CB.on, ALERTS_CB.off], async (ctx) => {
  const consent = ctx.callbackQuery.data === ALERTS_CB.on;
  await setConsent(ctx.services.stores, ctx.from.id, consent, almatyToday(ctx.services.clock.now()));
  await ctx.answerCallbackQuery();
  const text = consentReply(ctx.t, consent);
  if (ctx.callbackQuery.message) await ctx.editMessageText(text, html);
  else await ctx.reply(text, html);
});
