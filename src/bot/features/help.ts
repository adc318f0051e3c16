import { MENU_COMMANDS } from "../commands.js";
import type { BotContext } from "../context.js";
import { ACTION } from "../keyboards.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

export const helpFeature = new FeatureComposer<BotContext>();

function helpText(ctx: BotContext): string {
  const lines = MENU_COMMANDS.map((c) => `/${c} — ${ctx.t(`commands.${c}`)}`);
  return `${ctx.t("help.title")}\n\n${lines.join("\n")}\n\n${ctx.t("help.free_text")}`;
}

helpFeature.command("help", (ctx) => ctx.reply(helpText(ctx), { parse_mode: "HTML" }));

helpFeature.callbackQuery(ACTION.help, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(helpText(ctx), { parse_mode: "HTML" });
});
