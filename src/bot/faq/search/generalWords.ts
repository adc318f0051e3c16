import { createRequire } from "node:module";
import { foldSpelling } from "./fold.js";
import { KAZAKH_EVERYDAY_WORDS } from "./kazakhWords.js";

/**
 * Everyday words of English, Russian and German ("just", "turned", "вообще", "eigentlich") from the
 * stopwords-iso lists, and of Kazakh from our own list (kazakhWords.ts: stopwords-iso has none). A question's
 * word that no topic holds but that is one of these says little about what is asked, so it does not count
 * against a topic's explained share; a word no topic holds and no list knows ("bitcoin", "бешбармак") counts
 * fully. Loaded on first use.
 */
let words: ReadonlySet<string> | undefined;

export function isGeneralWord(word: string): boolean {
  if (!words) {
    const lists = createRequire(import.meta.url)("stopwords-iso") as Record<string, string[]>;
    words = new Set([...["en", "ru", "de"].flatMap((lng) => lists[lng] ?? []), ...KAZAKH_EVERYDAY_WORDS].map((w) => foldSpelling(w.toLowerCase())));
  }
  return words.has(word);
}
