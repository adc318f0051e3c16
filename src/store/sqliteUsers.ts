import { z } from "zod";
import type { Sealer } from "./crypto.js";
import type { SqliteDb } from "./sqlite.js";
import { SUPPORTED_LOCALES, type Clock, type UserPrefs, type UserStore } from "./types.js";
import type { OpenedCache } from "./openedCache.js";
import type { Quarantine } from "./unreadable.js";

export const prefsSchema = z.object({
  language: z.enum(SUPPORTED_LOCALES).optional(),
  seenLocale: z.enum(SUPPORTED_LOCALES).optional(),
  timezone: z.string().optional(),
});

/** Per-user preferences, encrypted (an unreadable row is quarantined and read as none); kept apart from sessions so reminders can read them outside updates. */
export class SqliteUsers implements UserStore {
  private readonly getStmt;
  private readonly putStmt;
  private readonly deleteStmt;

  constructor(
    private readonly db: SqliteDb,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly quarantine: Quarantine,
    /** What rows decrypted to (see openedCache.ts): a row read again unchanged is not decrypted again. */
    private readonly opened?: OpenedCache<Readonly<UserPrefs>>,
  ) {
    this.getStmt = db.prepare("SELECT prefs FROM users WHERE user_id = ?");
    this.putStmt = db.prepare(
      `INSERT INTO users (user_id, prefs, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET prefs = excluded.prefs, updated_at = excluded.updated_at`,
    );
    this.deleteStmt = db.prepare("DELETE FROM users WHERE user_id = ?");
  }

  async get(userId: number): Promise<UserPrefs> {
    return this.read(userId);
  }

  async getMany(userIds: readonly number[]): Promise<Map<number, UserPrefs>> {
    // SQLite answers in process: one prepared read a person costs no round trip.
    return new Map(userIds.map((id) => [id, this.read(id)]));
  }

  async update(userId: number, patch: Partial<UserPrefs>): Promise<UserPrefs> {
    return this.db.transaction(() => {
      const next = prefsSchema.parse({ ...this.read(userId), ...patch });
      const sealed = this.sealer.seal(JSON.stringify(next), this.aad(userId));
      this.putStmt.run(userId, sealed, this.clock.now());
      this.opened?.set(String(userId), sealed, Object.freeze({ ...next }));
      return next;
    })();
  }

  async delete(userId: number): Promise<void> {
    this.deleteStmt.run(userId);
    this.opened?.delete(String(userId));
  }

  private read(userId: number): UserPrefs {
    const row = this.getStmt.get(userId) as { prefs: Buffer } | undefined;
    if (!row) return {};
    // A copy: callers may change what they are given, the remembered value must stay what the row holds.
    const known = this.opened?.get(String(userId), row.prefs);
    if (known) return { ...known };
    let plain: string;
    try {
      plain = this.sealer.open(row.prefs, this.aad(userId));
    } catch {
      // A damaged row: set it aside and go on as for a new person (the person is told once).
      this.db.transaction(() => {
        this.quarantine.put("users", userId, row.prefs);
        this.deleteStmt.run(userId);
      })();
      this.opened?.delete(String(userId));
      return {};
    }
    const parsed = prefsSchema.safeParse(JSON.parse(plain));
    const prefs = parsed.success ? parsed.data : {};
    this.opened?.set(String(userId), row.prefs, Object.freeze({ ...prefs }));
    return prefs;
  }

  private aad(userId: number): string {
    return `users:${userId}`;
  }
}
