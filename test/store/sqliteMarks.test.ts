import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openEmbeddedStores, type ReminderRow } from "../../src/store/index.js";
import { FakeClock } from "../helpers/testBot.js";

const KEY = Buffer.alloc(32, 5);
let close: (() => void) | undefined;
afterEach(() => close?.());

async function claimed(n: number) {
  const clock = new FakeClock();
  const stores = openEmbeddedStores(mkdtempSync(join(tmpdir(), "nomad-kz-marks-")), KEY, clock);
  close = stores.close;
  for (let u = 0; u < n; u++) {
    await stores.reminders.replacePlan(100 + u, [
      { deadlineId: "registration", offsetId: "d1", dueAt: clock.now() - 60_000, deadlineEnd: clock.now() + 86_400_000, payload: { deadlineId: "registration", date: "2026-12-20" } },
    ]);
  }
  const rows = await stores.reminders.claimDue(clock.now(), 50);
  expect(rows).toHaveLength(n);
  return { stores, rows, clock };
}

const statusOf = async (stores: Awaited<ReturnType<typeof claimed>>["stores"], row: ReminderRow) => (await stores.reminders.all(row.userId))[0];

describe("SQLite: marks of sends that end together", () => {
  it("are committed in one transaction, each caller returning once its row is marked sent with its time", async () => {
    const { stores, rows, clock } = await claimed(5);
    const transaction = vi.spyOn(stores.db, "transaction");
    const at = clock.now() + 1_000;
    await Promise.all(rows.map((r) => stores.reminders.markSentClaimed(r, at)));
    expect(transaction).toHaveBeenCalledTimes(1); // one commit for the five, not one each
    for (const r of rows) expect(await statusOf(stores, r)).toMatchObject({ status: "sent", sentAt: at, deadlineId: "registration" });
  });

  it("a mark on its own is committed by the time it returns", async () => {
    const { stores, rows, clock } = await claimed(2);
    await stores.reminders.markSentClaimed(rows[0]!, clock.now());
    expect((await statusOf(stores, rows[0]!))!.status).toBe("sent");
    expect((await statusOf(stores, rows[1]!))!.status).toBe("claimed");
  });

  it("a failed write fails every mark of its transaction, and none is recorded", async () => {
    const { stores, rows, clock } = await claimed(3);
    const marks = rows.map((r) => stores.reminders.markSentClaimed(r, clock.now()));
    stores.db.exec("CREATE TRIGGER no_sent BEFORE UPDATE OF status ON reminders WHEN NEW.status = 'sent' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const settled = await Promise.allSettled(marks);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected", "rejected"]);
    stores.db.exec("DROP TRIGGER no_sent");
    for (const r of rows) expect((await statusOf(stores, r))!.status).toBe("claimed");
  });
});
