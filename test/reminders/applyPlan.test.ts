import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { deadlineEnd, offsetId, planReminders } from "../../src/rules/index.js";
import type { DeadlinePlan, Stores } from "../../src/store/index.js";
import { dropTestDatabases } from "../helpers/pg.js";
import { FakeClock, TEST_KEY } from "../helpers/testBot.js";
import { ENGINES, type OpenEngine } from "../store/engines.js";

const TZ = "Asia/Almaty";
let clock: FakeClock;
let engine: OpenEngine;
let stores: Stores;
afterAll(dropTestDatabases);

/** The plan the planner would make for one deadline on `date` with these lead days. */
function plan(date: string, days: number[], deadlineId = "b121_renewal"): DeadlinePlan {
  return {
    deadlineId,
    date,
    deadlineEnd: deadlineEnd(date, TZ),
    payload: { deadlineId, date },
    offsets: days.map(offsetId),
    rows: planReminders(date, TZ, clock.now(), days).map((r) => ({ offsetId: r.offset, dueAt: r.dueAt })),
  };
}
const offsets = async () => (await stores.reminders.upcoming(1)).map((r) => r.offsetId);

describe.each(ENGINES)("applyPlan on $name", (kind) => {
  beforeEach(async () => {
    clock = new FakeClock(Date.parse("2026-12-01T03:00:00Z"));
    engine = await kind.open(TEST_KEY, clock);
    stores = engine.stores;
  });
  afterEach(() => engine.close());

  it("keeps a reminder that fell due while nobody sent it, so it still goes out (late)", async () => {
    await stores.reminders.applyPlan(1, [plan("2026-12-20", [7, 2, 0])]);
    clock.set("2026-12-14T05:00:00Z"); // the 7-day reminder was due yesterday, not sent
    const changes = await stores.reminders.applyPlan(1, [plan("2026-12-20", [7, 2, 0])]);
    expect(await offsets()).toEqual(["d7", "d2", "d0"]);
    expect(changes).toEqual({ changed: [], removed: [], pending: 3 });
  });

  it("drops pending reminders of offsets a new lead-time choice no longer has, and adds the new ones", async () => {
    await stores.reminders.applyPlan(1, [plan("2027-03-20", [60, 30, 14, 7, 0])]);
    await stores.reminders.applyPlan(1, [plan("2027-03-20", [30, 7, 0])]);
    expect(await offsets()).toEqual(["d30", "d7", "d0"]);
    await stores.reminders.applyPlan(1, [plan("2027-03-20", [90, 60, 30, 14, 7, 0])]);
    expect(await offsets()).toEqual(["d90", "d60", "d30", "d14", "d7", "d0"]);
  });

  it("reports a removed deadline once, and a changed date with both dates", async () => {
    await stores.reminders.applyPlan(1, [plan("2027-03-20", [7, 0]), plan("2027-04-01", [7, 0], "c2_renewal")]);
    expect(await stores.reminders.applyPlan(1, [plan("2027-03-27", [7, 0])])).toEqual({
      changed: [{ deadlineId: "b121_renewal", from: "2027-03-20", to: "2027-03-27" }],
      removed: ["c2_renewal"],
      pending: 2,
    });
    expect(await stores.reminders.applyPlan(1, [plan("2027-03-27", [7, 0])])).toEqual({ changed: [], removed: [], pending: 2 });
  });

  it("sets an unreadable choices record aside and goes on without it", async () => {
    await stores.reminders.applyPlan(1, [plan("2027-03-20", [7, 0])]);
    await stores.reminders.dismiss(1, { deadlineId: "b121_renewal", mark: "muted" });
    const [row] = (await engine.sql("SELECT sealed FROM reminder_deadlines")) as Array<{ sealed: Buffer }>;
    const damaged = Buffer.from(row!.sealed);
    damaged.writeUInt8(damaged.readUInt8(20) ^ 1, 20);
    await engine.sql("UPDATE reminder_deadlines SET sealed = ? WHERE sealed = ?", [damaged, row!.sealed]);
    expect(await stores.reminders.choices(1)).toEqual([]);
    expect(await stores.personal.takeUnreadable(1)).toEqual(["reminder_deadlines"]);
    await stores.reminders.applyPlan(1, [plan("2027-03-20", [7, 0])]);
    expect(await offsets()).toEqual(["d7", "d0"]); // the mute was lost with the record: reminders come back rather than stay silent
  });

  it("keeps the choices table sealed: no deadline name or date in clear", async () => {
    await stores.reminders.applyPlan(1, [plan("2027-03-20", [7, 0])]);
    await stores.reminders.setLeadChoice(1, "b121_renewal", "early");
    const cells = (await engine.cells()).filter((c) => c.table === "reminder_deadlines");
    expect(cells.length).toBeGreaterThan(0);
    const raw = cells.map((c) => (Buffer.isBuffer(c.value) ? c.value.toString("latin1") : String(c.value))).join(" ");
    expect(raw).not.toMatch(/b121|2027|early/);
  });
});
