import { InlineKeyboard } from "grammy";
import { countryName, isTimeZone } from "../../rules/index.js";
import { findZone, isFixedOffset, zoneCity, zoneLabel, type ZoneMatch } from "../../rules/reminders/zoneLookup.js";
import { DEFAULT_TIME_ZONE } from "../../reminders/dispatcher.js";
import { replanReminders } from "../../reminders/planner.js";
import { SUPPORTED_LOCALES } from "../../store/index.js";
import type { BotContext } from "../context.js";
import { quietHours, reminderHour } from "../deadlines/times.js";
import { formatInstant } from "../render/dates.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * `/settings`: the time zone reminders follow (Asia/Almaty by default), chosen from buttons, or typed as a
 * city, a country or an offset in any of the four languages (a reply to the prompt), confirmed with the local
 * time it gives before it is saved.
 */
export const settingsFeature = new FeatureComposer<BotContext>();
const privateChats = settingsFeature.chatType("private");
type Ctx = BotContext & { from: { id: number } };

/** Zones most users of the bot live in; any other can be typed. */
const COMMON_ZONES = ["Asia/Almaty", "Europe/Moscow", "Europe/Berlin", "Europe/London", "Asia/Dubai", "Asia/Kolkata", "America/New_York", "America/Sao_Paulo"];
const ZONE = "[A-Za-z_]+(?:\\/[A-Za-z0-9_+-]+)+|Etc\\/[A-Za-z0-9_+-]+";

async function settingsText(ctx: Ctx): Promise<string> {
  const tz = (await ctx.services.stores.users.get(ctx.from.id)).timezone ?? DEFAULT_TIME_ZONE;
  const time = formatInstant(ctx.services.clock.now(), ctx.locale, tz, false);
  return ctx.t("remind:settings.title", { tz: zoneLabel(tz), time, hour: reminderHour(ctx.locale), ...quietHours(ctx.locale) });
}

function zonesKeyboard(): InlineKeyboard {
  const kb = new InlineKeyboard();
  COMMON_ZONES.forEach((z, i) => {
    if (i > 0 && i % 2 === 0) kb.row();
    kb.text(z, `tz:${z}`);
  });
  return kb;
}

/** The prompt a typed place answers: Telegram opens the reply field, so the answer comes back as a reply to it. */
async function askToType(ctx: Ctx): Promise<void> {
  await ctx.reply(ctx.t("remind:settings.type_tz"), { reply_markup: { force_reply: true, input_field_placeholder: "Berlin · UTC+3" } });
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
  await askToType(ctx);
});

async function saveZone(ctx: Ctx, zone: string): Promise<void> {
  const { stores, clock } = ctx.services;
  await stores.users.update(ctx.from.id, { timezone: zone });
  await replanReminders(stores, ctx.from.id, clock);
  await ctx.reply(ctx.t("remind:settings.tz_saved", { tz: zoneLabel(zone), time: formatInstant(clock.now(), ctx.locale, zone, false) }));
}

/** The zone with the local time it gives now, to confirm before saving. */
async function confirmZone(ctx: Ctx, zone: string): Promise<void> {
  const time = formatInstant(ctx.services.clock.now(), ctx.locale, zone, false);
  const place = isFixedOffset(zone) ? ctx.t("remind:settings.fixed_offset") : zoneCity(zone, ctx.locale);
  await ctx.reply(ctx.t("remind:settings.tz_confirm", { tz: zoneLabel(zone), place, time }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("remind:settings.btn_yes"), `tz:set:${zone}`).text(ctx.t("remind:settings.btn_no"), "tz:no"),
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function answerTyped(ctx: Ctx, typed: string, match: ZoneMatch): Promise<void> {
  if (match.kind === "zone") return confirmZone(ctx, match.zone);
  if (match.kind === "choose") {
    const now = ctx.services.clock.now();
    const kb = new InlineKeyboard();
    match.zones.forEach((z, i) => {
      if (i > 0 && i % 2 === 0) kb.row();
      kb.text(`${zoneCity(z, ctx.locale)} · ${formatInstant(now, ctx.locale, z, false)}`, `tz:ask:${z}`);
    });
    const place = match.country ? countryName(match.country, ctx.locale) : escapeHtml(typed.trim().slice(0, 80));
    await ctx.reply(ctx.t("remind:settings.tz_pick", { place }), { parse_mode: "HTML", reply_markup: kb });
    return;
  }
  await ctx.reply(ctx.t("remind:settings.tz_unknown"), { parse_mode: "HTML" });
  await askToType(ctx);
}

privateChats.callbackQuery(new RegExp(`^tz:(set|ask):(${ZONE})$`), async (ctx) => {
  const [, action, zone] = ctx.match as unknown as [string, "set" | "ask", string];
  if (!isTimeZone(zone)) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (action === "set") return saveZone(ctx, zone);
  return confirmZone(ctx, zone);
});

privateChats.callbackQuery("tz:no", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const tz = (await ctx.services.stores.users.get(ctx.from.id)).timezone ?? DEFAULT_TIME_ZONE;
  await ctx.reply(ctx.t("remind:settings.not_changed", { tz: zoneLabel(tz) }));
  await askToType(ctx);
});

/** A common zone's button: saved at once (the button names the zone), with the local time it gives. */
privateChats.callbackQuery(new RegExp(`^tz:(${ZONE})$`), async (ctx) => {
  const zone = ctx.match[1]!;
  if (!isTimeZone(zone)) return ctx.answerCallbackQuery({ text: ctx.t("errors.stale_button") });
  await ctx.answerCallbackQuery();
  await saveZone(ctx, zone);
});

/** The prompt's text in every language: a reply to any of them is a typed place. */
const promptTexts = (ctx: BotContext) => new Set(SUPPORTED_LOCALES.map((l) => ctx.services.i18n.getFixedT(l)("remind:settings.type_tz")));

privateChats.on("message:text", async (ctx, next) => {
  const text = ctx.message.text;
  const reply = ctx.message.reply_to_message;
  const answersPrompt = reply?.from?.id === ctx.me.id && reply.text !== undefined && promptTexts(ctx).has(reply.text);
  if (answersPrompt) return answerTyped(ctx, text, findZone(text));
  // Outside the prompt only what cannot be a question is taken: an IANA name ("Europe/Berlin") or an offset ("UTC+3").
  if (/^\s*(?:[A-Za-z_]+\/[A-Za-z_/+-]+|(?:utc|gmt)\s*[+\-−]\s*\d{1,2}(?::\d{2})?)\s*$/i.test(text)) {
    const match = findZone(text);
    if (match.kind !== "none") return answerTyped(ctx, text, match);
  }
  return next();
});
