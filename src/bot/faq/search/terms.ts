import { stemmer as englishStem } from "@orama/stemmers/english";
import { stemmer as germanStem } from "@orama/stemmers/german";
import { stemmer as russianStem } from "@orama/stemmers/russian";
import { isCaseEnding, kazakhStem } from "./kazakhStem.js";
import { foldEvisa } from "./evisa.js";
import { foldProgramNames } from "./programNames.js";
import { foldSpelling } from "./fold.js";
import { foldKazakhHomographs } from "./kazakhHomographs.js";
import { foldQuestionPhrases } from "./questionPhrases.js";
import { isStopWord } from "./stopWords.js";
import { isMarkerTerm } from "./markers.js";
import { splitLatinHead } from "./latinHead.js";

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** German feminine agent nouns: "-erin", "-erinnen" (after at least three letters). */
const FEMININE = /^\p{L}{3,}erin(?:nen)?$/u;

/** Lower-cases, folds program names and spellings, and splits into words. */
export function tokenize(text: string): string[] {
  return foldQuestionPhrases(foldSpelling(foldKazakhHomographs(foldEvisa(foldProgramNames(text.normalize("NFKC")))).toLowerCase()))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The one index term of a word: nothing for a stop word; for a Cyrillic word the Russian stem with
 * Kazakh endings stripped from it too (a Kazakh question may be typed with Russian letters); for a
 * Latin word the shorter of its English and German stems. One term a word, so a word with many
 * inflected forms in the index does not weigh more than one with few.
 */
export function processTerm(word: string): string | null {
  const cached = termOf.get(word);
  if (cached !== undefined) return cached;
  const term = termOfWord(word);
  if (termOf.size >= MAX_CACHED_WORDS) termOf.clear();
  termOf.set(word, term);
  return term;
}

/**
 * Words already stemmed: a question's words are stemmed several times over (the search, the country and
 * typo checks, the German compound split), and the stemmers were about a tenth of the search's CPU. Bounded,
 * since the words of questions are unbounded; processTerm is pure, so a kept term is always the right one.
 */
const termOf = new Map<string, string | null>();
const MAX_CACHED_WORDS = 50_000;

/** Forgets the stemmed words (when an index is rebuilt, so the cache holds that index's words). */
export function clearTermCache(): void {
  termOf.clear();
}

function termOfWord(word: string): string | null {
  if (word.length < 2 || isStopWord(word) || isCaseEnding(word)) return null;
  if (isMarkerTerm(word)) return word;
  // A Latin stop word with the clitic "s" glued on ("gibts" for "gibt es", "hows", "wats", "fürs", "its") says no
  // more than the bare one, which is dropped. (Only this ending: taking every word that stems to a stop word
  // dropped Russian and Kazakh words, "тема" as "тем", and lowered the held-out Russian and Kazakh figures.)
  if (CONTRACTED.test(word) && isStopWord(word.slice(0, -1))) return null;
  return stemOf(word);
}

/** A Latin word of at least three letters ending in "s" (see termOfWord). */
const CONTRACTED = /^[a-z]{2,}s$/;

function stemOf(word: string): string {
  // A Latin name with a Kazakh or Russian case ending ("uzbekistanға") is the Latin word: the ending goes, as any ending.
  const mixed = splitLatinHead(word);
  if (mixed) return stemOf(mixed.head);
  if (CYRILLIC.test(word)) {
    const ru = russianStem(word);
    const kk = kazakhStem(word);
    return kk.length < ru.length ? kk : ru;
  }
  // A German feminine agent noun is read as the masculine one the texts mostly write ("Programmiererin",
  // "Freiberuflerinnen" as "Programmierer", "Freiberufler"): the Snowball stemmer leaves "-in" on.
  const latin = FEMININE.test(word) ? word.replace(/in(?:nen)?$/, "") : word;
  const en = englishStem(latin);
  const de = germanStem(latin);
  return de.length < en.length ? de : en;
}

/**
 * A question's term shorter than this matches index terms exactly only, never the longer ones it begins.
 * Capping how much longer a prefix-matched term may be ("pet" → "petit…", "citi" → "citizenship") was tried on
 * 2026-12-02 in TermHits and ExampleIndex alike: at most 1-6 letters more, at most 1.5 or 2 times as long, at most
 * max(2, half the term) more, or a cap only for terms the index holds itself. None raised the left-out examples'
 * right − 3 × wrong by more than 0.4 points (mean of the languages), and all but one lowered the tuning pool.
 */
const MIN_PREFIX_CHARS = 3;

/**
 * Whether a question's term (of `word`) also matches the longer index terms it begins, as a stem meets its
 * family's longer stems ("продл" meets "продлен", "doc" meets "document").
 */
export function matchesAsPrefix(word: string, term: string, known = true): boolean {
  if (term.length < MIN_PREFIX_CHARS) return false;
  // A short stem no topic holds, left by a Kazakh ending cut from a word the Russian stemmer reads otherwise
  // ("погода" → "пого" + locative "-да", while Russian keeps "погод"), is no family of longer stems ("поговор…").
  if (!known && term.length < MIN_KAZAKH_PREFIX_CHARS && CYRILLIC.test(word) && russianStem(word) !== term) return false;
  return true;
}

/** The shortest stem a Kazakh ending was cut to that also matches longer terms. */
const MIN_KAZAKH_PREFIX_CHARS = 5;
