import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, addWorkingDays, isWorkingDay } from "../../src/rules/index.js";
import { consistencyChecklist, planChoices, planRoute, planRouteOf, submissionDate } from "../../src/rules/plan/index.js";
import type { OutcomeRecord } from "../../src/rules/outcome/index.js";

const TODAY = "2026-11-21"; // a Saturday in Almaty
const step = (plan: ReturnType<typeof planRoute>, id: string) => plan.steps.find((s) => s.id === id)!;

describe("the dated plan", () => {
  it("dates the B9-1 residence path from today by working days, then calendar days (S002)", () => {
    const plan = planRoute("b9_1.residence", {}, TODAY);
    expect(plan.steps.map((s) => s.id)).toEqual([
      "iin_eds", "astana_hub_application", "document_check", "online_interview", "astana_hub_petition",
      "e_application", "decision", "arrival_within_30_days", "public_service_center", "permit_issued",
    ]);
    const check = step(plan, "document_check");
    expect(check.to).toBe(addWorkingDays(TODAY, 2));
    expect(check.counting).toBe("working");
    expect(isWorkingDay(check.to)).toBe(true);
    expect(step(plan, "online_interview").to).toBe(addWorkingDays(TODAY, 7));
    const petition = step(plan, "astana_hub_petition");
    expect([petition.from, petition.to]).toEqual([addWorkingDays(TODAY, 12), addWorkingDays(TODAY, 17)]);
    expect(petition.to).toBe("2026-12-15");
    const decision = step(plan, "decision");
    expect([decision.from, decision.to]).toEqual([addCalendarDays(petition.from, 45), addCalendarDays(petition.to, 45)]);
    expect(decision.counting).toBe("calendar");
    const arrival = step(plan, "arrival_within_30_days");
    expect(arrival.kind).toBe("deadline");
    expect(arrival.to).toBe(addCalendarDays(decision.to, 29));
    expect(plan.steps.filter((s) => s.kind === "deadline").map((s) => s.id)).toEqual(["arrival_within_30_days"]);
    expect(plan.steps.every((s) => s.done === undefined && s.from >= TODAY)).toBe(true);
    expect(step(plan, "e_application").fees).toEqual(["b9_1.fee.residence_state_duty"]);
    expect(step(plan, "astana_hub_application").where).toBe("portal.astana_hub");
  });

  it("ticks the steps a milestone shows done and dates what follows from it", () => {
    const plan = planRoute("b9_1.residence", { hub_applied: "2026-11-02", residence_applied: "2026-11-20" }, TODAY);
    expect(step(plan, "astana_hub_application").done).toBe("2026-11-02");
    expect(step(plan, "online_interview")).toMatchObject({ done: true, undated: true });
    expect(step(plan, "e_application").done).toBe("2026-11-20");
    const decision = step(plan, "decision");
    expect(decision.done).toBeUndefined();
    expect(decision.to).toBe(addCalendarDays("2026-11-20", 45));
    const after = planRoute("b9_1.residence", { hub_applied: "2026-11-02", residence_applied: "2026-11-20", positive_decision: "2026-12-10" }, "2026-12-11");
    expect(step(after, "decision").done).toBe("2026-12-10");
    expect(step(after, "arrival_within_30_days").to).toBe("2027-01-08");
  });

  it("never dates a step still to come before today, and says when an expected date has passed", () => {
    const plan = planRoute("b9_1.residence", { hub_applied: "2026-09-01" }, TODAY);
    const petition = step(plan, "astana_hub_petition");
    expect(petition.overdue).toBe(true);
    expect(petition.to).toBe(addWorkingDays("2026-09-01", 17));
    expect(step(plan, "e_application").start).toBe(TODAY);
  });

  it("dates the e-visa path (S000) and the registration deadline after entry", () => {
    const plan = planRoute("b9_1.evisa", { hub_applied: "2026-11-23", entry: "2026-12-28" }, "2026-12-28");
    expect(step(plan, "it_confirmation").done).toBe(true);
    const notify = step(plan, "arrival_notification");
    expect(notify).toMatchObject({ kind: "deadline", counting: "working" });
    expect(notify.to).toBe(addWorkingDays("2026-12-28", 3));
    expect(step(plan, "evisa_entry").fees).toEqual(["b9_1.fee.evisa"]);
  });

  it("dates B12-1 with an invitation from 5 working days to 30 calendar days, then the decision in 1-5 working days (S003)", () => {
    const plan = planRoute("b12_1.invitation", {}, TODAY);
    const invitation = step(plan, "invitation_from_travel_company");
    expect([invitation.from, invitation.to]).toEqual([addWorkingDays(TODAY, 5), addCalendarDays(TODAY, 30)]);
    const decision = step(plan, "visa_decision");
    expect([decision.from, decision.to]).toEqual([addWorkingDays(invitation.from, 1), addWorkingDays(invitation.to, 5)]);
    expect(step(plan, "pay_consular_fee").fees).toEqual(["b12_1.fee.consular"]);
    const held = planRoute("b12_1.no_invitation", { b121_expiry: "2027-11-01" }, TODAY);
    expect(held.steps.every((s) => s.done !== undefined)).toBe(true);
  });
});

