/**
 * Prints every FAQ answer as the bot would send it, with its length, for one language:
 * `npx tsx bench/faq-preview.ts de`. A writing aid for answers and their translations.
 */
import { createI18n } from "../src/bot/i18n.js";
import { renderAnswer, ANSWER_MAX_CHARS, NOTE_MAX_CHARS } from "../src/bot/faq/renderAnswer.js";
import { FAQ_TOPICS } from "../src/rules/index.js";
import { isLocale } from "../src/bot/i18n.js";

const lng = process.argv[2] ?? "en";
if (!isLocale(lng)) throw new Error(`Usage: npx tsx bench/faq-preview.ts en|ru|kk|de (got ${lng})`);
const i18n = createI18n();
const only = process.argv[3];
for (const topic of FAQ_TOPICS.filter((t) => !only || t.id === only)) {
  const a = renderAnswer(topic.id, i18n, lng, "2026-12-01");
  const length = a.body.length;
  const note = a.note ? `, note ${a.note.length}${a.note.length > NOTE_MAX_CHARS ? " — TOO LONG" : ""}` : "";
  console.log(`==== ${topic.id} (${length} chars${length > ANSWER_MAX_CHARS ? " — TOO LONG" : ""}${note})\n${a.html}\n`);
}
