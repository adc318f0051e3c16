import { stemmer as englishStem } from "@orama/stemmers/english";
import { stemmer as germanStem } from "@orama/stemmers/german";
import { stemmer as russianStem } from "@orama/stemmers/russian";
import { kazakhStem } from "./kazakhStem.js";
import { foldProgramNames } from "./programNames.js";
import { foldSpelling } from "./fold.js";
import { isStopWord } from "./stopWords.js";

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Lower-cases, folds program names and spellings, and splits into words. */
export function tokenize(text: string): string[] {
  return foldSpelling(foldProgramNames(text.normalize("NFKC")).toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The index terms of one word: nothing for a stop word; the Russian and the Kazakh stem for a
 * Cyrillic word (a Kazakh question may use Russian letters); the English and German stems otherwise.
 * Every language's stemmer is applied because a question may come in any of the four languages.
 */
export function processTerm(word: string): string[] | null {
  if (word.length < 2 || isStopWord(word)) return null;
  if (word.startsWith("prog")) return [word];
  if (CYRILLIC.test(word)) return [...new Set([russianStem(word), kazakhStem(word)])];
  return [...new Set([englishStem(word), germanStem(word)])];
}
