/**
 * A light suffix stripper for Kazakh, which has no maintained stemmer on npm: it removes the common
 * case, possessive and plural endings (longest first, repeatedly) while at least four letters of
 * the stem remain, so "отбасыммен" and "отбасы", "құжаттарды" and "құжат" meet; and the personal and
 * infinitive endings of the verbs questions use, in "I" and "we" forms, so "рәсімдеймін", "рәсімдейміз"
 * and "рәсімдеу" meet.
 */
import { foldSpelling } from "./fold.js";

/**
 * Written with Kazakh letters for reading; folded like the words they are stripped from. -ың/-ің fold to -ын/-ин,
 * so "визасын" (its visa, as an object) lost only "-ын"; "-сын/-сін" is listed whole so it meets "визасы", "виза".
 */
const RAW_SUFFIXES = [
  "лардың", "лердің", "дардың", "дердің", "тардың", "тердің",
  "ларға", "лерге", "дарға", "дерге", "тарға", "терге",
  "лардан", "лерден", "дардан", "дерден", "тардан", "терден",
  "ларды", "лерді", "дарды", "дерді", "тарды", "терді",
  "ларын", "лерін", "дарын", "дерін", "тарын", "терін",
  "ымен", "імен", "мен", "бен", "пен",
  "нан", "нен", "дан", "ден", "тан", "тен",
  "ның", "нің", "дың", "дің", "тың", "тің",
  "ға", "ге", "қа", "ке", "на", "не",
  "да", "де", "та", "те", "нда", "нде",
  "ны", "ні", "ды", "ді", "ты", "ті",
  "лар", "лер", "дар", "дер", "тар", "тер",
  "ымыз", "іміз", "ыңыз", "іңіз", "сын", "сін", "сы", "сі", "ым", "ім", "ың", "ің", "м", "ы", "і", "н",
  // Verb endings of questions: "рәсімдеймін" (I file), "қарайды" (it reviews), "ұзартуға" (to extend) meet
  // the verbal noun of the search data ("рәсімдеу", "ұзарту"). Not -сыз/-сіз: that is also "without" ("визасыз").
  "ймын", "ймін", "амын", "емін", "мын", "мін", "бын", "бін", "пын", "пін",
  "йды", "йді", "ады", "еді", "уға", "уге", "у",
  // The same with "we" ("рәсімдейміз", "ұзартамыз", "төлейміз"), and "we are" after a noun ("Үндістаннанбыз").
  // "We need to" ("тапсыруымыз керек") is the possessive -ымыз above before the verbal noun's -у.
  "ймыз", "йміз", "амыз", "еміз", "мыз", "міз", "быз", "біз", "пыз", "піз",
];

let suffixes: readonly string[] | undefined;

/**
 * Endings whose shorter tails are endings after a vowel-final stem too: "визамыз" is "виза" + "-мыз" though it ends
 * in the verb's "-амыз", "визамын" "виза" + "-мын". Every other ending the word ends in is the one it was formed
 * with: when its root is too short for it to go, no shorter tail of it is cut either ("тұрады" is "тұр" + "-ады";
 * cutting "-ды" left "тұра", the beginning of "тұрақты", permanent, and "қанша тұрады", what does it cost, read
 * as a question about the permit's length).
 */
const RAW_TAILS_ARE_ENDINGS = ["амын", "емін", "амыз", "еміз", "ымыз", "іміз", "ымен", "імен"];
let tailsAreEndings: ReadonlySet<string> | undefined;

const MIN_STEM = 4;

export function kazakhStem(word: string): string {
  suffixes ??= RAW_SUFFIXES.map(foldSpelling).sort((a, b) => b.length - a.length);
  tailsAreEndings ??= new Set(RAW_TAILS_ARE_ENDINGS.map(foldSpelling));
  let w = word;
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of suffixes) {
      if (!w.endsWith(s)) continue;
      if (w.length - s.length >= MIN_STEM) {
        w = w.slice(0, -s.length);
        changed = true;
        break;
      }
      if (!tailsAreEndings.has(s)) break;
    }
  }
  return w;
}

/**
 * The case endings, as written apart from the word they end: Kazakh writes them after a number or an abbreviation
 * with a hyphen ("B12-ге", "2026-дан", "ВНЖ-ға"), and chat often with a space ("b12 ге", "IT ка"). Alone they
 * are no word: read as one, "ге" or "ға" weighed like an unknown word, and the question seemed to ask about more.
 */
const RAW_CASE_ENDINGS = [
  "ға", "ге", "қа", "ке", "да", "де", "та", "те", "нда", "нде",
  "дан", "ден", "тан", "тен", "нан", "нен", "ның", "нің", "дың", "дің", "тың", "тің",
  "ны", "ні", "ды", "ді", "ты", "ті", "мен", "бен", "пен",
];
let caseEndings: ReadonlySet<string> | undefined;

/** Whether a (folded) word is a Kazakh case ending written apart. */
export function isCaseEnding(word: string): boolean {
  caseEndings ??= new Set(RAW_CASE_ENDINGS.map(foldSpelling));
  return caseEndings.has(word);
}
