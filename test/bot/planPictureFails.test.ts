import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OUTCOME_RECORD_VERSION } from "../../src/rules/outcome/index.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

// A machine where the renderer cannot run (no binary for its platform): every picture fails.
vi.mock("../../src/bot/render/timelinePng.js", () => ({ svgToPng: () => Promise.reject(new Error("Cannot find native binding")) }));

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe("/plan when the picture cannot be made", () => {
  it("still sends the text plan and the checklist, and says the picture could not be made", async () => {
    const user = new TestUser(h);
    await h.services.stores.outcomes.write(String(user.user.id), {
      version: OUTCOME_RECORD_VERSION,
      checked_at: "2026-11-21",
      programs: [{ program: "B12-1", verdict: "eligible", route: "b12_1.no_invitation", reasons: [], fact_ids: [] }],
      fact_ids: [],
    });
    await user.send("/plan");
    const t = h.services.i18n.getFixedT("en");
    const replies = user.replies();
    expect(replies).toHaveLength(4);
    expect(replies[0]).toBe(`<b>${t("check:program.B12-1")}</b> — ${t("check:verdict.eligible")}`);
    expect(replies[1]).toContain(t("plan:route.b12_1.no_invitation"));
    expect(replies[2]).toBe(t("plan:picture.failed"));
    expect(replies[3]).toContain(t("plan:checklist.title_on", { date: "November 21, 2026" }));
    expect(user.calls().some((c) => c.method === "sendPhoto")).toBe(false);
    expect(h.logs.join("")).toContain("timeline picture could not be made");
  });
});
