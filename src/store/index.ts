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
import { OpenedCaches } from "./openedCache.js";
import { openPgDatabase, pgChatLocks } from "./pg.js";
import { PgInbox } from "./pgInbox.js";
import { PgKeyValue, PgQuarantine } from "./pgKeyValue.js";
import { PgPersonalData } from "./pgPersonalData.js";
import { PgReminders, type PgReminderOptions } from "./pgReminders.js";
import { PgUsers } from "./pgUsers.js";
import { SqliteInbox } from "./sqliteInbox.js";
import { processChatLock, type ChatLock, type WebhookInboxStore } from "./webhookInbox.js";

export * from "./types.js";
export type { DeadlineChoices, DeadlinePlan, PlanChanges, PlannedRow, ReminderPayload, ReminderRow, ReminderStore } from "./reminders.js";
export type { UnreadableEvent, UnreadableListener } from "./unreadable.js";
export { resolveDataKey, type ResolvedKey } from "./crypto.js";
export { DataKeyMismatchError, StoredDataError } from "./sqlite.js";
export type { ChatLock, WebhookInboxStore } from "./webhookInbox.js";

/** Everything the bot persists, behind interfaces. */
export interface Stores {
  sessions: KeyValueStore<unknown>;
  /** Conversation state (replayed updates), stored without Telegram names or usernames. */
  conversations: KeyValueStore<unknown>;
  users: UserStore;
  /** Life-event dates a user entered for deadline reminders (encrypted). */
  milestones: KeyValueStore<unknown>;
  reminders: ReminderStore;
  /** The person's last /check outcome (program verdicts, route, fact ids it used), for /plan, /fees, /documents. */
  outcomes: KeyValueStore<unknown>;
  /** Document checklist ticks per person (/documents). */
  documents: KeyValueStore<unknown>;
  /** Consent to rule-change alerts and the fact ids and versions the person's outcome and plan used. */
  alerts: KeyValueStore<unknown>;
  /** One person's data across all of the above: erase, export, activity, unreadable rows. */
  personal: PersonalDataStore;
  /** Updates fetched or received and not handled yet (polling and webhook mode). */
  inbox: WebhookInboxStore;
  /** Serialises the handling of one chat's updates: across instances on PostgreSQL, in this process on SQLite. */
  chatLock: ChatLock;
  /** Which engine holds the data. */
  engine: "sqlite" | "postgres";
  /** Throws unless the database answers (webhook mode's /readyz). */
  ping(): Promise<void>;
  /** Closes the database (PostgreSQL: waits for the pool to end). */
  close(): void | Promise<void>;
}

export interface EmbeddedStoreOptions {
  /** Told when a stored value fails to decrypt and is set aside (where, never what). */
  onUnreadable?: UnreadableListener;
}

/**
 * The bounds of what the stores remember of decrypted rows (src/store/openedCache.ts): the preferences of 30,000
 * people (about 300 bytes each, 9 MB; people beyond that, met in turn, are read from their rows as before), and per
 * kv namespace a bound on the bytes held (the decrypted text and its ciphertext counted), conversation states being
 * the large ones (2-10 kB; 100 chats in flight need 100 of them).
 */
const CACHED_USERS = 30_000;
const CACHED_KV = { entries: 2_000, bytes: 1 << 20 };
const CACHED_CONVERSATIONS = { entries: 2_000, bytes: 8 << 20 };
/** PostgreSQL: another instance may erase a person; what this one holds of them expires this long after last use. */
const PG_CACHE_MAX_AGE_MS = 10 * 60_000;

