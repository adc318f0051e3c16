import { describe, expect, it } from "vitest";
import { EMBEDDED_RATE_TABLES } from "../../../src/rules/data/facts/rates.js";
import { convertToUsd, latestTable, type RateTable } from "../../../src/rules/rates/convert.js";
import { parseNbkRates } from "../../../src/rates/nbkClient.js";
import { createRatesProvider } from "../../../src/rates/provider.js";

/** Made-up tables for tests only. */
const DAY1: RateTable = { date: "2026-11-20", origin: "embedded", kztPer: { USD: 500, EUR: 550, RUB: 5 } };
const DAY2: RateTable = { date: "2026-11-27", origin: "embedded", kztPer: { USD: 510, EUR: 560 } };
const FETCHED: RateTable = { date: "2026-12-01", origin: "nbk", kztPer: { USD: 520, EUR: 570 } };

describe("convertToUsd", () => {
  it("goes through tenge, as the bank quotes every currency against KZT", () => {
    expect(convertToUsd(1000, "EUR", DAY1)).toEqual({ usd: 1100, kztPerUnit: 550, kztPerUsd: 500, date: "2026-11-20", origin: "embedded" });
    expect(convertToUsd(500_000, "KZT", DAY1)?.usd).toBe(1000);
    expect(convertToUsd(100_000, "RUB", DAY1)?.usd).toBe(1000);
  });

  it("has no answer without a table, or without the currency or USD in it", () => {
    expect(convertToUsd(1000, "EUR", undefined)).toBeUndefined();
    expect(convertToUsd(1000, "GBP", DAY1)).toBeUndefined();
    expect(convertToUsd(1000, "EUR", { ...DAY1, kztPer: { EUR: 550 } })).toBeUndefined();
  });

  it("picks the latest table on or before the day", () => {
    expect(latestTable([DAY1, DAY2], "2026-11-30")).toBe(DAY2);
    expect(latestTable([DAY1, DAY2], "2026-11-21")).toBe(DAY1);
    expect(latestTable([DAY1, DAY2], "2026-11-01")).toBeUndefined();
  });

  it("embeds no rate it cannot source: the table is empty until rates read from the bank are added", () => {
    for (const table of EMBEDDED_RATE_TABLES) expect(table.origin).toBe("embedded");
    expect(EMBEDDED_RATE_TABLES).toEqual([]);
  });
});

const XML = `<?xml version="1.0" encoding="utf-8"?>
<rates><generator>test</generator><title>Official exchange rates</title><date>01.12.2026</date>
<item><fullname>US DOLLAR</fullname><title>USD</title><description>520.5</description><quant>1</quant><index>UP</index><change>1.2</change></item>
<item><fullname>EURO</fullname><title>EUR</title><description>570,25</description><quant>1</quant></item>
<item><fullname>RUSSIAN RUBLE</fullname><title>RUB</title><description>6.5</description><quant>1</quant></item>
<item><fullname>JAPANESE YEN</fullname><title>JPY</title><description>345</description><quant>100</quant></item>
</rates>`;

describe("parseNbkRates", () => {
  it("reads the day and KZT per unit (dividing out the quantity)", () => {
    expect(parseNbkRates(XML)).toEqual({ date: "2026-12-01", origin: "nbk", kztPer: { USD: 520.5, EUR: 570.25, RUB: 6.5, JPY: 3.45 } });
  });

  it.each([
    ["no date", XML.replace("<date>01.12.2026</date>", "")],
    ["no USD", XML.replace("<title>USD</title>", "<title>XXXX</title>")],
    ["an error page", "<html>503 Service Unavailable</html>"],
  ])("refuses a response with %s", (_, xml) => {
    expect(() => parseNbkRates(xml)).toThrow();
  });
});

describe("createRatesProvider", () => {
  const clock = { ms: 0, now() { return this.ms; } };

  it("fetches once a day and serves the fetched table", async () => {
    let calls = 0;
    const p = createRatesProvider({ fetchDay: async () => (calls++, FETCHED), embedded: [DAY1], now: () => clock.now() });
    expect(await p.current("2026-12-01")).toEqual(FETCHED);
    expect(await p.current("2026-12-01")).toEqual(FETCHED);
    expect(calls).toBe(1);
  });

  it("falls back to the embedded table when the refresh fails, marked as such, and waits before retrying", async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const p = createRatesProvider({
      fetchDay: async () => {
        calls++;
        throw new Error("network down");
      },
      embedded: [DAY1, DAY2],
      now: () => clock.now(),
      onError: (e) => errors.push(e),
    });
    expect(await p.current("2026-12-01")).toEqual({ ...DAY2, fallback: true });
    expect(await p.current("2026-12-01")).toEqual({ ...DAY2, fallback: true });
    expect(calls).toBe(1);
    expect(errors).toHaveLength(1);
    clock.ms += 11 * 60_000;
    await p.current("2026-12-01");
    expect(calls).toBe(2);
  });

  it("keeps the last fetched table over the embedded one when a later refresh fails", async () => {
    let fail = false;
    const p = createRatesProvider({
      fetchDay: async () => {
        if (fail) throw new Error("down");
        return FETCHED;
      },
      embedded: [DAY1],
      now: () => clock.now(),
    });
    await p.current("2026-12-01");
    fail = true;
    expect(await p.current("2026-12-02")).toEqual({ ...FETCHED, fallback: true });
  });

  it("has no rate when nothing is fetched and nothing is embedded", async () => {
    const p = createRatesProvider({ fetchDay: async () => Promise.reject(new Error("down")), embedded: [], now: () => clock.now() });
    expect(await p.current("2026-12-01")).toBeUndefined();
    expect(await createRatesProvider({ now: () => 0, embedded: [] }).current("2026-12-01")).toBeUndefined();
  });
});
