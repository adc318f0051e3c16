import type { Sealer } from "./crypto.js";
import type { PgDb, Queryable } from "./pg.js";
import type { OpenedCache } from "./openedCache.js";
import type { PgQuarantine } from "./pgKeyValue.js";
import { prefsSchema } from "./sqliteUsers.js";
import type { Clock, UserPrefs, UserStore } from "./types.js";

/** Per-user preferences on PostgreSQL, sealed with `users:<id>` as on SQLite; an update locks the row. */
export class PgUsers implements UserStore {
  constructor(
    private readonly db: PgDb,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly quarantine: PgQuarantine,
    /**
     * What rows decrypted to (see openedCache.ts): the row is still read on every call (other instances write it),
     * only the decryption of bytes seen before is skipped.
     */
    private readonly opened?: OpenedCache<Readonly<UserPrefs>>,
  ) {}

  async get(userId: number): Promise<UserPrefs> {
    return (await this.read(this.db, userId, false)) ?? {};
  }

  /**
   * One statement for everyone (`user_id = ANY($1)`, a named statement outside a unit of work): the dispatcher
   * reads the preferences of a whole claimed batch at once. An unreadable row is set aside as `get` does.
   */
  async getMany(userIds: readonly number[]): Promise<Map<number, UserPrefs>> {
    const ids = [...new Set(userIds)];
    const out = new Map<number, UserPrefs>(ids.map((id) => [id, {}]));
    if (ids.length === 0) return out;
    const text = "SELECT user_id, prefs FROM users WHERE user_id = ANY($1::bigint[])";
    const { rows } = this.db.inUnit()
      ? await this.db.query<{ user_id: number; prefs: Buffer }>(text, [ids])
      : await this.db.pool.query<{ user_id: number; prefs: Buffer }>({ name: "users_get_many", text, values: [ids] });
    for (const row of rows) {
      const userId = Number(row.user_id);
      out.set(userId, (await this.openRow(this.db, userId, row.prefs, false)) ?? {});
    }
    return out;
  }

  /**
   * Merges `patch` into the stored preferences. The row is locked while it is merged; someone with no row yet has
   * nothing to lock, so when another transaction inserted theirs in the meantime the insert finds it, and the merge
   * is done again on that row (an upsert there lost one of two changes made at once, e.g. from two chats).
   */
  async update(userId: number, patch: Partial<UserPrefs>): Promise<UserPrefs> {
    return this.db.tx(async (q) => {
      for (;;) {
        const stored = await this.read(q, userId, true);
        const next = prefsSchema.parse({ ...stored, ...patch });
        const sealed = this.sealer.seal(JSON.stringify(next), aad(userId));
        const values = [userId, sealed, this.clock.now()];
        if (stored) {
          await q.query("UPDATE users SET prefs = $2, updated_at = $3 WHERE user_id = $1", values);
          return { next, sealed };
        }
        const inserted = await q.query("INSERT INTO users (user_id, prefs, updated_at) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING", values);
        if (inserted.rowCount) return { next, sealed };
      }
    }).then(({ next, sealed }) => {
      // Remembered once committed (a rollback of an enclosing unit leaves other bytes in the row: a miss).
      this.opened?.set(String(userId), sealed, Object.freeze({ ...next }));
      return next;
    });
  }

  async delete(userId: number): Promise<void> {
    await this.db.query("DELETE FROM users WHERE user_id = $1", [userId]);
    this.opened?.delete(String(userId));
  }

  /** The stored preferences, or undefined when there is no row (or it was unreadable and is set aside now). */
  private async read(q: Queryable, userId: number, forUpdate: boolean): Promise<UserPrefs | undefined> {
    const { rows } = await q.query<{ prefs: Buffer }>(`SELECT prefs FROM users WHERE user_id = $1${forUpdate ? " FOR UPDATE" : ""}`, [userId]);
    const row = rows[0];
    if (!row) return undefined;
    return this.openRow(q, userId, row.prefs, forUpdate);
  }

  /** A row's preferences opened; an unreadable one is set aside (in `q`'s transaction when locked, else its own). */
  private async openRow(q: Queryable, userId: number, prefs: Buffer, forUpdate: boolean): Promise<UserPrefs | undefined> {
    // A copy: callers may change what they are given, the remembered value must stay what the row holds.
    const known = this.opened?.get(String(userId), prefs);
    if (known) return { ...known };
    let plain: string;
    try {
      plain = this.sealer.open(prefs, aad(userId));
    } catch {
      const move = async (t: Queryable) => {
        const gone = await t.query("DELETE FROM users WHERE user_id = $1 AND prefs = $2", [userId, prefs]);
        if (gone.rowCount) await this.quarantine.put(t, "users", userId, prefs);
      };
      await (forUpdate ? move(q) : this.db.tx(move));
      this.opened?.delete(String(userId));
      return undefined;
    }
    const parsed = prefsSchema.safeParse(JSON.parse(plain));
    const result = parsed.success ? parsed.data : {};
    this.opened?.set(String(userId), prefs, Object.freeze({ ...result }));
    return result;
  }
}

const aad = (userId: number) => `users:${userId}`;
