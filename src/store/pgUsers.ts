import type { Sealer } from "./crypto.js";
import type { PgDb, Queryable } from "./pg.js";
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
  ) {}

  async get(userId: number): Promise<UserPrefs> {
    return this.read(this.db, userId, false);
  }

  async update(userId: number, patch: Partial<UserPrefs>): Promise<UserPrefs> {
    return this.db.tx(async (q) => {
      const next = prefsSchema.parse({ ...(await this.read(q, userId, true)), ...patch });
      await q.query(
        `INSERT INTO users (user_id, prefs, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET prefs = excluded.prefs, updated_at = excluded.updated_at`,
        [userId, this.sealer.seal(JSON.stringify(next), aad(userId)), this.clock.now()],
      );
      return next;
    });
  }

  async delete(userId: number): Promise<void> {
    await this.db.query("DELETE FROM users WHERE user_id = $1", [userId]);
  }

  private async read(q: Queryable, userId: number, forUpdate: boolean): Promise<UserPrefs> {
    const { rows } = await q.query<{ prefs: Buffer }>(`SELECT prefs FROM users WHERE user_id = $1${forUpdate ? " FOR UPDATE" : ""}`, [userId]);
    const row = rows[0];
    if (!row) return {};
    let plain: string;
    try {
      plain = this.sealer.open(row.prefs, aad(userId));
    } catch {
      const move = async (t: Queryable) => {
        const gone = await t.query("DELETE FROM users WHERE user_id = $1 AND prefs = $2", [userId, row.prefs]);
        if (gone.rowCount) await this.quarantine.put(t, "users", userId, row.prefs);
      };
      await (forUpdate ? move(q) : this.db.tx(move));
      return {};
    }
    const parsed = prefsSchema.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : {};
  }
}

const aad = (userId: number) => `users:${userId}`;
