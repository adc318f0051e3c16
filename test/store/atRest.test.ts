import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { everyCell, livePersonalSession, PERSON, rawDatabaseBytes, THEIR_ANSWER, THEIR_DATES } from "../helpers/personalSession.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const db = () => (h.services.stores as unknown as { db: import("../../src/store/sqlite.js").SqliteDb }).db;

describe("what the database file holds after a realistic session", () => {
  it("has no name, answer, milestone date, deadline or deadline date in clear: not in the raw bytes, not in any column", async () => {
    const user = await livePersonalSession(h);
    const rows = await h.services.stores.reminders.all(user.user.id);
    expect(rows.some((r) => r.status === "sent")).toBe(true);
    expect(rows.some((r) => r.status === "pending")).toBe(true);
    expect(await h.services.stores.conversations.read(String(user.user.id))).toBeDefined(); // a /check is open

    const words = [
      PERSON.first_name,
      PERSON.last_name,
      PERSON.username,
      THEIR_ANSWER,
      // The stored form of that answer in the open /check (its country code), had it been left in clear.
      '"citizenship":"UZ"',
      ...Object.values(THEIR_DATES),
      ...rows.map((r) => r.payload.date),
      ...rows.map((r) => r.deadlineId),
      ...Object.keys(THEIR_DATES),
      "Asia/Almaty",
    ];
    const dayStarts = [...Object.values(THEIR_DATES), ...rows.map((r) => r.payload.date)].map((d) => Date.parse(`${d}T00:00:00Z`));
    const numbers = new Set([...rows.map((r) => r.deadlineEnd), ...dayStarts, ...dayStarts.map((ms) => ms / 1000)]);

    const raw = rawDatabaseBytes(h.dataDir);
    for (const word of words) expect(raw, word).not.toContain(word);

    for (const cell of everyCell(db())) {
      const where = `${cell.table}.${cell.column}`;
      if (typeof cell.value === "string") for (const word of words) expect(cell.value, where).not.toContain(word);
      if (typeof cell.value === "number") expect(numbers.has(cell.value), `${where} = ${cell.value}`).toBe(false);
      if (Buffer.isBuffer(cell.value)) for (const word of words) expect(cell.value.toString("latin1"), where).not.toContain(word);
    }
  });

  it("keeps in clear only the reminder columns the scheduler queries, with due times to the minute", async () => {
    const user = await livePersonalSession(h);
    const columns = (db().prepare("PRAGMA table_info(reminders)").all() as Array<{ name: string }>).map((c) => c.name).sort();
    expect(columns).toEqual(["attempts", "claimed_at", "deadline_tag", "due_at", "id", "sealed", "slot", "status", "user_id"]);
    const dues = db().prepare("SELECT due_at FROM reminders WHERE user_id = ?").all(user.user.id) as Array<{ due_at: number }>;
    expect(dues.length).toBeGreaterThan(0);
    for (const { due_at } of dues) expect(due_at % 60_000).toBe(0);
    // The keyed tags differ from one person to the next, so two people's rows cannot be matched up.
    const other = await livePersonalSession(h, { id: 770_012 });
    const tags = (id: number) => (db().prepare("SELECT hex(deadline_tag) AS t FROM reminders WHERE user_id = ?").all(id) as Array<{ t: string }>).map((r) => r.t);
    expect(tags(user.user.id).filter((t) => tags(other.user.id).includes(t))).toEqual([]);
  });
});
