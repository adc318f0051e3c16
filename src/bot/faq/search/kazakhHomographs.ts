/**
 * Kazakh words that the spelling fold (fold.ts) would merge with another, commoner word, read before it as a
 * synonym it keeps apart. The fold writes ұ and ү alike as у, as a Russian keyboard types both: so "құны" (its cost)
 * became "куны", stemmed "кун", the term of "күн" (day), and "B12-1 құны қанша" (what does B12-1 cost) went to the
 * processing times ("қанша күн", how many days). "Құн" (value, cost) is read as "баға" (price), its synonym in a
 * question about a fee, in the same case. Only words written with their Kazakh letters: "куны" typed without them
 * may be either word and stays as it is.
 */
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;

/** The forms of "құн" questions use, each with the same form of "баға" ("құнны" is a common slip for "құны"). */
const COST_FORMS: Readonly<Record<string, string>> = {
  "": "баға", ы: "бағасы", ны: "бағасы", ын: "бағасын", ына: "бағасына", ының: "бағасының", ымен: "бағасымен",
};
const COST = new RegExp(`${START}құн(ы|ын|ына|ының|ымен|ны|)${END}`, "giu");

export function foldKazakhHomographs(text: string): string {
  if (!/құн/iu.test(text)) return text;
  return text.replace(COST, (_, ending: string) => COST_FORMS[ending.toLowerCase()] ?? "баға");
}
