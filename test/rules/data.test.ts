import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RAW_FACTS } from "../../src/rules/data/facts/index.js";
import { FactSchema, isIsoDate } from "../../src/rules/data/schema.js";
import {
  countryGroupsOf,
  DOCS_READ,
  isPastReview,
  isSourceDoc,
  reviewDue,
  type ReviewKind,
  factIds,
  factList,
  factNumber,
  findFact,
  getFact,
  kztForMrp,
  loadFacts,
  mrpKzt,
  outcomeFacts,
  PROGRAMS,
  REASON_CODES,
  resolveSource,
  REVIEW_MONTHS,
  SOURCE_DOCS,
  VERDICTS,
  type Fact,
} from "../../src/rules/index.js";

const TODAY = "2026-12-01";
const facts: Fact[] = [...loadFacts().values()];

describe("facts: every statement is sourced and dated", () => {
  it("loads and validates all facts", () => {
    expect(facts.length).toBe(RAW_FACTS.length);
    expect(new Set(factIds()).size).toBe(facts.length);
  });

  it.each(facts.map((f) => [f.id, f] as const))("%s has a source, a checked date, a review kind and, if reported, confirmAt", (_id, f) => {
    expect(f.source.length).toBeGreaterThan(0);
    for (const ref of f.source) expect(ref === resolveSource(ref).ref).toBe(true);
    expect(isIsoDate(f.checked), `checked "${f.checked}"`).toBe(true);
    expect(f.checked <= TODAY, `checked ${f.checked} is after ${TODAY}`).toBe(true);
    if (f.published !== undefined) expect(f.published <= f.checked).toBe(true);
    expect(Object.keys(REVIEW_MONTHS)).toContain(f.review);
    if (f.confidence === "reported") expect(f.confirmAt).toMatch(/^https:\/\//);
    for (const alt of f.alternatives ?? []) expect(alt.source.length).toBeGreaterThan(0);
  });

  it("rejects a fact without a source, with a bad date, or reported without confirmAt", () => {
    const good = { id: "x.y", value: 1, source: "S000", checked: "2026-01-01", review: "rule", confidence: "confirmed" };
    expect(FactSchema.safeParse(good).success).toBe(true);
    expect(FactSchema.safeParse({ ...good, source: [] }).success).toBe(false);
    expect(FactSchema.safeParse({ ...good, source: "S009" }).success).toBe(false);
    expect(FactSchema.safeParse({ ...good, checked: "2026-02-30" }).success).toBe(false);
    expect(FactSchema.safeParse({ ...good, checked: "2026-01" }).success).toBe(false);
    expect(FactSchema.safeParse({ ...good, checked: undefined }).success).toBe(false);
    expect(FactSchema.safeParse({ ...good, review: undefined }).success).toBe(false);
    expect(FactSchema.safeParse({ ...good, review: "forever" }).success).toBe(false);
    expect(FactSchema.safeParse({ ...good, asOf: "2026-01-01" }).success).toBe(false);
    for (const published of ["2025", "2025-09", "2025-09-30"]) expect(FactSchema.safeParse({ ...good, published }).success).toBe(true);
    for (const published of ["2025-13", "2025-02-30", "25", "2027"]) expect(FactSchema.safeParse({ ...good, published }).success).toBe(false);
    expect(FactSchema.safeParse({ ...good, confidence: "reported" }).success).toBe(false);
    expect(FactSchema.safeParse({ ...good, confidence: "reported", confirmAt: "https://vmp.gov.kz" }).success).toBe(true);
  });

  const sourcesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/sources");
  it.skipIf(!existsSync(sourcesDir))("maps every document source to a file in shared/sources", () => {
    for (const { file } of Object.values(SOURCE_DOCS)) expect(existsSync(resolve(sourcesDir, file))).toBe(true);
  });
});

describe("facts: the numbers the bot states", () => {
  it("fees: USD 80 e-visa, 30 MRP multiple-entry, 30 MRP B12-1 (117,960 KZT in 2025)", () => {
    expect(getFact("b9_1.fee.evisa")).toMatchObject({ value: 80, unit: "USD" });
    expect(getFact("b9_1.fee.multiple_entry")).toMatchObject({ value: 30, unit: "MRP" });
    expect(getFact("b12_1.fee.consular")).toMatchObject({ value: 30, unit: "MRP" });
    expect(kztForMrp(30, 2025)).toBe(factNumber("b12_1.fee.consular_2025_kzt"));
  });

  it("MRP helper: 30 MRP is 129,750 KZT in 2026 and unknown for 2027 and 2028 (never guessed)", () => {
    expect(kztForMrp(30, 2026)).toBe(129_750);
    expect(mrpKzt(2026)).toBe(4325);
    expect(mrpKzt(2025)).toBe(3932);
    expect(kztForMrp(30, 2027)).toBeUndefined();
    expect(kztForMrp(30, 2028)).toBeUndefined();
    expect(kztForMrp(30, 2026.5)).toBeUndefined();
  });

  it("timings: the S002 breakdown, 45 and 30 calendar days, 12-month ban, 25-40 days, about 3 months", () => {
    expect(getFact("b9_1.time.document_check").value).toEqual({ max: 2 });
    expect(getFact("b9_1.time.online_interview").value).toEqual({ max: 5 });
    expect(getFact("b9_1.time.astana_hub_petition").value).toEqual({ min: 5, max: 10 });
    expect(factNumber("b9_1.time.decision")).toBe(45);
    expect(factNumber("b9_1.time.arrival_window")).toBe(30);
    expect(factNumber("b9_1.reapply_ban")).toBe(12);
    expect(factNumber("b9_1.host_notification")).toBe(3);
    expect(getFact("b9_1.time.visa_path").value).toEqual({ min: 25, max: 40 });
    expect(getFact("b9_1.time.residence_path").value).toEqual({ average: 3 });
  });

  it("keeps both sides of each FACTS.md section 5 conflict, with their sources", () => {
    expect(getFact("b12_1.validity").alternatives?.[0]).toMatchObject({ value: { min: 1, max: 2 }, source: ["S001"] });
    expect(getFact("b12_1.validity").source).toContain("S003");
    expect(getFact("b9_1.diplomas").alternatives?.[0]).toMatchObject({ value: "if_any", source: ["S004"] });
    expect(getFact("kz.photo_size")).toMatchObject({ value: { width: 3.5, height: 4.5 }, unit: "cm" });
    expect(getFact("kz.photo_size").alternatives?.[0]?.unit).toBe("mm");
    expect(getFact("b9_1.time.astana_hub_review").alternatives?.[0]).toMatchObject({ value: { max: 45 }, source: ["S001"] });
    expect(getFact("b12_1.income_monthly").alternatives?.[0]).toMatchObject({ source: ["S004"] });
  });

  it("Astana Hub: S002's total is 12-17 business days, the sum of its stages; S001's 45 calendar days stays the alternative", () => {
    const total = getFact("b9_1.time.astana_hub_review");
    expect(total).toMatchObject({ value: { min: 12, max: 17 }, unit: "business_days", source: ["S002"] });
    const parts = (["b9_1.time.document_check", "b9_1.time.online_interview", "b9_1.time.astana_hub_petition"] as const).map(
      (id) => getFact(id).value as { min?: number; max: number },
    );
    expect(parts.reduce((sum, p) => sum + (p.min ?? p.max), 0)).toBe(12);
    expect(parts.reduce((sum, p) => sum + p.max, 0)).toBe(17);
  });

  it("pilot: 2025-01-15..2025-12-31 confirmed, the extension only reported", () => {
    expect(getFact("b9_1.pilot_period")).toMatchObject({ value: { start: "2025-01-15", end: "2025-12-31" }, confidence: "confirmed" });
    expect(getFact("b9_1.pilot_extension").confidence).toBe("reported");
  });

  it("country lists: 99 reported e-visa codes vs 109 official, 34 of 48 no-invitation names, EAEU", () => {
    expect(factList("countries.evisa_reported")).toHaveLength(99);
    expect(factNumber("b9_1.evisa_country_count")).toBe(109);
    expect(factList("countries.no_invitation_known")).toHaveLength(34);
    expect(factNumber("b12_1.no_invitation_country_count")).toBe(48);
    expect([...factList("countries.eaeu")].sort()).toEqual(["AM", "BY", "KG", "KZ", "RU"]);
    for (const id of ["countries.evisa_reported", "countries.no_invitation_known", "countries.eaeu"] as const) {
      expect(getFact(id).confidence).toBe("reported");
    }
    expect(countryGroupsOf("dz")).toEqual(["evisa_reported"]);
    expect(countryGroupsOf("JO")).toEqual(["no_invitation_known"]);
    expect(countryGroupsOf("RU")).toEqual(["eaeu", "visa_free_90"]);
    expect(countryGroupsOf("AF")).toEqual([]);
  });
});

describe("facts: each source says what it is cited for (issue 8, item 6)", () => {
  it("first permit in September 2025: S001 alone, and only reported", () => {
    expect(getFact("b9_1.first_permit")).toMatchObject({ source: ["S001"], confidence: "reported" });
    expect(getFact("b9_1.first_permit").confirmAt).toMatch(/^https:\/\//);
  });

  it("residence passport: S002's stricter 'more than 180 days', S001's 'minimum 180' as the alternative", () => {
    const f = getFact("b9_1.passport_validity_residence");
    expect(f).toMatchObject({ value: { amount: 180, comparison: "over" }, source: ["S002"] });
    expect(f.alternatives).toEqual([expect.objectContaining({ value: { amount: 180, comparison: "at_least" }, source: ["S001"] })]);
  });

  it("B12-1 income: 'over' from S003 only; S004's 'at least' and S001's bare amount are alternatives", () => {
    const f = getFact("b12_1.income_monthly");
    expect(f.source).toEqual(["S003"]);
    expect(f.alternatives?.map((a) => [a.source, a.value])).toEqual([
      [["S004"], { amount: 3000, comparison: "at_least" }],
      [["S001"], { amount: 3000 }],
    ]);
  });

  it("the in-demand professions list is S000's link", () => {
    expect(getFact("b9_1.specialties_official_list").source).toEqual(["S000"]);
  });

  it("police certificate: from the country of citizenship or permanent residence (S001), both countries for dual citizens (S000)", () => {
    const f = getFact("b9_1.police_clearance");
    expect(f.value).toMatchObject({ issued_by: "citizenship_or_permanent_residence_country", dual_citizens: "each_citizenship" });
    expect(f.source).toEqual(expect.arrayContaining(["S000", "S001"]));
  });

  it("photo: S000 gives the same mm slip for the multiple-entry visa too", () => {
    const alts = getFact("kz.photo_size").alternatives ?? [];
    expect(alts.filter((a) => a.unit === "mm" && a.source.includes("S000"))).toHaveLength(2);
    expect(alts.some((a) => /multiple-entry/.test(a.note ?? ""))).toBe(true);
  });

  it("Turkey is not a 30-day country: it has 90 days since 2025-08", () => {
    expect(factList("countries.visa_free_30")).not.toContain("TR");
    expect(countryGroupsOf("TR")).not.toContain("visa_free_30");
    expect(getFact("kz.visa_free.turkey").value).toMatchObject({ per_entry_days: 90, since: "2025-08" });
  });

  it("MRP: cites the sites FACTS.md names, not another news page", () => {
    const named = /^https:\/\/(www\.)?(zakon\.kz|inform\.kz|liter\.kz)(\/|$)/;
    for (const id of ["mrp.2025", "mrp.2026"] as const) for (const ref of getFact(id).source) expect(ref, id).toMatch(named);
  });

  it.each(facts.map((f) => [f.id, f] as const))("%s: a bare home page as a source is said to be one in the note", (_id, f) => {
    const bare = f.source.filter((ref) => ref.startsWith("https://") && new URL(ref).pathname === "/" && new URL(ref).search === "");
    if (bare.length > 0) expect(f.note, `${bare.join(", ")} is only a home page`).toMatch(/not recorded/);
  });

  it.each(facts.map((f) => [f.id, f] as const))("%s: citing only documents, it takes their dating (read, no published date)", (_id, f) => {
    if (!f.source.every(isSourceDoc)) return;
    expect(f.published).toBeUndefined();
    expect(f.checked).toBe(DOCS_READ);
  });
});

describe("facts: review dates", () => {
  const fact = (checked: string, review: ReviewKind) => ({ checked, review });

  it("fees and rates are reviewed after 12 months, program rules after 6, pilot and news facts after 3", () => {
    expect(REVIEW_MONTHS).toEqual({ fee: 12, rule: 6, news: 3 });
    expect(reviewDue(fact("2026-11-21", "fee"))).toBe("2027-11-21");
    expect(reviewDue(fact("2026-11-21", "rule"))).toBe("2027-05-21");
    expect(reviewDue(fact("2026-11-21", "news"))).toBe("2027-02-21");
    expect(reviewDue(fact("2026-08-31", "rule"))).toBe("2027-02-28");
  });

  it("a fact is past review only after its review date", () => {
    expect(isPastReview(fact("2026-11-21", "news"), "2027-02-21")).toBe(false);
    expect(isPastReview(fact("2026-11-21", "news"), "2027-02-22")).toBe(true);
  });

  it("no fact is past review on 2026-12-01; every one is by 2028-01-01", () => {
    expect(facts.filter((f) => isPastReview(f, TODAY)).map((f) => f.id)).toEqual([]);
    expect(facts.filter((f) => !isPastReview(f, "2028-01-01")).map((f) => f.id)).toEqual([]);
  });
});

describe("outcomeFacts", () => {
  const cases = PROGRAMS.flatMap((program) =>
    VERDICTS.flatMap((verdict) => [
      { program, verdict, reasons: [] as string[] },
      { program, verdict, reasons: ["invitation_required"] },
    ]),
  );

  it.each(cases)("$program $verdict $reasons: every fact id exists", ({ program, verdict, reasons }) => {
    const out = outcomeFacts(program, { verdict, reasons: reasons as (typeof REASON_CODES)[number][] }, { today: TODAY });
    if (verdict === "not_eligible") return expect(out).toBeUndefined();
    expect(out).toBeDefined();
    for (const id of [out!.stepsFact, ...out!.fees, ...out!.timings]) expect(findFact(id), id).toBeDefined();
    expect(out!.nextSteps).toHaveLength(3);
    expect(factList(out!.stepsFact).slice(0, 3)).toEqual(out!.nextSteps);
  });

  it("shows the MRP of the current year only when it is confirmed", () => {
    expect(outcomeFacts("B12-1", { verdict: "eligible", reasons: [] }, { today: TODAY })?.fees).toEqual([
      "b12_1.fee.consular",
      "mrp.2026",
    ]);
    expect(outcomeFacts("B12-1", { verdict: "eligible", reasons: [] }, { today: "2028-01-10" })?.fees).toEqual([
      "b12_1.fee.consular",
    ]);
  });

  it("B12-1 with an invitation shows the invitation steps and timings", () => {
    const out = outcomeFacts("B12-1", { verdict: "eligible_with_invitation", reasons: ["invitation_required"] }, { today: TODAY });
    expect(out?.nextSteps[0]).toBe("invitation_from_travel_company");
    expect(out?.timings).toContain("b12_1.time.invitation_security_review");
  });
});
