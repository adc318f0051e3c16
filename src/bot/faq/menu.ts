import { InlineKeyboard } from "grammy";
import { FAQ_GROUPS, FAQ_TOPICS, type FaqGroup } from "../../rules/index.js";
import type { TFunction } from "../i18n.js";

/** Callback data of the FAQ's buttons. */
export const FAQ_CB = {
  menu: "faq:menu",
  group: (group: string, page: number) => `faq:g:${group}:${page}`,
  topic: (id: string) => `faq:t:${id}`,
} as const;

export const TOPICS_PER_PAGE = 6;

/** The groups, two a row. */
export function groupsKeyboard(t: TFunction): InlineKeyboard {
  const kb = new InlineKeyboard();
  FAQ_GROUPS.forEach((g, i) => {
    if (i > 0 && i % 2 === 0) kb.row();
    kb.text(t(`faq:group.${g}`), FAQ_CB.group(g, 0));
  });
  return kb;
}

/** One page of a group's topics, one a row, with paging and a way back to the groups. */
export function topicsKeyboard(t: TFunction, group: FaqGroup, page: number): InlineKeyboard {
  const topics = FAQ_TOPICS.filter((x) => x.group === group);
  const pages = Math.max(1, Math.ceil(topics.length / TOPICS_PER_PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const kb = new InlineKeyboard();
  for (const topic of topics.slice(p * TOPICS_PER_PAGE, (p + 1) * TOPICS_PER_PAGE)) kb.text(t(`faq:topic.${topic.id}.title`), FAQ_CB.topic(topic.id)).row();
  if (p > 0) kb.text(t("faq:ui.prev"), FAQ_CB.group(group, p - 1));
  if (p < pages - 1) kb.text(t("faq:ui.next"), FAQ_CB.group(group, p + 1));
  if (p > 0 || p < pages - 1) kb.row();
  return kb.text(t("faq:ui.all_topics"), FAQ_CB.menu);
}

/** Buttons under an answer: its related topics, then all topics. */
export function answerKeyboard(t: TFunction, related: readonly string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const id of related.slice(0, 3)) kb.text(t(`faq:topic.${id}.title`), FAQ_CB.topic(id)).row();
  return kb.text(t("faq:ui.all_topics"), FAQ_CB.menu);
}

/** "Did you mean" buttons for a weak match. */
export function suggestionsKeyboard(t: TFunction, topicIds: readonly string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const id of topicIds.slice(0, 3)) kb.text(t(`faq:topic.${id}.title`), FAQ_CB.topic(id)).row();
  return kb.text(t("faq:ui.all_topics"), FAQ_CB.menu);
}
