import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../src/logger.js";
import { ReminderDispatcher } from "../../src/reminders/dispatcher.js";
import * as rules from "../../src/rules/index.js";
import { openEmbeddedStores, type Stores } from "../../src/store/index.js";
import { FakeClock } from "../helpers/testBot.js";

vi.mock("../../src/rules/index.js", async (original) => {
  const actual = await original<typeof import("../../src/rules/index.js")>();
  return { ...actual, isQuietTime: vi.fn(actual.isQuietTime) };
});

const silent = createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, cb) => cb() }) });
let stores: (Stores & { close(): void }) | undefined;
afterEach(() => stores?.close());

/** People in Kathmandu (UTC+05:45: local hours start at :15 past a UTC hour), each with one reminder due. */
async function setUp(clock: FakeClock, people: number) {
  stores = openEmbeddedStores(mkdtempSync(join(tmpdir(), "nomad-kz-quiet-")), Buffer.alloc(32, 9), clock);
  const sent: number[] = [];
  for (let u = 1; u <= people; u++) {
    await stores.users.update(u, { timezone: "Asia/Kathmandu" });
    await stores.reminders.replacePlan(u, [
      { deadlineId: "registration", offsetId: "d1", dueAt: clock.now() - 60_000, deadlineEnd: clock.now() + 5 * 86_400_000, payload: { deadlineId: "registration", date: "2026-12-20" } },
    ]);
  }
  const d = new ReminderDispatcher({
    reminders: stores.reminders,
    users: stores.users,
    clock,
    sleep: async (ms) => clock.advance(ms),
    idle: async () => undefined,
    logger: silent,
    limits: { globalGapMs: 0, perChatGapMs: 0, perSecond: Infinity },
    send: async (row) => void sent.push(row.userId),
  });
  return { d, sent };
}

describe("quiet hours, asked once per time zone and minute", () => {
  it("a batch in one zone and minute asks once; the next minute, which is 22:00 there, is quiet", async () => {
    const clock = new FakeClock(Date.parse("2026-11-21T16:14:00Z")); // 21:59 in Kathmandu
    const { d, sent } = await setUp(clock, 10);
    const asked = vi.mocked(rules.isQuietTime);
    asked.mockClear();
    expect(await d.tick()).toEqual(Array(10).fill("sent"));
    expect(asked).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(10);

    await stores!.reminders.replacePlan(1, [
      { deadlineId: "registration", offsetId: "d2", dueAt: clock.now(), deadlineEnd: clock.now() + 5 * 86_400_000, payload: { deadlineId: "registration", date: "2026-12-20" } },
    ]);
    clock.set("2026-11-21T16:15:00Z"); // 22:00 in Kathmandu: the same dispatcher must not answer from 21:59
    expect(await d.tick()).toEqual(["quiet"]);
    expect(sent).toHaveLength(10);
  });
});
