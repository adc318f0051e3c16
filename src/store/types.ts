/**
 * Storage seams. Features depend on these interfaces only, so the embedded SQLite adapter can be
 * swapped for PostgreSQL without touching them. Every method may be async for that reason.
 */

/** A JSON value store under one namespace (sessions, conversation state, ...). */
export interface KeyValueStore<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** Deletes entries not written since `cutoffMs` (epoch ms); returns how many went. */
  deleteStale(cutoffMs: number): Promise<number>;
  /** Up to `limit` keys after `after` in key order (paging through a namespace, e.g. rule-change alerts). */
  listKeys?(after: string, limit: number): Promise<string[]>;
}

export const SUPPORTED_LOCALES = ["en", "ru", "kk", "de"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export interface UserPrefs {
  /** The language the user chose with /language. */
  language?: Locale;
  /** The language last used with the user (chosen or from Telegram's): what reminders are written in. */
  seenLocale?: Locale;
  /** IANA time zone; Asia/Almaty when unset. */
  timezone?: string;
}

export interface UserStore {
  get(userId: number): Promise<UserPrefs>;
  /**
   * The preferences of several people at once (each as `get` gives it; `{}` for someone with none), so a batch
   * of reminders costs one read, not one a person (one round trip on PostgreSQL).
   */
  getMany?(userIds: readonly number[]): Promise<Map<number, UserPrefs>>;
  update(userId: number, patch: Partial<UserPrefs>): Promise<UserPrefs>;
  /** Erases everything stored about the user in this store. */
  delete(userId: number): Promise<void>;
}

/**
 * Everything stored about one person, across every store and table: erasure (/forget), export
 * (/mydata), the day of last activity and the 12-month sweep, and values that could not be read.
 */
export interface PersonalDataStore {
  /** Erases every row that refers to the person, in every table (future ones too); returns how many went. */
  erase(userId: number): Promise<number>;
  /** Everything stored about the person, decrypted, as plain JSON data. */
  export(userId: number): Promise<PersonalDataExport>;
  /** Records that the person used the bot (kept as the day only). */
  touch(userId: number, now: number): Promise<void>;
  /** People last active before `cutoff` with no reminder due since then or still to come. */
  inactiveSince(cutoff: number, limit: number): Promise<number[]>;
  /** Where the person's unreadable data was found, if they were not told yet; marks it told. */
  takeUnreadable(userId: number): Promise<string[]>;
  /** Deletes set-aside unreadable values found before `cutoff`; returns how many went. */
  sweepUnreadable(cutoff: number): Promise<number>;
}

/** The /mydata document: dates as ISO strings, nothing encrypted. */
export interface PersonalDataExport {
  user_id: number;
  exported_at: string;
  settings: UserPrefs;
  last_active_day: string | null;
  milestones: unknown;
  /** The last /check outcome kept for /plan, /fees and /documents. */
  last_outcome: unknown;
  /** Ticked items of the document checklist. */
  documents: unknown;
  /** Consent to rule-change alerts and the fact ids and versions they watch. */
  rule_alerts: unknown;
  reminders: Array<Record<string, unknown>>;
  reminders_paused: boolean;
  /** What the person chose per deadline in /reminders (mute, done, deleted reminders, lead times). */
  reminder_choices: Array<Record<string, unknown>>;
  session: unknown;
  conversation: unknown;
  unreadable: Array<{ source: string; found_at: string }>;
  /** Updates fetched from Telegram and not yet confirmed (polling mode); a handled one keeps no content. */
  inbox: Array<{ update_id: number; received_at: string; handled: boolean; update: unknown }>;
  /** Rows of tables this export does not know by name, as stored (encrypted values in base64). */
  other_tables: Record<string, Array<Record<string, unknown>>>;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** One update in the polling inbox, as fetched from Telegram. */
export interface InboxEntry {
  updateId: number;
  update: unknown;
  /** How many times handling was started (a crash mid-update makes it one more). */
  attempts: number;
}

/**
 * The polling inbox: updates are written here before Telegram is told they arrived, handled, then
 * marked done, so a crash loses none and a restart handles each update_id once. Payloads are
 * encrypted; each row names its user and chat so that erasure can find it.
 */
export interface InboxStore {
  /** Stores the updates not seen before; returns the ids that were new. */
  add(entries: Array<{ updateId: number; userId?: number; chatId?: number; update: unknown }>): Promise<number[]>;
  /** Updates stored but not handled yet, oldest first; each counts one more attempt. */
  takePending(): Promise<InboxEntry[]>;
  /** The update was handled: its payload goes; the row is kept until Telegram confirmed it. */
  markDone(updateId: number): Promise<void>;
  /** Telegram confirmed every update below `offset`: handled rows below it are deleted. */
  confirmed(offset: number): Promise<number>;
  /** Erases the person's rows (done or not). */
  deleteUser(userId: number): Promise<number>;
}
