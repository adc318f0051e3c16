import { Composer, InlineKeyboard } from "grammy";
import { isTimeZone } from "../../rules/index.js";
import { DEFAULT_TIME_ZONE } from "../../reminders/dispatcher.js";
import { replanReminders } from "../../reminders/planner.js";
import type { BotContext } from "../context.js";
import { formatInstant } from "../render/dates.js";

/** `/settings`: the time zone reminders follow (Asia/Almaty by default), chosen from buttons or typed. */
export const settingsFeature = new Composer<BotContext>();
const privateChats = settingsFeature.chatType("private");

/** Zones most users of the bot live in; any other IANA name can be typed. */
const COMMON_ZONES = ["Asia/Almaty", "Europe/Moscow", "Europe/Berlin", "Europe/London", "Asia/Dubai", "Asia/Kolkata", "America/New_York", "America/Sao_Paulo"];

async function settingsText(ctx: BotContext & { from: { id: number } }): Promise<string> {
  const tz = (await ctx.services.stores.users.get(ctx.from.id)).timezone ?? DEFAULT_TIME_ZONE;
  const time = formatInstant(ctx.services.clock.now(), ctx.locale, tz, false);
  return ctx.t("remind:settings.title", { tz, time });
}

function zonesKeyboard(): InlineKeyboard {
  const kb = new InlineKeyboard();
  COMMON_ZONES.forEach((z, i) => {
    if (i > 0 && i % 2 === 0) kb.row();
    kb.text(z, `tz:${z}`);
  });
  return kb;
}

privateChats.command("settings", async (ctx) => {
  await ctx.reply(await settingsText(ctx), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("remind:settings.change_tz"), "tz:choose"),
  });
});

privateChats.callbackQuery("tz:choose", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("remind:settings.choose_tz"), { parse_mode: "HTML", reply_markup: zonesKeyboard() });
});

async function saveZone(ctx: BotContext & { from: { id: number } }, zone: string): Promise<void> {
  const { stores, clock } = ctx.services;
  await stores.users.update(ctx.from.id, { timezone: zone });
  await replanReminders(stores, ctx.from.id, clock);
  await ctx.reply(ctx.t("remind:settings.tz_saved", { tz: zone }));
}

privateChats.callbackQuery(/^tz:([A-Za-z_]+\/[A-Za-z_/+-]+)$/, async (ctx) => {
  const zone = ctx.match[1]!;
  if (!isTimeZone(zone)) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
  await ctx.answerCallbackQuery();
  await saveZone(ctx, zone);
});

/** A typed zone name right after the zone buttons were shown ("Europe/Berlin", "asia/tashkent"). */
privateChats.hears(/^\s*([A-Za-z_]+\/[A-Za-z_/+-]+)\s*$/, async (ctx, next) => {
  const typed = ctx.match[1]!;
  const zone = Intl.supportedValuesOf("timeZone").find((z) => z.toLowerCase() === typed.toLowerCase());
  // Not a zone name: let the FAQ read it as a question.
  if (!zone || !isTimeZone(zone)) return next();
  await saveZone(ctx, zone);
});
