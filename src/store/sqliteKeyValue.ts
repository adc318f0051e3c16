import type { Sealer } from "./crypto.js";
import type { SqliteDb } from "./sqlite.js";
import type { Clock, KeyValueStore } from "./types.js";
import type { OpenedCache } from "./openedCache.js";
import { personOf, type Quarantine } from "./unreadable.js";

/**
 * A namespace of the `kv` table holding JSON values, each encrypted with its namespace and key as
 * associated data. Doubles as a grammY session adapter and a conversations state adapter.
 * A value that fails to decrypt is moved to quarantine and read as absent, so a damaged row never
 * blocks the person (an open conversation that cannot be read is simply no longer open).
 */
export class SqliteKeyValue<T> implements KeyValueStore<T> {
  private readonly readStmt;
  private readonly writeStmt;
  private readonly deleteStmt;
  private readonly staleStmt;
  private readonly keysStmt;

  constructor(
    private readonly db: SqliteDb,
    private readonly ns: string,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly quarantine: Quarantine,
    /**
     * The JSON text rows decrypted to (see openedCache.ts): a row read again unchanged (a conversation's state,
     * written by the step before) is parsed again but not decrypted again. The text, not the parsed value: the
     * reader owns what it is given (the conversations plugin changes its state in place).
     */
    private readonly opened?: OpenedCache<string>,
  ) {
    this.readStmt = db.prepare("SELECT value FROM kv WHERE ns = ? AND key = ?");
    this.writeStmt = db.prepare(
      `INSERT INTO kv (ns, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.deleteStmt = db.prepare("DELETE FROM kv WHERE ns = ? AND key = ?");
    this.staleStmt = db.prepare("DELETE FROM kv WHERE ns = ? AND updated_at < ?");
    this.keysStmt = db.prepare("SELECT key FROM kv WHERE ns = ? AND key > ? ORDER BY key LIMIT ?");
  }

  async read(key: string): Promise<T | undefined> {
    const row = this.readStmt.get(this.ns, key) as { value: Buffer } | undefined;
    if (!row) return undefined;
    const known = this.opened?.get(key, row.value);
    if (known !== undefined) return JSON.parse(known) as T;
    let plain: string;
    try {
      plain = this.sealer.open(row.value, this.aad(key));
    } catch {
      this.db.transaction(() => {
        this.quarantine.put(`kv:${this.ns}`, personOf(key), row.value);
        this.deleteStmt.run(this.ns, key);
      })();
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
    this.writeStmt.run(this.ns, key, sealed, this.clock.now());
    this.opened?.set(key, sealed, plain, plain.length + sealed.length);
  }

  async delete(key: string): Promise<void> {
    this.deleteStmt.run(this.ns, key);
    this.opened?.delete(key);
  }

  async deleteStale(cutoffMs: number): Promise<number> {
    const removed = this.staleStmt.run(this.ns, cutoffMs).changes;
    // The swept rows' texts must not outlive them in memory; which ones they were is not known here, and a sweep
    // is rare (hourly housekeeping), so the cache starts afresh.
    if (removed > 0) this.opened?.clear();
    return removed;
  }

  async listKeys(after: string, limit: number): Promise<string[]> {
    return (this.keysStmt.all(this.ns, after, limit) as Array<{ key: string }>).map((r) => r.key);
  }

  private aad(key: string): string {
    return `kv:${this.ns}:${key}`;
  }
}
