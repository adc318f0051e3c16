/**
 * The electronic visa under its many spellings ("e-visa", "eVisa", "E-Visum", "е-визасына", "электронная
 * виза", "электрондық визамен", "evizu" typed in Latin), folded into one token before tokenizing: split at
 * the hyphen, "e-visa" was the word "visa" alone (the "e" too short to index), which every topic holds.
 */
const START = String.raw`(?<![\p{L}\p{N}])`;
const EVISA = new RegExp(
  `${START}(?:(?:e|е|э)[\\s-]?(?:visa|visum|viza|vizu|vizy|виз)\\p{L}*|evis\\p{L}*|eviz\\p{L}*|эвиз\\p{L}*|электрон\\p{L}*[\\s-]+(?:виз|visa)\\p{L}*)`,
  "giu",
);

export function foldEvisa(text: string): string {
  return text.replace(EVISA, " evisa ");
}
