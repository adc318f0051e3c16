/**
 * German nouns after "binnen", "innerhalb von", "nach", "seit", "in" take the dative: a rendered amount's plural unit
 * ("3 Arbeitstage") becomes "3 Arbeitstagen". German texts ask for it with i18next's format syntax,
 * `{{f.kz.eaeu_notification, dative}}`; other languages and other values pass unchanged.
 * Hand-written: i18next formats numbers, dates and lists, not the case of a noun, and the units are a closed list
 * (facts:units in locales/de/facts.json).
 */
const PLURAL_UNITS = /(?<!\p{L})(Kalendertage|Arbeitstage|Tage|Monate|Jahre)(?!\p{L})/gu;

export function germanDative(value: unknown, lng: string | undefined): unknown {
  return lng === "de" && typeof value === "string" ? value.replace(PLURAL_UNITS, "$1n") : value;
}
