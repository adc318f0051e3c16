import { createSealer } from "./crypto.js";
import { openDatabase, type SqliteDb } from "./sqlite.js";
import { SqliteKeyValue } from "./sqliteKeyValue.js";
import { seedActivity, SqlitePersonalData } from "./sqlitePersonalData.js";
import { SqliteReminders } from "./sqliteReminders.js";
import { SqliteUsers } from "./sqliteUsers.js";
import type { ReminderStore } from "./reminders.js";
import type { Clock, KeyValueStore, PersonalDataStore, UserStore } from "./types.js";
import { Quarantine, type UnreadableListener } from "./unreadable.js";
import { withoutNames } from "./withoutNames.js";

export * from "./types.js";
export type { DeadlineChoices, DeadlinePlan, PlanChanges, PlannedRow, ReminderPayload, ReminderRow, ReminderStore } from "./reminders.js";
export type { UnreadableEvent, UnreadableListener } from "./unreadable.js";
export { resolveDataKey, type ResolvedKey } from "./crypto.js";
export { DataKeyMismatchError, StoredDataError } from "./sqlite.js";

/** Everything the bot persists, behind interfaces. */
export interface Stores {
  sessions: KeyValueStore<unknown>;
  /** Conversation state (replayed updates), stored without Telegram names or usernames. */
  conversations: KeyValueStore<unknown>;
  users: UserStore;
  /** Life-event dates a user entered for deadline reminders (encrypted). */
  milestones: KeyValueStore<unknown>;
  reminders: ReminderStore;
  /** One person's data across all of the above: erase, export, activity, unreadable rows. */
  personal: PersonalDataStore;
  close(): void;
}

export interface EmbeddedStoreOptions {
  /** Told when a stored value fails to decrypt and is set aside (where, never what). */
  onUnreadable?: UnreadableListener;
}

/** Opens the embedded SQLite stores in `dataDir`, encrypting values with `key`. */
export function openEmbeddedStores(dataDir: string, key: Buffer, clock: Clock, options: EmbeddedStoreOptions = {}): Stores & { db: SqliteDb } {
  const sealer = createSealer(key);
  const db = openDatabase(dataDir, sealer, () => clock.now());
  seedActivity(db, clock.now());
  const quarantine = new Quarantine(db, clock, options.onUnreadable);
  const sessions = new SqliteKeyValue(db, "session", sealer, clock, quarantine);
  const conversations = withoutNames(new SqliteKeyValue(db, "conversation", sealer, clock, quarantine));
  const users = new SqliteUsers(db, sealer, clock, quarantine);
  const milestones = new SqliteKeyValue(db, "milestones", sealer, clock, quarantine);
  const reminders = new SqliteReminders(db, sealer, quarantine);
  return {
    db,
    sessions,
    conversations,
    users,
    milestones,
    reminders,
    personal: new SqlitePersonalData(db, { users, reminders, sessions, conversations, milestones }, clock, sealer),
    close: () => db.close(),
  };
}
