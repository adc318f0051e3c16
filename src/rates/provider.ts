import { EMBEDDED_RATE_TABLES } from "../rules/data/facts/rates.js";
import { latestTable, type RateTable } from "../rules/rates/convert.js";

/** Where /check gets the exchange rates of a day; injected, so tests use a fixed table. */
export interface RatesProvider {
  /** The rates to convert with on `today` (YYYY-MM-DD), or undefined when no sourced rate exists. */
  current(today: string): Promise<RateTable | undefined>;
}

export interface RatesProviderOptions {
  /** Fetches the bank's rates of a day; absent when no refresh is configured. */
  fetchDay?: (day: string) => Promise<RateTable>;
  /** The embedded default (the facts data's tables unless a test injects others). */
  embedded?: readonly RateTable[];
  /** Epoch ms, for the retry pause after a failed refresh. */
  now: () => number;
  /** After a failed refresh, wait this long before trying again (people are not made to wait each time). */
  retryAfterMs?: number;
  /** Told about a failed refresh: the error only, never who asked. */
  onError?: (err: unknown) => void;
}

/**
 * The rates of the day: the bank's published rates, refreshed once a day on first use; when the refresh fails,
 * the last table fetched, else the embedded table (both marked `fallback`); else none, and the bot asks for
 * US dollars.
 */
export function createRatesProvider(opts: RatesProviderOptions): RatesProvider {
  const embedded = opts.embedded ?? EMBEDDED_RATE_TABLES;
  const retryAfterMs = opts.retryAfterMs ?? 10 * 60_000;
  let fetched: { day: string; table: RateTable } | undefined;
  let failedAt: number | undefined;
  let inFlight: Promise<RateTable | undefined> | undefined;

  const fallback = (today: string): RateTable | undefined => {
    const table = fetched?.table ?? latestTable(embedded, today);
    if (!table) return undefined;
    return opts.fetchDay ? { ...table, fallback: true } : table;
  };

  async function refresh(today: string): Promise<RateTable | undefined> {
    try {
      const table = await opts.fetchDay!(today);
      fetched = { day: today, table };
      failedAt = undefined;
      return table;
    } catch (err) {
      failedAt = opts.now();
      opts.onError?.(err);
      return fallback(today);
    }
  }

  return {
    async current(today) {
      if (fetched?.day === today) return fetched.table;
      if (!opts.fetchDay) return fallback(today);
      if (failedAt !== undefined && opts.now() - failedAt < retryAfterMs) return fallback(today);
      inFlight ??= refresh(today).finally(() => (inFlight = undefined));
      return inFlight;
    },
  };
}
