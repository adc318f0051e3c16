import type { ApiFailure } from "./botApiEmulator.js";
import { mulberry32 } from "../runtime/seededRandom.js";

/**
 * What an injected fault does to one Bot API call:
 * - `http`: Telegram answers with this error (429 with `retry_after`, 500, 502, …);
 * - `reset`: the connection drops before the request is processed (nothing happens);
 * - `refused`: the connection cannot be made at all;
 * - `lost`: the request is processed (a message is sent), then its response is lost.
 */
export type Fault = { kind: "http"; failure: ApiFailure } | { kind: "reset" } | { kind: "refused" } | { kind: "lost" };

export interface FaultPlan {
  /** The fault for the next call of `method`, or undefined to let it through. */
  next(method: string): Fault | undefined;
}

export interface RandomFaultsOptions {
  /** Share of calls that fail, 0..1. */
  rate: number;
  /** The faults to draw from, with equal weight. */
  kinds: Fault[];
  seed: number;
  /** Methods never failed (e.g. getUpdates in an e2e test). */
  spare?: string[];
}

/** Standard faults for the tests: a 429 asking to wait a second, 500 and 502. */
export const FAULTS = {
  tooManyRequests: { kind: "http", failure: { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } },
  internal: { kind: "http", failure: { error_code: 500, description: "Internal Server Error" } },
  badGateway: { kind: "http", failure: { error_code: 502, description: "Bad Gateway" } },
  reset: { kind: "reset" },
  refused: { kind: "refused" },
  lost: { kind: "lost" },
} as const satisfies Record<string, Fault>;

/**
 * A seeded, deterministic fault plan: the same seed fails the same calls in the same way, so a
 * failing run can be replayed exactly. Counts what it injected, by kind.
 */
export function randomFaults(options: RandomFaultsOptions): FaultPlan & { injected: Record<string, number>; calls: number } {
  const random = mulberry32(options.seed);
  const spare = new Set(options.spare ?? []);
  const plan = {
    injected: {} as Record<string, number>,
    calls: 0,
    next(method: string): Fault | undefined {
      if (spare.has(method)) return undefined;
      plan.calls++;
      if (random() >= options.rate) return undefined;
      const fault = options.kinds[Math.floor(random() * options.kinds.length)]!;
      const name = fault.kind === "http" ? String(fault.failure.error_code) : fault.kind;
      plan.injected[name] = (plan.injected[name] ?? 0) + 1;
      return fault;
    },
  };
  return plan;
}

/** Faults given in order, one per call of the named method (then none). */
export function scriptedFaults(script: Array<{ method: string; fault: Fault }>): FaultPlan {
  const queue = [...script];
  return {
    next(method) {
      const i = queue.findIndex((s) => s.method === method);
      return i < 0 ? undefined : queue.splice(i, 1)[0]!.fault;
    },
  };
}

/** A small, well-known seeded PRNG (Mulberry32): deterministic across platforms. */
