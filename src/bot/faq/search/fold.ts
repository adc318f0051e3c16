/**
 * Spellings people use interchangeably: Kazakh letters typed on a Russian keyboard (құжат/кужат),
 * ё as е, German umlauts written out (Gebühr/Gebuehr). Both the index and queries are folded alike.
 */
const FOLD: Readonly<Record<string, string>> = {
  ә: "а", ғ: "г", қ: "к", ң: "н", ө: "о", ұ: "у", ү: "у", һ: "х", і: "и", ё: "е",
  ä: "ae", ö: "oe", ü: "ue", ß: "ss",
};

export function foldSpelling(word: string): string {
  return word.replace(/[әғқңөұүһіёäöüß]/g, (c) => FOLD[c] ?? c);
}
