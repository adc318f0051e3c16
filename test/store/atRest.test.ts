import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { livePersonalSession, PERSON, rawDatabaseBytes, THEIR_ANSWER, THEIR_DATES } from "../helpers/personalSession.js";
import { ENGINE_NAMES } from "./engines.js";

let h: Harness | undefined;
afterEach(() => h?.close());

/** The columns of the reminders table, as the engine lists them. */
async function reminderColumns(h: Harness): Promise<string[]> {
  const rows =
    h.store.engine === "sqlite"
      ? await h.store.sql("SELECT name FROM pragma_table_info('reminders')")
      : await h.store.sql("SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'reminders'");
  return rows.map((r) => String(r.name)).sort();
}

describe.each(ENGINE_NAMES)("what the $engine database holds after a realistic session", ({ engine }) => {
  it("has no name, answer, milestone date, deadline or deadline date in clear: not in any column (SQLite: nor in the raw bytes)", async () => {
    h = await createHarness({ engine });
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

    if (engine === "sqlite") {
      const raw = rawDatabaseBytes(h.dataDir);
      for (const word of words) expect(raw, word).not.toContain(word);
    }

    const cells = await h.store.cells();
    expect(cells.filter((c) => c.table === "reminders").length).toBeGreaterThan(0);
    for (const cell of cells) {
      const where = `${cell.table}.${cell.column}`;
      if (typeof cell.value === "string") for (const word of words) expect(cell.value, where).not.toContain(word);
      if (typeof cell.value === "number") expect(numbers.has(cell.value), `${where} = ${cell.value}`).toBe(false);
      if (Buffer.isBuffer(cell.value)) for (const word of words) expect(cell.value.toString("latin1"), where).not.toContain(word);
    }
  });

  it("keeps in clear only the reminder columns the scheduler queries, with due times to the minute", async () => {
    h = await createHarness({ engine });
    const user = await livePersonalSession(h);
    expect(await reminderColumns(h)).toEqual(["attempts", "claimed_at", "deadline_tag", "due_at", "id", "sealed", "slot", "status", "user_id"]);
    const dues = await h.store.sql("SELECT due_at FROM reminders WHERE user_id = ?", [user.user.id]);
    expect(dues.length).toBeGreaterThan(0);
    for (const { due_at } of dues) expect(Number(due_at) % 60_000).toBe(0);
    // The keyed tags differ from one person to the next, so two people's rows cannot be matched up.
    const other = await livePersonalSession(h, { id: 770_012 });
    const tags = async (id: number) => (await h!.store.sql("SELECT deadline_tag FROM reminders WHERE user_id = ?", [id])).map((r) => (r.deadline_tag as Buffer).toString("hex"));
    const mine = await tags(user.user.id);
    const theirs = await tags(other.user.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((t) => theirs.includes(t))).toEqual([]);
  });
});
