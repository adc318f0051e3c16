import type { Sealer } from "./crypto.js";
import type { SqliteDb } from "./sqlite.js";
import type { Clock, KeyValueStore } from "./types.js";
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
    try {
      return JSON.parse(this.sealer.open(row.value, this.aad(key))) as T;
    } catch {
      this.db.transaction(() => {
        this.quarantine.put(`kv:${this.ns}`, personOf(key), row.value);
        this.deleteStmt.run(this.ns, key);
      })();
      return undefined;
    }
  }

  async write(key: string, value: T): Promise<void> {
    this.writeStmt.run(this.ns, key, this.sealer.seal(JSON.stringify(value), this.aad(key)), this.clock.now());
  }

  async delete(key: string): Promise<void> {
    this.deleteStmt.run(this.ns, key);
  }

  async deleteStale(cutoffMs: number): Promise<number> {
    return this.staleStmt.run(this.ns, cutoffMs).changes;
  }

  async listKeys(after: string, limit: number): Promise<string[]> {
    return (this.keysStmt.all(this.ns, after, limit) as Array<{ key: string }>).map((r) => r.key);
  }

  private aad(key: string): string {
    return `kv:${this.ns}:${key}`;
  }
}
