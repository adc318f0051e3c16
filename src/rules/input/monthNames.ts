import { foldCase, foldKazakh } from "./normalize.js";

/**
 * Month words in English, Russian, Kazakh and German, index 0 = January.
 * Russian: nominative, genitive ("марта") and common abbreviations. Kazakh: nominative, genitive
 * ("наурыздың 15-і") and locative ("наурызда"). German: full names, Austrian "Jänner"/"Feber",
 * "Maerz"/"Marz" spellings and abbreviations (German genitive month forms are identical).
 * Lookup is case-insensitive, diacritic-insensitive for Latin letters, and Kazakh letters also
 * match their Russian-keyboard substitutes ("қаңтар" = "кантар").
 */
const MONTH_WORDS: readonly (readonly string[])[] = [
  // January
  ["january", "jan", "январь", "января", "янв", "қаңтар", "қаңтардың", "қаңтарда", "januar", "jänner", "jaenner"],
  // February
  ["february", "feb", "febr", "февраль", "февраля", "фев", "февр", "ақпан", "ақпанның", "ақпанда", "februar", "feber"],
  // March
  ["march", "mar", "март", "марта", "мар", "наурыз", "наурыздың", "наурызда", "märz", "maerz", "mrz", "mär"],
  // April
  ["april", "apr", "апрель", "апреля", "апр", "сәуір", "сәуірдің", "сәуірде"],
  // May
  ["may", "май", "мая", "мамыр", "мамырдың", "мамырда", "mai"],
  // June
  ["june", "jun", "июнь", "июня", "июн", "маусым", "маусымның", "маусымда", "juni"],
  // July
  ["july", "jul", "июль", "июля", "июл", "шілде", "шілденің", "шілдеде", "juli"],
  // August
  ["august", "aug", "август", "августа", "авг", "тамыз", "тамыздың", "тамызда"],
  // September
  ["september", "sep", "sept", "сентябрь", "сентября", "сен", "сент", "қыркүйек", "қыркүйектің", "қыркүйекте"],
  // October
  ["october", "oct", "октябрь", "октября", "окт", "қазан", "қазанның", "қазанда", "oktober", "okt"],
  // November
  ["november", "nov", "ноябрь", "ноября", "ноя", "нояб", "қараша", "қарашаның", "қарашада"],
  // December
  ["december", "dec", "декабрь", "декабря", "дек", "желтоқсан", "желтоқсанның", "желтоқсанда", "dezember", "dez"],
];

const monthKey = (word: string): string => foldKazakh(foldCase(word));

let table: Map<string, number> | undefined;

function monthTable(): Map<string, number> {
  if (table) return table;
  const built = new Map<string, number>();
  MONTH_WORDS.forEach((words, index) => {
    for (const word of words) built.set(monthKey(word), index + 1);
  });
  table = built;
  return built;
}

/** Month number 1..12 for a month word in any of the four languages, or undefined. */
export function monthFromWord(word: string): number | undefined {
  return monthTable().get(monthKey(word.replace(/\.$/, "")));
}
