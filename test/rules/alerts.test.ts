import { describe, expect, it } from "vitest";
import { afterAlert, askedOn, changedFacts, factFingerprint, parseStoredAlerts, watchFacts, watchOutcome, withConsent, type FactLookup } from "../../src/rules/alerts/index.js";
import { findFact, type Fact } from "../../src/rules/index.js";

const fee = findFact("b12_1.fee.consular")!;
const range = findFact("b9_1.time.astana_hub_petition")!;
const lookup = (changes: Record<string, Partial<Fact> | null>): FactLookup => (id) => {
  if (!(id in changes)) return findFact(id);
  const change = changes[id];
  return change === null ? undefined : ({ ...findFact(id)!, ...change } as Fact);
};

describe("fact fingerprints", () => {
  it("follow the value, the unit and the other values sources give, not the key order or the checked date", () => {
    expect(factFingerprint(fee)).toMatch(/^[0-9a-f]{16}$/);
    expect(factFingerprint({ ...fee, checked: "2027-01-01", source: ["https://example.org/x"] } as Fact)).toBe(factFingerprint(fee));
    expect(factFingerprint({ ...fee, value: 31 })).not.toBe(factFingerprint(fee));
    expect(factFingerprint({ ...fee, unit: "USD" })).not.toBe(factFingerprint(fee));
    expect(factFingerprint({ ...fee, alternatives: [{ value: 25, source: ["S001"] }] } as Fact)).not.toBe(factFingerprint(fee));
    const { min, max } = range.value as { min: number; max: number };
    expect(factFingerprint({ ...range, value: { max, min } })).toBe(factFingerprint(range));
    expect(factFingerprint({ ...range, value: { min, max: max + 1 } })).not.toBe(factFingerprint(range));
  });
});

describe("which watched facts changed", () => {
  const watched = watchFacts([fee.id, range.id, "no.such_fact", fee.id], findFact);

  it("watches each known id once, with the value as seen", () => {
    expect(watched.map((w) => w.id)).toEqual([fee.id, range.id]);
    expect(watched[0]).toMatchObject({ value: 30, unit: "MRP" });
  });

  it("finds a changed value and a removed fact, and nothing in the same release", () => {
    expect(changedFacts(watched, findFact)).toEqual([]);
    const changes = changedFacts(watched, lookup({ [fee.id]: { value: 35 }, [range.id]: null }));
    expect(changes.map((c) => [c.id, c.before.value, c.now?.value])).toEqual([
      [fee.id, 30, 35],
      [range.id, range.value, undefined],
    ]);
  });

  it("after an alert the record holds the new values, so the same change is found once", () => {
    const facts = lookup({ [fee.id]: { value: 35 } });
    const record = withConsent(undefined, true, "2026-11-21", { checked_at: "2026-11-21", fact_ids: [fee.id, range.id] }, findFact);
    const told = afterAlert(record, facts);
    expect(changedFacts(record.watched!.facts, facts)).toHaveLength(1);
    expect(changedFacts(told.watched!.facts, facts)).toEqual([]);
    expect(told.watched!.outcome_checked_at).toBe("2026-11-21");
  });
});

describe("the stored record", () => {
  it("no keeps nothing watched; yes watches the outcome; a new outcome is watched only with consent", () => {
    const outcome = { checked_at: "2026-11-21", fact_ids: [fee.id] };
    expect(withConsent(undefined, false, "2026-11-21", outcome, findFact)).toEqual({ version: 1, consent: false, answered_on: "2026-11-21" });
    expect(withConsent(askedOn("2026-11-20"), true, "2026-11-21", outcome, findFact)).toMatchObject({ consent: true, asked_on: "2026-11-20", answered_on: "2026-11-21" });
    const yes = withConsent(undefined, true, "2026-11-21", outcome, findFact);
    expect(yes.watched!.facts.map((f) => f.id)).toEqual([fee.id]);
    const later = { checked_at: "2026-11-25", fact_ids: [range.id] };
    expect(watchOutcome(yes, later, findFact)!.watched).toMatchObject({ outcome_checked_at: "2026-11-25", facts: [{ id: range.id }] });
    const no = withConsent(yes, false, "2026-11-22", undefined, findFact);
    expect(watchOutcome(no, later, findFact)).toBe(no);
    expect(watchOutcome(undefined, later, findFact)).toBeUndefined();
  });

  it("reads back what it wrote, and anything else as absent", () => {
    const record = withConsent(undefined, true, "2026-11-21", { checked_at: "2026-11-21", fact_ids: [fee.id, range.id] }, findFact);
    expect(parseStoredAlerts(JSON.parse(JSON.stringify(record)))).toEqual(record);
    for (const bad of [undefined, null, 1, "yes", {}, { ...record, version: 2 }, { ...record, consent: "yes" }, { ...record, answered_on: "21.11.2026" }, { ...record, answers: {} }, { ...record, watched: { outcome_checked_at: "2026-11-21", facts: [{ id: fee.id, fp: "xyz", value: 1 }] } }]) {
      expect(parseStoredAlerts(bad)).toBeUndefined();
    }
  });
});
