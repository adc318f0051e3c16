/**
 * /plan with the pilot's extension confirmed in the data (b9_1.pilot_extension flipped, as in
 * test/rules/assessPilotExtended.test.ts): a check stored while the status was unconfirmed gets the current
 * note, not the old warning.
 */
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { OUTCOME_RECORD_VERSION, type OutcomeRecord } from "../../src/rules/outcome/index.js";
import { createHarness, FakeClock, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

vi.mock("../../src/rules/data/facts/b9_1.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/rules/data/facts/b9_1.js")>();
  return {
    B9_1_FACTS: original.B9_1_FACTS.map((f) => (f.id === "b9_1.pilot_extension" ? { ...f, value: "extended", confidence: "confirmed" } : f)),
  };
});

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ clock: new FakeClock(Date.parse("2026-12-04T06:00:00Z")) });
});
afterEach(() => h.close());

it("a B9-1 plan from a check that carried the unconfirmed status says the pilot is now extended", async () => {
  const t = h.services.i18n.getFixedT("en");
  const user = new TestUser(h);
  const record: OutcomeRecord = {
    version: OUTCOME_RECORD_VERSION,
    checked_at: "2026-11-20",
    programs: [{ program: "B9-1", verdict: "unsure", route: "b9_1.residence", reasons: ["pilot_status_unconfirmed"], fact_ids: [] }],
    fact_ids: [],
  };
  await h.services.stores.outcomes.write(String(user.user.id), record);
  await user.send("/plan");
  const verdict = user.replies()[0]!;
  expect(verdict.split("\n")[0]).toBe(`<b>${t("check:program.B9-1")}</b> — ${t("check:verdict.unsure")}`);
  expect(verdict).toContain(t("faq:note.pilot_extended", { end: "X" }).split("X")[0]!);
  expect(verdict).not.toContain(t("check:reason.pilot_status_unconfirmed", { pilotEnd: "X", pilotYear: 0 }).split("X")[0]!);
});
