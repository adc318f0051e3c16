/**
 * Every fee of a route, in KZT for a year through the MRP table and in US dollars where the fee is fixed in
 * dollars, the totals, and an approximate total in another currency through a dated table of official rates.
 * Pure: the year and the rate table come in as arguments. No rate is ever made up: without one, the conversion
 * says why it cannot be made.
 */
import type { FactId } from "../data/facts/index.js";
import { getFact } from "../data/load.js";
import { kztForMrp, mrpFactId } from "../data/mrp.js";
import type { RouteId } from "../eligibility/routes.js";
import type { RateTable } from "../rates/convert.js";

const ROUTE_FEES: Record<RouteId, readonly FactId[]> = {
  // S002's residence path: the state duty paid with the electronic application (the sources give no amount).
  "b9_1.residence": ["b9_1.fee.residence_state_duty"],
  // S000's visa path: the e-visa's consular fee, the multiple-entry visa's state fee, then the residence duty.
  "b9_1.evisa": ["b9_1.fee.evisa", "b9_1.fee.multiple_entry", "b9_1.fee.residence_state_duty"],
  "b12_1.invitation": ["b12_1.fee.consular"],
  "b12_1.no_invitation": ["b12_1.fee.consular"],
};

export type FeeLine =
  | { readonly fact: FactId; readonly kind: "usd"; readonly usd: number }
  | { readonly fact: FactId; readonly kind: "mrp"; readonly mrp: number; readonly kzt?: number }
  | { readonly fact: FactId; readonly kind: "not_stated" };

export type Conversion =
  | { readonly ok: true; readonly currency: string; readonly amount: number; readonly rateDate: string; readonly fallback: boolean }
  | { readonly ok: false; readonly currency: string; readonly reason: "no_table" | "no_rate" | "no_mrp" };

export interface RouteFees {
  readonly route: RouteId;
  readonly year: number;
  readonly lines: readonly FeeLine[];
  /** The MRP fact used for the year, when the year's MRP is confirmed. */
  readonly mrpFact?: string;
  /** Sum of the MRP fees in KZT; undefined when a fee is in MRP and the year's MRP is not known. */
  readonly kztTotal?: number;
  readonly mrpTotal: number;
  readonly usdTotal: number;
  /** Fees whose amount the sources do not give (counted in no total). */
  readonly notStated: number;
  /** The approximate total in the person's currency, when one was asked for. */
  readonly converted?: Conversion;
}

/** The fee facts of a route, in the order they are paid. */
export function routeFeeFacts(route: RouteId): readonly FactId[] {
  return ROUTE_FEES[route];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The fees of `route` in `year`; with `currency`, the approximate total in it through `rates`. */
export function routeFees(route: RouteId, year: number, opts: { currency?: string; rates?: RateTable } = {}): RouteFees {
  const lines: FeeLine[] = ROUTE_FEES[route].map((id) => {
    const fact = getFact(id);
    if (typeof fact.value === "number" && fact.unit === "USD") return { fact: id, kind: "usd", usd: fact.value };
    if (typeof fact.value === "number" && fact.unit === "MRP") {
      const kzt = kztForMrp(fact.value, year);
      return { fact: id, kind: "mrp", mrp: fact.value, ...(kzt === undefined ? {} : { kzt }) };
    }
    return { fact: id, kind: "not_stated" };
  });
  const mrpLines = lines.filter((l): l is Extract<FeeLine, { kind: "mrp" }> => l.kind === "mrp");
  const mrpTotal = mrpLines.reduce((s, l) => s + l.mrp, 0);
  const kztTotal = mrpLines.every((l) => l.kzt !== undefined) ? round2(mrpLines.reduce((s, l) => s + (l.kzt ?? 0), 0)) : undefined;
  const usdTotal = lines.reduce((s, l) => s + (l.kind === "usd" ? l.usd : 0), 0);
  const mrpFact = mrpLines.length > 0 ? mrpFactId(year) : undefined;
  const result: RouteFees = {
    route,
    year,
    lines,
    ...(mrpFact ? { mrpFact } : {}),
    ...(kztTotal === undefined ? {} : { kztTotal }),
    mrpTotal,
    usdTotal,
    notStated: lines.filter((l) => l.kind === "not_stated").length,
  };
  if (!opts.currency) return result;
  return { ...result, converted: convertTotal(result, opts.currency, opts.rates) };
}

/** KZT total plus the dollar fees, in `currency`, through tenge (the bank quotes every currency against KZT). */
function convertTotal(fees: Omit<RouteFees, "converted">, currency: string, table: RateTable | undefined): Conversion {
  if (fees.mrpTotal > 0 && fees.kztTotal === undefined) return { ok: false, currency, reason: "no_mrp" };
  const kzt = fees.kztTotal ?? 0;
  if (currency === "USD" && kzt === 0) {
    return { ok: true, currency, amount: fees.usdTotal, rateDate: "", fallback: false };
  }
  if (!table) return { ok: false, currency, reason: "no_table" };
  const kztPerUnit = currency === "KZT" ? 1 : table.kztPer[currency];
  const kztPerUsd = table.kztPer.USD;
  if (kztPerUnit === undefined || (fees.usdTotal > 0 && kztPerUsd === undefined)) return { ok: false, currency, reason: "no_rate" };
  const inKzt = kzt + fees.usdTotal * (kztPerUsd ?? 0);
  return { ok: true, currency, amount: round2(inKzt / kztPerUnit), rateDate: table.date, fallback: table.fallback === true };
}
