import type { Sealer } from "./crypto.js";
import type { PgDb, Queryable } from "./pg.js";
import type { Clock, KeyValueStore } from "./types.js";
import type { OpenedCache } from "./openedCache.js";
import { personOf, type UnreadableListener } from "./unreadable.js";

/** The PostgreSQL side of `Quarantine` (src/store/unreadable.ts): an unreadable value moves to `unreadable`. */
export class PgQuarantine {
  constructor(
    private readonly clock: Clock,
    private readonly listener?: UnreadableListener,
  ) {}

  /** Records an unreadable value; the caller deletes it from its own table in the same transaction. */
  async put(q: Queryable, source: string, userId: number | undefined, value: Buffer): Promise<void> {
    const { rows } = await q.query<{ id: number }>("INSERT INTO unreadable (user_id, source, value, found_at) VALUES ($1, $2, $3, $4) RETURNING id", [
      userId ?? null,
      source,
      value,
      this.clock.now(),
    ]);
    this.listener?.({ source, quarantineId: rows[0]!.id });
  }
}

/** A namespace of the `kv` table, as SqliteKeyValue: JSON values sealed with `kv:<ns>:<key>` as associated data. */
export class PgKeyValue<T> implements KeyValueStore<T> {
  constructor(
    private readonly db: PgDb,
    private readonly ns: string,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly quarantine: PgQuarantine,
    /**
     * The JSON text rows decrypted to (see openedCache.ts): the row is still read on every call (other instances
     * write it), only the decryption of bytes seen before is skipped.
     */
    private readonly opened?: OpenedCache<string>,
  ) {}

  async read(key: string): Promise<T | undefined> {
    const { rows } = await this.db.query<{ value: Buffer }>("SELECT value FROM kv WHERE ns = $1 AND key = $2", [this.ns, key]);
    const row = rows[0];
    if (!row) return undefined;
    const known = this.opened?.get(key, row.value);
    if (known !== undefined) return JSON.parse(known) as T;
    let plain: string;
    try {
      plain = this.sealer.open(row.value, this.aad(key));
    } catch {
      await this.db.tx(async (q) => {
        const gone = await q.query("DELETE FROM kv WHERE ns = $1 AND key = $2 AND value = $3", [this.ns, key, row.value]);
        if (gone.rowCount) await this.quarantine.put(q, `kv:${this.ns}`, personOf(key), row.value);
      });
      this.opened?.delete(key);
      return undefined;
    }
    const value = JSON.parse(plain) as T;
    this.opened?.set(key, row.value, plain, plain.length + row.value.length);
    return value;
  }

  async write(key: string, value: T): Promise<void> {
    const plain = JSON.stringify(value);
    const sealed = this.sealer.seal(plain, this.aad(key));
    await this.db.query(
      `INSERT INTO kv (ns, key, value, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [this.ns, key, sealed, this.clock.now()],
    );
    this.opened?.set(key, sealed, plain, plain.length + sealed.length);
  }

  async delete(key: string): Promise<void> {
    await this.db.query("DELETE FROM kv WHERE ns = $1 AND key = $2", [this.ns, key]);
    this.opened?.delete(key);
  }

  async deleteStale(cutoffMs: number): Promise<number> {
    const removed = (await this.db.query("DELETE FROM kv WHERE ns = $1 AND updated_at < $2", [this.ns, cutoffMs])).rowCount ?? 0;
    // As on SQLite: the swept rows' texts must not outlive them in memory, and which ones they were is not known here.
    if (removed > 0) this.opened?.clear();
    return removed;
  }

  async listKeys(after: string, limit: number): Promise<string[]> {
    const { rows } = await this.db.query<{ key: string }>("SELECT key FROM kv WHERE ns = $1 AND key > $2 ORDER BY key LIMIT $3", [this.ns, after, limit]);
    return rows.map((r) => r.key);
  }

  private aad(key: string): string {
    return `kv:${this.ns}:${key}`;
  }
}
