import type { SqliteDb } from "./sqlite.js";
import type { Clock } from "./types.js";

/** What is reported when a stored value fails to decrypt: where it was, never what it held. */
export interface UnreadableEvent {
  /** The store it was read from: "users", "kv:session", "kv:conversation", "kv:milestones", "reminders". */
  source: string;
  /** Row id in the `unreadable` table, for an operator who looks into it. */
  quarantineId: number;
}

export type UnreadableListener = (event: UnreadableEvent) => void;

/** A kv key or user id as the person's Telegram id, when it is one (private chats: chat id = user id). */
export function personOf(key: string | number): number | undefined {
  const n = typeof key === "number" ? key : /^-?\d{1,16}$/.test(key) ? Number(key) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Moves values that fail to decrypt (a flipped bit, a torn write) out of their table into
 * `unreadable`, so the person is treated as having no such data and every command keeps working.
 * The ciphertext is kept (for an operator, swept after a while and erased by /forget) and the
 * person is told once, by whoever calls `takeUntold`.
 */
export class Quarantine {
  private readonly insertStmt;

  constructor(
    db: SqliteDb,
    private readonly clock: Clock,
    private readonly listener?: UnreadableListener,
  ) {
    this.insertStmt = db.prepare("INSERT INTO unreadable (user_id, source, value, found_at) VALUES (?, ?, ?, ?)");
  }

  /** Records an unreadable value; the caller deletes it from its own table in the same transaction. */
  put(source: string, userId: number | undefined, value: Buffer): void {
    const quarantineId = Number(this.insertStmt.run(userId ?? null, source, value, this.clock.now()).lastInsertRowid);
    this.listener?.({ source, quarantineId });
  }
}
