import { RateTableSchema, type RateTable } from "../rules/rates/convert.js";

/**
 * The National Bank of Kazakhstan's feed of official exchange rates for a day: `?fdate=DD.MM.YYYY` returns XML
 * with the day in <date> and one <item> per currency (<title> the ISO code, <description> KZT per <quant>
 * units). This address is the one public clients of the bank's rates use; the bank documents the rates page
 * (nationalbank.kz, "official exchange rates") but we could not confirm a specification of the feed from here,
 * so it is a setting (NBK_RATES_URL) and the parser refuses anything it does not recognise.
 */
export const NBK_RATES_URL = "https://nationalbank.kz/rss/get_rates.cfm";

const ITEM = /<item>([\s\S]*?)<\/item>/g;
const field = (xml: string, tag: string) => new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(xml)?.[1];

/**
 * Reads the bank's XML into a rate table. The feed is flat and small, so a few expressions read it; a full
 * XML parser would add a dependency for six tags. Throws when the date, USD or any number is missing or odd.
 */
export function parseNbkRates(xml: string): RateTable {
  const head = xml.split("<item>")[0] ?? "";
  const day = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(field(head, "date") ?? "");
  if (!day) throw new Error("NBK rates: no <date> DD.MM.YYYY in the response");
  const kztPer: Record<string, number> = {};
  for (const [, item = ""] of xml.matchAll(ITEM)) {
    const code = field(item, "title");
    const rate = Number((field(item, "description") ?? "").replace(",", "."));
    const quant = Number(field(item, "quant") ?? "1");
    if (!code || !/^[A-Z]{3}$/.test(code) || !(rate > 0) || !(quant > 0)) continue;
    kztPer[code] = rate / quant;
  }
  if (kztPer.USD === undefined) throw new Error("NBK rates: no USD rate in the response");
  return RateTableSchema.parse({ date: `${day[3]}-${day[2]}-${day[1]}`, kztPer, origin: "nbk" });
}

export interface NbkFetchOptions {
  url?: string;
  fetch?: typeof fetch;
  /** A person is waiting for the answer: give up after this long and use the embedded table. */
  timeoutMs?: number;
}

/** Fetches and parses the bank's rates of `day` (YYYY-MM-DD); rejects on any network, HTTP or format error. */
export function nbkFetcher(opts: NbkFetchOptions = {}): (day: string) => Promise<RateTable> {
  const url = opts.url ?? NBK_RATES_URL;
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 4_000;
  return async (day) => {
    const fdate = `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
    const res = await doFetch(`${url}?fdate=${fdate}`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`NBK rates: HTTP ${res.status}`);
    return parseNbkRates(await res.text());
  };
}
