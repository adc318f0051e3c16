import { describe, expect, it } from "vitest";
import { assess, ProfileSchema, type Profile } from "../../src/rules/index.js";
import { BASE, check, checkCodes, pilotAware, ROWS, TODAY } from "./assessTable.js";

describe("assess: profiles a user would recognise, after the pilot's end with no extension found", () => {
  it("has a broad table", () => expect(ROWS.length).toBeGreaterThanOrEqual(40));

  it.each(ROWS)("%s", (_name, change, b91, b121) => {
    const { results } = assess({ ...BASE, ...change }, { today: TODAY });
    expect(results.map((r) => r.program)).toEqual(["B9-1", "B12-1"]);
    check(results[0], pilotAware(b91));
    check(results[1], b121);
    checkCodes(results);
  });

  it("gives the exact result for the base profile", () => {
    expect(assess(BASE, { today: TODAY })).toEqual({
      results: [
        {
          program: "B9-1",
          verdict: "unsure",
          reasons: ["pilot_status_unconfirmed", "citizenship_on_reported_evisa_list", "residence_procedure_2026"],
        },
        { program: "B12-1", verdict: "eligible_with_invitation", reasons: ["invitation_required", "no_invitation_list_incomplete"], missing: ["invitation"] },
      ],
    });
  });
});

describe("assess: the pilot's status decides whether B9-1 can be called eligible", () => {
  it("is eligible inside the pilot's published period, with no status reason", () => {
    for (const today of ["2025-01-15", "2025-06-02", "2025-12-31"]) {
      const b91 = assess(BASE, { today }).results[0]!;
      expect(b91.verdict).toBe("eligible");
      expect(b91.reasons).not.toContain("pilot_status_unconfirmed");
    }
  });

  it("is unsure from the first day after the pilot's end, and the status comes first", () => {
    for (const today of ["2026-01-01", "2026-12-01", "2027-06-30"]) {
      const b91 = assess(BASE, { today }).results[0]!;
      expect(b91.verdict).toBe("unsure");
      expect(b91.reasons[0]).toBe("pilot_status_unconfirmed");
    }
  });

  it("still rules out what other conditions rule out", () => {
    const b91 = assess({ ...BASE, itSpecialty: "none" }, { today: "2026-12-01" }).results[0]!;
    expect(b91.verdict).toBe("not_eligible");
    expect(b91.reasons).toEqual(["not_it_specialty"]);
  });

  it("mentions the 2026 permanent-residence procedure only from its start", () => {
    expect(assess(BASE, { today: "2026-02-12" }).results[0]!.reasons).not.toContain("residence_procedure_2026");
    expect(assess(BASE, { today: "2026-02-13" }).results[0]!.reasons).toContain("residence_procedure_2026");
  });
});

describe("assess: edges answered honestly, before the pilot's end", () => {
  const today = "2025-06-02"; // Astana Hub's stages end at the latest on 2025-06-26 (17 working days).
  it.each<[string, Partial<Profile>, string, string]>([
    ["no diploma or certificates", { hasDegree: false }, "B9-1", "diploma_requirement_conflict"],
    ["income exactly USD 3,000", { monthlyIncomeUsd: 3000 }, "B12-1", "income_at_threshold"],
    ["a citizen of Kyrgyzstan (EAEU)", { citizenships: ["KG"] }, "B12-1", "eaeu_citizen_no_visa_needed"],
    ["a stateless person, B9-1", { citizenships: ["stateless"] }, "B9-1", "stateless_person"],
    ["a stateless person, B12-1", { citizenships: ["stateless"] }, "B12-1", "stateless_person"],
    // 2025-06-26 + 180 days = 2025-12-23: valid exactly 180 days on the application date is not enough.
    ["a passport valid exactly 180 days on the application date", { passportExpiry: "2025-12-23" }, "B9-1", "passport_validity_at_application"],
  ])("%s is unsure, not eligible", (_name, change, program, reason) => {
    const result = assess({ ...BASE, ...change }, { today }).results.find((r) => r.program === program)!;
    expect(result.verdict).toBe("unsure");
    expect(result.reasons).toContain(reason);
  });

  it("takes a passport valid 181 days on the application date", () => {
    const b91 = assess({ ...BASE, passportExpiry: "2025-12-24" }, { today }).results[0]!;
    expect(b91.reasons).not.toContain("passport_validity_at_application");
    expect(b91.verdict).toBe("eligible");
  });

  it("says renew first for a passport that fails on the application date", () => {
    expect(assess({ ...BASE, passportExpiry: "2025-12-23" }, { today }).results[0]!.missing).toEqual(["passport_renewal"]);
  });
});

describe("assess: input checks", () => {
  it("rejects an invalid profile with an Error naming the field", () => {
    expect(() => assess({ ...BASE, citizenships: ["XX"] }, { today: TODAY })).toThrow(
      "Invalid profile: citizenships[0] must be an ISO 3166-1 alpha-2 code",
    );
    expect(() => assess({ ...BASE, citizenships: ["stateless", "DE"] }, { today: TODAY })).toThrow(/cannot be combined/);
    expect(() => assess({ ...BASE, citizenships: [] }, { today: TODAY })).toThrow(/citizenships must list at least one/);
    expect(() => assess({ ...BASE, monthlyIncomeUsd: Number.NaN }, { today: TODAY })).toThrow(/monthlyIncomeUsd/);
    expect(() => assess({ ...BASE, incomeMonths: 2.5 }, { today: TODAY })).toThrow(/incomeMonths must be a whole number/);
    expect(() => assess({ ...BASE, passportExpiry: "2027-02-30" }, { today: TODAY })).toThrow(/passportExpiry/);
    expect(() => assess({ ...BASE, itSpecialty: "java" as Profile["itSpecialty"] }, { today: TODAY })).toThrow(/itSpecialty must be one of/);
    expect(() => assess({ ...BASE, criminalRecord: "no" as unknown as boolean }, { today: TODAY })).toThrow(/criminalRecord/);
  });

  it("rejects an invalid today", () => {
    expect(() => assess(BASE, { today: "21.11.2026" })).toThrow(/today/);
  });

  it("defaults today to the current date in Kazakhstan", () => {
    const { results } = assess(BASE);
    expect(results).toHaveLength(2);
  });

  it("normalizes with ProfileSchema and leaves the input untouched", () => {
    const input = { ...BASE, citizenships: [" de", "DE", "dz "] };
    expect(ProfileSchema.parse(input).citizenships).toEqual(["DE", "DZ"]);
    assess(input, { today: TODAY });
    expect(input.citizenships).toEqual([" de", "DE", "dz "]);
  });
});
