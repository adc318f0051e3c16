import type { RateTable } from "../../rates/convert.js";

/**
 * The embedded default of the National Bank of Kazakhstan's official exchange rates (KZT per unit), one
 * dated table per day, used when the daily refresh of the bank's published rates fails or is not configured.
 *
 * EMPTY ON PURPOSE. The tables must hold only rates read from the bank itself (nationalbank.kz), with their
 * date; this project is built offline and no such values could be read, so none are written here: a made-up
 * rate would turn someone's income into a wrong verdict. With no table, /check does not convert and asks for
 * the amount in US dollars. To add one, copy the day's rates from the bank's official-rates page or feed
 * (the endpoint src/rates/nbkClient.ts reads) as { date, kztPer: { USD: …, EUR: … }, origin: "embedded" }.
 */
export const EMBEDDED_RATE_TABLES: readonly RateTable[] = [];
