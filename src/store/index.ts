import { createSealer } from "./crypto.js";
import { openDatabase, type SqliteDb } from "./sqlite.js";
import { SqliteKeyValue } from "./sqliteKeyValue.js";
import { SqliteReminders } from "./sqliteReminders.js";
import { SqliteUsers } from "./sqliteUsers.js";
import type { ReminderStore } from "./reminders.js";
import type { Clock, KeyValueStore, UserStore } from "./types.js";

export * from "./types.js";
export type { PlannedRow, ReminderPayload, ReminderRow, ReminderStore } from "./reminders.js";
export { resolveDataKey, type ResolvedKey } from "./crypto.js";
export { DataKeyMismatchError } from "./sqlite.js";

/** Everything the bot persists, behind interfaces. */
export interface Stores {
  sessions: KeyValueStore<unknown>;
  conversations: KeyValueStore<unknown>;
  users: UserStore;
  /** Life-event dates a user entered for deadline reminders (encrypted). */
  milestones: KeyValueStore<unknown>;
  reminders: ReminderStore;
  close(): void;
}

/** Opens the embedded SQLite stores in `dataDir`, encrypting values with `key`. */
export function openEmbeddedStores(dataDir: string, key: Buffer, clock: Clock): Stores & { db: SqliteDb } {
  const sealer = createSealer(key);
  const db = openDatabase(dataDir, sealer);
  return {
    db,
    sessions: new SqliteKeyValue(db, "session", sealer, clock),
    conversations: new SqliteKeyValue(db, "conversation", sealer, clock),
    users: new SqliteUsers(db, sealer, clock),
    milestones: new SqliteKeyValue(db, "milestones", sealer, clock),
    reminders: new SqliteReminders(db, sealer),
    close: () => db.close(),
  };
}
