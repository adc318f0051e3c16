import { InlineKeyboard } from "grammy";
import { almatyToday } from "../../rules/index.js";
import { checklistItems, parseTicks, toggleTick, type DocRoute, type DocumentTicks } from "../../rules/documents/index.js";
import { loadOutcome } from "../../rules/outcome/index.js";
import type { BotContext } from "../context.js";
import { checklistKeyboard, DOC_CB, itemKeyboard, renderChecklist, renderItem } from "../documents/render.js";
import { outcomeRoutes, routeKeyboard, routeOfCode } from "../render/routeChoice.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/**
 * `/documents`: the document checklist of the person's route as buttons: tick and untick documents, open one to
 * see what it needs. Ticks are kept per person in stores.documents (so they survive a restart, are exported by
 * /mydata and erased by /forget). Plain inline keyboards rather than @grammyjs/menu: every button carries the
 * route and the document it means (e.g. "doc:t:b9r:police_clearance", at most 40 bytes), so a press on an old
 * message ticks exactly the document it shows and a tampered one is recognised by name; the menu plugin finds a
 * pressed button by its row and column in a menu re-rendered at press time, which would need the route kept
 * elsewhere (a payload or the session) and answers an old message with its own "outdated" reply.
 */
export const documentsFeature = new FeatureComposer<BotContext>();
const privateChats = documentsFeature.chatType("private");

documentsFeature.chatType(["group", "supergroup"]).command("documents", (ctx) =>
  ctx.reply(ctx.t("documents:private_only"), {
    reply_markup: new InlineKeyboard().url(ctx.t("check:private_only_button"), `https://t.me/${ctx.me.username}`),
  }),
);

const view = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, today: almatyToday(ctx.services.clock.now()) });
const key = (ctx: BotContext) => String(ctx.from!.id);

async function readTicks(ctx: BotContext): Promise<DocumentTicks> {
  return parseTicks(await ctx.services.stores.documents.read(key(ctx)));
}

/** The checklist of the person's route; with no outcome (or two routes), the choice of route first. */
async function showDocuments(ctx: BotContext): Promise<void> {
  const routes = outcomeRoutes(await loadOutcome(ctx.services.stores, ctx.from!.id));
  if (routes.length === 1) {
    await sendChecklist(ctx, routes[0]!);
    return;
  }
  await ctx.reply(ctx.t(routes.length > 1 ? "documents:choose_route_outcome" : "documents:choose_route"), {
    reply_markup: routeKeyboard(ctx.t, DOC_CB.route, routes.length > 1 ? routes : undefined),
  });
}

async function sendChecklist(ctx: BotContext, route: DocRoute): Promise<void> {
  const ticks = await readTicks(ctx);
  await ctx.reply(renderChecklist(view(ctx), route, ticks), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    reply_markup: checklistKeyboard(ctx.t, route, ticks),
  });
}

/** Shows `text` in the pressed message; when that message can no longer be edited, sends it anew. */
async function show(ctx: BotContext, text: string, reply_markup: InlineKeyboard): Promise<void> {
  const options = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true }, reply_markup };
  try {
    await ctx.editMessageText(text, options);
  } catch {
    await ctx.reply(text, options);
  }
}

privateChats.command("documents", showDocuments);

privateChats.callbackQuery(DOC_CB.routes, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("documents:choose_route"), { reply_markup: routeKeyboard(ctx.t, DOC_CB.route) });
});

privateChats.callbackQuery(/^doc:([rl]):([a-z0-9]+)$/, async (ctx) => {
  const route = routeOfCode(ctx.match[2]);
  if (!route) return stale(ctx);
  await ctx.answerCallbackQuery();
  if (ctx.match[1] === "r") return sendChecklist(ctx, route);
  const ticks = await readTicks(ctx);
  await show(ctx, renderChecklist(view(ctx), route, ticks), checklistKeyboard(ctx.t, route, ticks));
});

privateChats.callbackQuery(/^doc:([tui]):([a-z0-9]+):([a-z0-9_]{1,40})$/, async (ctx) => {
  const route = routeOfCode(ctx.match[2]);
  const item = ctx.match[3]!;
  if (!route || !checklistItems(route).includes(item)) return stale(ctx);
  const action = ctx.match[1];
  let ticks = await readTicks(ctx);
  if (action !== "i") {
    ticks = toggleTick(ticks, route, item);
    await ctx.services.stores.documents.write(key(ctx), ticks);
  }
  const ticked = ticks.routes[route]?.includes(item) ?? false;
  await ctx.answerCallbackQuery(action === "i" ? {} : { text: ctx.t(ticked ? "documents:ticked" : "documents:unticked") });
  if (action === "t") await show(ctx, renderChecklist(view(ctx), route, ticks), checklistKeyboard(ctx.t, route, ticks));
  else await show(ctx, renderItem(view(ctx), route, item, ticks), itemKeyboard(ctx.t, route, item, ticks));
});

/** Any other "doc:" press: an old message's button or a tampered one. A short answer, nothing changes. */
documentsFeature.callbackQuery(/^doc:/, stale);

async function stale(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("documents:stale") });
}
