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
  update(userId: number, patch: Partial<UserPrefs>): Promise<UserPrefs>;
  /** Erases everything stored about the user in this store. */
  delete(userId: number): Promise<void>;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
