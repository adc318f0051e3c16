/**
 * What a stored value decrypted to, remembered with the exact bytes it was decrypted from, so that reading the same
 * row again costs the read and a byte comparison instead of a decryption and a parse (the i18n middleware reads the
 * person's preferences on every update; a /check step reads its conversation state).
 *
 * It is a memo of `open(bytes)`, not a copy of the table: every read still fetches the row, and the remembered value
 * is used only when the row holds the very bytes it came from. Every seal draws a fresh random IV, so any write by
 * anyone (this process, another process on the same SQLite file, another instance on PostgreSQL) changes the bytes
 * even when the plain text is the same; a deleted row is a miss. So a stale value is never served, on either engine,
 * without trusting that this process is the only writer (PostgreSQL deployments run several instances).
 * Skipping the read too was tried on SQLite (trusting the cache while `PRAGMA data_version` showed no other
 * connection's commit): about 3% less CPU a mixed update, but a row damaged in the file (a flipped bit) was then not
 * noticed while its value was held, so the person was not told and the row not set aside; the read stays.
 *
 * What it holds is personal data in memory: the stores drop an entry when its row is deleted or erased (/forget, the
 * 12-month sweep: `OpenedCaches.forget`), and clear themselves when stale rows are swept. On PostgreSQL another
 * instance may erase a person, which this one does not hear of: there entries also expire (`maxAgeMs` after their
 * last use, swept by a timer), so no erased person's data stays in any instance's memory for longer than that.
 * Bounded by entries and by the size of the values (least recently used go first), so memory stays flat however
 * many people use the bot.
 * Written by hand: the LRU packages on npm would bring the bound but not the validation, which is the point here.
 */
export interface OpenedCacheLimits {
  maxEntries: number;
  /** The sum of the sizes given to `set` (about a value's bytes) that is kept at most. */
  maxSize?: number;
  /** How long after its last use an entry is dropped (unlimited when unset). */
  maxAgeMs?: number;
  now?: () => number;
}

export class OpenedCache<V> {
  /** In order of last use, least recent first (a Map keeps insertion order): the first key is the one evicted. */
  private readonly entries = new Map<string, { sealed: Buffer; value: V; size: number; usedAt: number }>();
  private size = 0;
  private readonly maxEntries: number;
  private readonly maxSize: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(limits: OpenedCacheLimits) {
    this.maxEntries = limits.maxEntries;
    this.maxSize = limits.maxSize ?? Infinity;
    this.maxAgeMs = limits.maxAgeMs ?? Infinity;
    this.now = limits.now ?? Date.now;
  }

  /** The value `sealed` was opened to, if these are the bytes it came from; anything else is a miss. */
  get(key: string, sealed: Buffer): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.maxAgeMs === Infinity ? 0 : this.now();
    // Rewritten since (the old value is of no more use), or kept too long.
    if (!entry.sealed.equals(sealed) || now - entry.usedAt > this.maxAgeMs) {
      this.delete(key);
      return undefined;
    }
    entry.usedAt = now;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Remembers that `sealed` (as stored under `key` now) opens to `value`. */
  set(key: string, sealed: Buffer, value: V, size = 0): void {
    this.delete(key);
    if (size > this.maxSize) return;
    this.entries.set(key, { sealed, value, size, usedAt: this.maxAgeMs === Infinity ? 0 : this.now() });
    this.size += size;
    while (this.entries.size > this.maxEntries || this.size > this.maxSize) this.delete(this.entries.keys().next().value as string);
  }

  /** Drops the entries not used for `maxAgeMs`. */
  sweep(): void {
    if (this.maxAgeMs === Infinity) return;
    const cutoff = this.now() - this.maxAgeMs;
    for (const [key, entry] of this.entries) {
      if (entry.usedAt >= cutoff) break; // the rest were used later
      this.delete(key);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.size -= entry.size;
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.size = 0;
  }

  /** How many values are held (tests, and the memory bound). */
  get count(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }
}

/** Every cache of one set of stores, so that erasing a person drops their values from all of them. */
export class OpenedCaches {
  private readonly all: Array<OpenedCache<unknown>> = [];
  private timer?: ReturnType<typeof setInterval>;

  /** `maxAgeMs` (and `now`) apply to every cache created here. */
  constructor(private readonly ages: Pick<OpenedCacheLimits, "maxAgeMs" | "now"> = {}) {}

  create<V>(maxEntries: number, maxSize?: number): OpenedCache<V> {
    const cache = new OpenedCache<V>({ maxEntries, maxSize, ...this.ages });
    this.all.push(cache as OpenedCache<unknown>);
    return cache;
  }

  /** Drops what is held about the person: their preferences and every value keyed by their id (see erasureTargets). */
  forget(userId: number): void {
    for (const cache of this.all) cache.delete(String(userId));
  }

  /** How many values keyed by the person's id are held, over all caches (what erasure must leave at 0). */
  heldFor(userId: number): number {
    return this.all.filter((cache) => cache.has(String(userId))).length;
  }

  /** Sweeps expired entries every `everyMs` until `stop` (the timer does not keep the process alive). */
  startSweeping(everyMs: number): void {
    this.timer ??= setInterval(() => this.sweep(), everyMs);
    this.timer.unref();
  }

  sweep(): void {
    for (const cache of this.all) cache.sweep();
  }

  clear(): void {
    for (const cache of this.all) cache.clear();
  }

  /** Stops the sweeps and drops everything held. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}