describe("the consistency checklist", () => {
  it("checks the passport against the planned residence application: more than 180 days left", () => {
    const plan = planRoute("b9_1.residence", {}, TODAY);
    const applyBy = submissionDate(plan)!;
    expect(applyBy).toBe("2026-12-15");
    const ok = consistencyChecklist(plan, { passport_expiry: addCalendarDays(applyBy, 181) }).find((i) => i.id === "passport_validity")!;
    expect(ok.status).toBe("ok");
    const bad = consistencyChecklist(plan, { passport_expiry: addCalendarDays(applyBy, 180) }).find((i) => i.id === "passport_validity")!;
    expect(bad).toMatchObject({ status: "problem", date: addCalendarDays(applyBy, -1) });
    expect(consistencyChecklist(plan, {}).find((i) => i.id === "passport_validity")!.status).toBe("unknown");
  });

  it("names the earliest day the police certificate may be issued, and the form language for B9-1 only", () => {
    const plan = planRoute("b12_1.no_invitation", {}, TODAY);
    const items = consistencyChecklist(plan, { passport_expiry: "2027-06-01" });
    expect(items.map((i) => i.id)).toEqual(["names_dates", "passport_validity", "police_certificate"]);
    expect(items[1]!.status).toBe("short"); // a visa ending at least 3 months before 1 June 2027: under a year
    expect(items[2]).toMatchObject({ date: addCalendarDays(submissionDate(plan)!, -180), facts: ["kz.police_clearance_validity"] });
    expect(consistencyChecklist(planRoute("b9_1.residence", {}, TODAY), {}).map((i) => i.id)).toContain("form_language");
  });
});

describe("choosing the route", () => {
  const record = (b91: string, b121: string, r121 = "b12_1.no_invitation"): OutcomeRecord => ({
    version: 1,
    checked_at: TODAY,
    programs: [
      { program: "B9-1", verdict: b91 as never, route: b91 === "not_eligible" ? "none" : "b9_1.residence", reasons: [], fact_ids: [] },
      { program: "B12-1", verdict: b121 as never, route: b121 === "not_eligible" ? "none" : (r121 as never), reasons: [], fact_ids: [] },
    ],
    fact_ids: [],
  });
  it("takes the better verdict, or the route the milestones show", () => {
    expect(planRouteOf(record("unsure", "eligible"), {})).toBe("b12_1.no_invitation");
    expect(planRouteOf(record("unsure", "unsure"), {})).toBe("b9_1.residence");
    expect(planRouteOf(record("unsure", "eligible"), { hub_applied: "2026-11-01" })).toBe("b9_1.residence");
    expect(planRouteOf(record("unsure", "eligible"), { evisa_issued: "2026-11-01" })).toBe("b9_1.evisa");
    expect(planRouteOf(record("not_eligible", "not_eligible"), {})).toBeUndefined();
    expect(planChoices(record("unsure", "eligible_with_invitation", "b12_1.invitation"))).toEqual(["b9_1.residence", "b9_1.evisa", "b12_1.invitation"]);
  });
});

describe("any dates a person may have entered", () => {
  const ROUTES = ["b9_1.residence", "b9_1.evisa", "b12_1.invitation", "b12_1.no_invitation"] as const;
  const isoDay = fc.integer({ min: Date.UTC(2015, 0, 1) / 86_400_000, max: Date.UTC(2110, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  const milestones = fc.record(
    { hub_applied: isoDay, petition_issued: isoDay, residence_applied: isoDay, positive_decision: isoDay, evisa_issued: isoDay, entry: isoDay, b121_expiry: isoDay, passport_expiry: isoDay },
    { requiredKeys: [] },
  );
  const today = fc.integer({ min: Date.UTC(2025, 0, 1) / 86_400_000, max: Date.UTC(2098, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

  it("give a plan and a checklist for every route, never a crash, each step's dates in order", () => {
    fc.assert(
      fc.property(milestones, today, fc.constantFrom(...ROUTES), (m, day, route) => {
        const plan = planRoute(route, m, day);
        for (const s of plan.steps) {
          expect(s.from <= s.to).toBe(true);
          if (s.done === undefined) expect(s.start <= s.to).toBe(true);
        }
        consistencyChecklist(plan, m);
      }),
      { numRuns: 300 },
    );
  });
});
