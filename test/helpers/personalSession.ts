import { Api } from "grammy";
import type { User } from "grammy/types";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ReminderDispatcher } from "../../src/reminders/dispatcher.js";
import { reminderSender } from "../../src/reminders/sendReminder.js";
import type { SqliteDb } from "../../src/store/sqlite.js";
import type { Harness } from "./testBot.js";
import { TestUser } from "./testUser.js";

/** A person with a name, surname and username that appear nowhere else in the code or data. */
export const PERSON = { id: 770_011, first_name: "Zhanargul", last_name: "Testovayeva", username: "zhanargul_nomad_x", language_code: "en" } as const;
/** The dates they give /remind: a visa and a passport expiry. */
export const THEIR_DATES = { visa_expiry: "2026-12-10", passport_expiry: "2028-03-15" } as const;
/** What they type into /check that names them: their country. */
export const THEIR_ANSWER = "Uzbekistan";

/** The real reminder dispatcher over the harness, sending through its emulated Bot API. */
export function dispatcherFor(h: Harness): ReminderDispatcher {
  const { stores, clock, logger, i18n } = h.services;
  return new ReminderDispatcher({
    reminders: stores.reminders,
    users: stores.users,
    send: reminderSender(new Api("1:x", { fetch: h.api.fetch as never }), i18n, clock),
    clock,
    sleep: async (ms) => h.clock.advance(ms),
    idle: async () => undefined,
    logger,
  });
}

/**
 * A realistic session: language chosen, a time zone, a finished /check, /remind with a visa and
 * a passport expiry (reminders planned), one reminder sent, the bot blocked and unblocked, and a
 * second /check left open mid-way. Returns the person.
 */
export async function livePersonalSession(h: Harness, over: Partial<User> = {}): Promise<TestUser> {
  const user = new TestUser(h, { ...PERSON, ...over });
  const t = h.services.i18n.getFixedT("en");
  await user.send("/language");
  await user.press("English");
  await user.send("/settings");
  await user.press(t("remind:settings.change_tz"));
  await user.press("Asia/Almaty");
  await user.send("/check");
  await user.send(THEIR_ANSWER);
  await user.press("No");
  await user.press(t("check:opt.none"));
  await user.press("No"); // no remote income: the check ends here
  await user.send("/remind");
  for (const [milestone, date] of Object.entries(THEIR_DATES)) {
    await user.press(t(`remind:milestone.${milestone}`));
    await user.send(date);
  }
  await user.press(t("remind:btn.done"));
  const planned = await h.services.stores.reminders.upcoming(user.user.id);
  if (planned.length === 0) throw new Error("the session planned no reminders");
  const dueFirst = planned[0]!.dueAt;
  if (h.clock.now() < dueFirst) h.clock.set(new Date(dueFirst).toISOString());
  const outcomes = await dispatcherFor(h).tick();
  if (!outcomes.includes("sent")) throw new Error(`no reminder was sent: ${outcomes.join(", ")}`);
  await h.bot.handleUpdate(memberUpdate(user, "kicked"));
  await h.bot.handleUpdate(memberUpdate(user, "member"));
  await h.services.stores.reminders.setPaused(user.user.id, true); // blocked again: the flag stays
  await user.send("/check");
  await user.send(THEIR_ANSWER); // left open, waiting for the next answer
  return user;
}

let memberUpdateId = 900_000;
function memberUpdate(user: TestUser, status: "kicked" | "member") {
  const chat = { id: user.user.id, type: "private" as const, first_name: user.user.first_name };
  return {
    update_id: memberUpdateId++,
    my_chat_member: {
      chat,
      from: user.user,
      date: 1,
      old_chat_member: { status: status === "kicked" ? "member" : "kicked", user: { id: 1, is_bot: true, first_name: "bot" } },
      new_chat_member: { status, user: { id: 1, is_bot: true, first_name: "bot" }, ...(status === "kicked" ? { until_date: 0 } : {}) },
    },
  } as never;
}

/** The bytes of the database and its write-ahead log, as one latin1 string to search. */
export function rawDatabaseBytes(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.startsWith("nomad-kz.sqlite"))
    .map((f) => readFileSync(join(dir, f)).toString("latin1"))
    .join("");
}

export interface Cell {
  table: string;
  column: string;
  value: unknown;
}

/** Every cell of every table of the database (sqlite_master lists them). */
export function everyCell(db: SqliteDb): Cell[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
  const cells: Cell[] = [];
  for (const { name } of tables) {
    for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) cells.push({ table: name, column, value });
    }
  }
  return cells;
}
