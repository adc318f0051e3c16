/** Pure parsers for what people type into the bot: dates, money amounts, counts and countries. */
export { parseDate, type DateParseError, type DateParseOptions, type DateParseResult } from "./date.js";
export { parseAmount, MAX_AMOUNT, type AmountParseError, type AmountParseResult, type Currency } from "./amount.js";
export { parseCount, MAX_COUNT, type CountParseError, type CountParseResult } from "./count.js";
export { matchCountry, countryName, type CountryMatch } from "./country.js";
export type { NameLocale } from "./countryIndex.js";
export { isStatelessAnswer } from "./stateless.js";
