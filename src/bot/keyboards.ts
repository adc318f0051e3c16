import { InlineKeyboard } from "grammy";
import type { TFunction } from "./i18n.js";

/** Callback data of the main actions; the features that answer them import these constants. */
export const ACTION = {
  check: "menu:check",
  faq: "menu:faq",
  remind: "menu:remind",
  help: "menu:help",
  language: "menu:language",
  privacy: "menu:privacy",
  plan: "menu:plan",
} as const;

/** The main actions under /start. */
export function mainMenu(t: TFunction): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("menu.check"), ACTION.check)
    .row()
    .text(t("menu.faq"), ACTION.faq)
    .row()
    .text(t("menu.remind"), ACTION.remind)
    .row()
    .text(t("menu.language"), ACTION.language)
    .text(t("menu.help"), ACTION.help)
    .row()
    .text(t("menu.privacy"), ACTION.privacy);
}