/** Opens the embedded SQLite stores in `dataDir`, encrypting values with `key`. */
export function openEmbeddedStores(dataDir: string, key: Buffer, clock: Clock, options: EmbeddedStoreOptions = {}): Stores & { db: SqliteDb; caches: OpenedCaches } {
  const sealer = createSealer(key);
  const db = openDatabase(dataDir, sealer, () => clock.now());
  seedActivity(db, clock.now());
  const quarantine = new Quarantine(db, clock, options.onUnreadable);
  // No expiry: on SQLite a person is erased through these stores, which drop what they hold.
  const caches = new OpenedCaches();
  const kv = (ns: string, bound = CACHED_KV) => new SqliteKeyValue(db, ns, sealer, clock, quarantine, caches.create<string>(bound.entries, bound.bytes));
  const sessions = kv("session");
  const conversations = withoutNames(kv("conversation", CACHED_CONVERSATIONS));
  const users = new SqliteUsers(db, sealer, clock, quarantine, caches.create(CACHED_USERS));
  const milestones = kv("milestones");
  const outcomes = kv("outcome");
  const documents = kv("documents");
  const alerts = kv("alerts");
  const reminders = new SqliteReminders(db, sealer, quarantine);
  return {
    db,
    caches,
    sessions,
    conversations,
    users,
    milestones,
    reminders,
    outcomes,
    documents,
    alerts,
    personal: new SqlitePersonalData(db, { users, reminders, sessions, conversations, milestones, outcomes, documents, alerts }, clock, sealer, caches),
    inbox: new SqliteInbox(db, sealer, clock),
    chatLock: processChatLock(),
    engine: "sqlite",
    ping: async () => void db.prepare("SELECT 1").get(),
    close: () => {
      caches.stop();
      db.close();
    },
  };
}

export interface PgStoreOptions extends EmbeddedStoreOptions {
  /** Connections in the pool. */
  poolSize?: number;
  /** Connections that hold chat locks (chats handled at once by this instance). */
  lockPoolSize?: number;
  reminders?: PgReminderOptions;
}

/**
 * Opens the stores on PostgreSQL at `url` (migrating it first), with the same encryption and behaviour as the
 * embedded ones; several instances may share the database.
 */
export async function openPgStores(url: string, key: Buffer, clock: Clock, options: PgStoreOptions = {}): Promise<Stores> {
  const sealer = createSealer(key);
  const db = await openPgDatabase(url, sealer, { max: options.poolSize });
  const quarantine = new PgQuarantine(clock, options.onUnreadable);
  // Rows are read on every call all the same (see openedCache.ts); expiry covers erasure by another instance.
  const caches = new OpenedCaches({ maxAgeMs: PG_CACHE_MAX_AGE_MS, now: () => clock.now() });
  caches.startSweeping(60_000);
  const kv = (ns: string, bound = CACHED_KV) => new PgKeyValue(db, ns, sealer, clock, quarantine, caches.create<string>(bound.entries, bound.bytes));
  const sessions = kv("session");
  const conversations = withoutNames(kv("conversation", CACHED_CONVERSATIONS));
  const users = new PgUsers(db, sealer, clock, quarantine, caches.create(CACHED_USERS));
  const milestones = kv("milestones");
  const outcomes = kv("outcome");
  const documents = kv("documents");
  const alerts = kv("alerts");
  const reminders = new PgReminders(db, sealer, quarantine, clock, options.reminders);
  const locks = pgChatLocks(db, url, options.lockPoolSize);
  return {
    sessions,
    conversations,
    users,
    milestones,
    reminders,
    outcomes,
    documents,
    alerts,
    personal: new PgPersonalData(db, { users, reminders, sessions, conversations, milestones, outcomes, documents, alerts }, clock, sealer, caches),
    inbox: new PgInbox(db, sealer, clock),
    chatLock: locks.lock,
    engine: "postgres",
    ping: async () => void (await db.query("SELECT 1")),
    close: async () => {
      caches.stop();
      await locks.close();
      await db.close();
    },
  };
}

export interface StoreSettings {
  /** PostgreSQL when set; the embedded SQLite database in `dataDir` otherwise. */
  databaseUrl?: string;
  dataDir: string;
  key: Buffer;
}

/** The one place the engine is chosen: PostgreSQL when DATABASE_URL is set, the embedded SQLite otherwise. */
export async function openStores(settings: StoreSettings, clock: Clock, options: PgStoreOptions = {}): Promise<Stores> {
  return settings.databaseUrl ? openPgStores(settings.databaseUrl, settings.key, clock, options) : openEmbeddedStores(settings.dataDir, settings.key, clock, options);
}
