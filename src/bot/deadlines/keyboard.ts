import { InlineKeyboard } from "grammy";
import type { TFunction } from "../i18n.js";

export const DEADLINE_CB = { export: "dl:ics", edit: "dl:edit", done: (id: string) => `rem:done:${id}` } as const;

/** Under the deadlines list: export to a calendar, change the dates. */
export function deadlinesKeyboard(t: TFunction): InlineKeyboard {
  return new InlineKeyboard().text(t("remind:btn.export"), DEADLINE_CB.export).row().text(t("remind:btn.edit"), DEADLINE_CB.edit);
}
