import { foldCase } from "./normalize.js";

/**
 * Ways people say they have no citizenship, in the bot's four languages, folded as `foldCase` folds them and
 * with punctuation turned into spaces. Kazakh is also given as typed on a Russian keyboard.
 */
const STATELESS_PHRASES: ReadonlySet<string> = new Set([
  // English
  "stateless",
  "i am stateless",
  "im stateless",
  "stateless person",
  "no citizenship",
  "i have no citizenship",
  "no nationality",
  "none",
  // Russian
  "без гражданства",
  "лицо без гражданства",
  "я без гражданства",
  "нет гражданства",
  "у меня нет гражданства",
  "апатрид",
  "лбг",
  // Kazakh
  "азаматтығы жоқ",
  "азаматтыгы жок",
  "азаматтығы жоқ адам",
  "азаматтыгы жок адам",
  "менің азаматтығым жоқ",
  "азаматтығым жоқ",
  "азаматтыгым жок",
  // German
  "staatenlos",
  "ich bin staatenlos",
  "keine staatsangehorigkeit",
  "keine staatsburgerschaft",
  "ohne staatsangehorigkeit",
]);

/** True when a typed answer to "which country's citizen are you?" says the person has none. */
export function isStatelessAnswer(text: string): boolean {
  const folded = foldCase(text)
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return STATELESS_PHRASES.has(folded);
}
