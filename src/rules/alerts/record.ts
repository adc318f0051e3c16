/**
 * Rule-change alerts, the pure part: what is stored per person (stores.alerts, keyed by String(userId)), the
 * fingerprint of a fact's value, and which watched facts a release changed. Fact ids and the facts' own
 * values only, never an answer the person gave.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { isIsoDate } from "../data/schema.js";
import type { Fact, FactValue, Unit } from "../data/types.js";
import { UNITS } from "../data/types.js";

/** Bumped when the shape changes; a record of another version is treated as absent (asked again). */
export const ALERTS_RECORD_VERSION = 1;

/** Finds a fact by id in the release that runs: injected, so a test can run the bot on changed facts. */
export type FactLookup = (id: string) => Fact | undefined;

const isoDate = z.string().refine(isIsoDate, { error: "must be a date written YYYY-MM-DD" });
const factId = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
const scalar = z.union([z.number().finite(), z.string(), z.boolean()]);
const factValue = z.union([scalar, z.array(z.string()), z.record(z.string(), scalar)]);

/** One fact as the person saw it: its fingerprint, and its value and unit to say "was … now …". */
const WatchedFactSchema = z.object({ id: factId, fp: z.string().regex(/^[0-9a-f]{16}$/), value: factValue, unit: z.enum(UNITS).optional() }).strict();
export type WatchedFact = z.infer<typeof WatchedFactSchema>;

export const AlertsRecordSchema = z
  .object({
    version: z.literal(ALERTS_RECORD_VERSION),
    /** The person's answer: true, alert me; false, do not, or not answered yet (asked once, changed with /alerts). */
    consent: z.boolean(),
    /** The day they were asked after a result (YYYY-MM-DD, Kazakhstan), so the question is asked only once. */
    asked_on: isoDate.optional(),
    /** The day they answered (the question or /alerts); absent while the question waits for an answer. */
    answered_on: isoDate.optional(),
    /** With consent: the facts their last outcome cited, as they saw them, and the day of that outcome. */
    watched: z.object({ outcome_checked_at: isoDate, facts: z.array(WatchedFactSchema) }).strict().optional(),
  })
  .strict();
export type AlertsRecord = z.infer<typeof AlertsRecordSchema>;

/** A stored value as an alerts record; undefined when absent or not one (stored data is untrusted). */
export function parseStoredAlerts(value: unknown): AlertsRecord | undefined {
  const parsed = AlertsRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * What the person relied on in a fact: its value and unit (and the other values sources give, which the
 * bot names with it). A new `checked` date or source for the same value is no change to them.
 */
export function factFingerprint(fact: Pick<Fact, "value" | "unit" | "alternatives">): string {
  const relied = { value: fact.value, unit: fact.unit ?? null, alternatives: (fact.alternatives ?? []).map((a) => ({ value: a.value, unit: a.unit ?? null })) };
  return createHash("sha256").update(canonical(relied)).digest("hex").slice(0, 16);
}

/** The facts of `ids` as they are now, ready to store; ids the release does not know are left out. */
export function watchFacts(ids: readonly string[], lookup: FactLookup): WatchedFact[] {
  const out: WatchedFact[] = [];
  for (const id of new Set(ids)) {
    const fact = lookup(id);
    if (fact) out.push({ id, fp: factFingerprint(fact), value: toStored(fact.value), ...(fact.unit ? { unit: fact.unit } : {}) });
  }
  return out;
}

function toStored(value: FactValue): WatchedFact["value"] {
  if (Array.isArray(value)) return [...(value as readonly string[])];
  if (typeof value === "object") return { ...(value as Readonly<Record<string, string | number | boolean>>) };
  return value as string | number | boolean;
}

/** A watched fact the running release states differently, or no longer states at all (`now` undefined). */
export interface FactChange {
  id: string;
  before: { value: FactValue; unit?: Unit };
  now?: Fact;
}

/** The watched facts whose fingerprint differs in the running release, in the order they were watched. */
export function changedFacts(watched: readonly WatchedFact[], lookup: FactLookup): FactChange[] {
  const out: FactChange[] = [];
  for (const w of watched) {
    const now = lookup(w.id);
    if (now && factFingerprint(now) === w.fp) continue;
    out.push({ id: w.id, before: { value: w.value, ...(w.unit ? { unit: w.unit } : {}) }, ...(now ? { now } : {}) });
  }
  return out;
}

/** The record after the person was told: the facts as they are now, so the same change is never told twice. */
export function afterAlert(record: AlertsRecord, lookup: FactLookup): AlertsRecord {
  if (!record.watched) return record;
  return { ...record, watched: { ...record.watched, facts: watchFacts(record.watched.facts.map((f) => f.id), lookup) } };
}

/** The person's answer to the consent question; with consent, the outcome's facts are watched from now. */
export function withConsent(
  previous: AlertsRecord | undefined,
  consent: boolean,
  today: string,
  outcome: { checked_at: string; fact_ids: readonly string[] } | undefined,
  lookup: FactLookup,
): AlertsRecord {
  const base = { version: ALERTS_RECORD_VERSION, consent, ...(previous?.asked_on ? { asked_on: previous.asked_on } : {}), answered_on: today } as const;
  if (!consent) return base;
  if (outcome) return { ...base, watched: { outcome_checked_at: outcome.checked_at, facts: watchFacts(outcome.fact_ids, lookup) } };
  return previous?.watched ? { ...base, watched: previous.watched } : base;
}

/** The record of someone just asked the question: no consent until they say yes. */
export function askedOn(today: string): AlertsRecord {
  return { version: ALERTS_RECORD_VERSION, consent: false, asked_on: today };
}

/**
 * After a new /check outcome: a consenting person now watches that outcome's facts (as shown to them);
 * anyone else's record is left as it is.
 */
export function watchOutcome(record: AlertsRecord | undefined, outcome: { checked_at: string; fact_ids: readonly string[] }, lookup: FactLookup): AlertsRecord | undefined {
  if (!record?.consent) return record;
  return { ...record, watched: { outcome_checked_at: outcome.checked_at, facts: watchFacts(outcome.fact_ids, lookup) } };
}
