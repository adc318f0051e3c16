import type { Api } from "grammy";
import { SUPPORTED_LOCALES } from "../store/index.js";
import type { I18n } from "./i18n.js";

/**
 * The commands shown in Telegram's menu, in /help and under /start, in order. Names stay Latin in every
 * language. test/bot/commandList.test.ts fails when a registered command is missing here.
 */
export const MENU_COMMANDS = [
  "start",
  "check",
  "plan",
  "faq",
  "documents",
  "fees",
  "compare",
  "remind",
  "deadlines",
  "reminders",
  "alerts",
  "settings",
  "language",
  "privacy",
  "mydata",
  "forget",
  "help",
  "cancel",
] as const;

/**
 * Registers the command list, description and short description for every supported language
 * (and English as the default for everyone else). Called once at startup.
 */
export async function registerBotProfile(api: Api, i18n: I18n): Promise<void> {
  for (const lng of [undefined, ...SUPPORTED_LOCALES]) {
    const t = i18n.getFixedT(lng ?? "en");
    const language_code = lng;
    const commands = MENU_COMMANDS.map((command) => ({ command, description: t(`commands.${command}`) }));
    await api.setMyCommands(commands, language_code ? { language_code } : {});
    await api.setMyDescription(t("profile.description"), language_code ? { language_code } : {});
    await api.setMyShortDescription(t("profile.short_description"), language_code ? { language_code } : {});
  }
}
