import type { Sealer } from "./crypto.js";
import type { SqliteDb } from "./sqlite.js";
import type { Clock, InboxEntry } from "./types.js";
import type { WebhookInboxStore } from "./webhookInbox.js";

/**
 * The polling inbox in the `inbox` table (one migration step in sqlite.ts): the update JSON
 * encrypted with its update_id as associated data, `user_id` and `chat_id` in clear for erasure.
 * A handled row keeps only its id (for de-duplication, with no user, chat or content) until Telegram has confirmed it.
 */
export class SqliteInbox implements WebhookInboxStore {
  private readonly insertStmt;
  private readonly pendingStmt;
  private readonly attemptStmt;
  private readonly doneStmt;
  private readonly deleteOneStmt;
  private readonly confirmedStmt;
  private readonly userStmt;
  /** Every id below this was confirmed to Telegram: a done row below it can go at once. */
  private confirmedBelow = 0;

  constructor(
    private readonly db: SqliteDb,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
  ) {
    this.insertStmt = db.prepare(
      "INSERT OR IGNORE INTO inbox (update_id, user_id, chat_id, payload, received_at) VALUES (?, ?, ?, ?, ?)",
    );
    this.pendingStmt = db.prepare("SELECT update_id, payload, attempts FROM inbox WHERE done = 0 ORDER BY update_id");
    this.attemptStmt = db.prepare("UPDATE inbox SET attempts = attempts + 1 WHERE done = 0");
    // A handled row keeps nothing about the person: not the update, not whose it was.
    this.doneStmt = db.prepare("UPDATE inbox SET done = 1, payload = NULL, user_id = NULL, chat_id = NULL WHERE update_id = ?");
    this.deleteOneStmt = db.prepare("DELETE FROM inbox WHERE update_id = ?");
    this.confirmedStmt = db.prepare("DELETE FROM inbox WHERE done = 1 AND update_id < ?");
    this.userStmt = db.prepare("DELETE FROM inbox WHERE user_id = ?");
  }

  async add(entries: Array<{ updateId: number; userId?: number; chatId?: number; update: unknown }>): Promise<number[]> {
    const now = this.clock.now();
    return this.db.transaction(() =>
      entries
        .filter(
          (e) =>
            this.insertStmt.run(e.updateId, e.userId ?? null, e.chatId ?? null, this.sealer.seal(JSON.stringify(e.update), aad(e.updateId)), now)
              .changes === 1,
        )
        .map((e) => e.updateId),
    )();
  }

  async takePending(): Promise<InboxEntry[]> {
    return this.db.transaction(() => {
      this.attemptStmt.run();
      const rows = this.pendingStmt.all() as Array<{ update_id: number; payload: Buffer; attempts: number }>;
      return rows.map((r) => ({ updateId: r.update_id, update: this.open(r), attempts: r.attempts }));
    })();
  }

  async markDone(updateId: number): Promise<void> {
    if (updateId < this.confirmedBelow) this.deleteOneStmt.run(updateId);
    else this.doneStmt.run(updateId);
  }

  async confirmed(offset: number): Promise<number> {
    this.confirmedBelow = Math.max(this.confirmedBelow, offset);
    return this.confirmedStmt.run(offset).changes;
  }

  async pendingOfChat(chatId: number | undefined, updateId: number): Promise<InboxEntry[]> {
    const where = chatId === undefined ? "update_id = ? AND done = 0" : "chat_id = ? AND done = 0 AND update_id <= ?";
    const args = chatId === undefined ? [updateId] : [chatId, updateId];
    return this.db.transaction(() => {
      this.db.prepare(`UPDATE inbox SET attempts = attempts + 1 WHERE ${where}`).run(...args);
      const rows = this.db.prepare(`SELECT update_id, payload, attempts FROM inbox WHERE ${where} ORDER BY update_id`).all(...args) as Array<{
        update_id: number;
        payload: Buffer;
        attempts: number;
      }>;
      return rows.map((r) => ({ updateId: r.update_id, update: this.open(r), attempts: r.attempts }));
    })();
  }

  async nextOfChat(chatId: number | undefined, updateId: number): Promise<InboxEntry | undefined> {
    const where = chatId === undefined ? "update_id = ? AND done = 0" : "chat_id = ? AND done = 0 AND update_id <= ?";
    const args = chatId === undefined ? [updateId] : [chatId, updateId];
    return this.db.transaction(() => {
      const row = this.db.prepare(`SELECT update_id, payload, attempts FROM inbox WHERE ${where} ORDER BY update_id LIMIT 1`).get(...args) as
        | { update_id: number; payload: Buffer; attempts: number }
        | undefined;
      if (!row) return undefined;
      this.db.prepare("UPDATE inbox SET attempts = attempts + 1 WHERE update_id = ?").run(row.update_id);
      return { updateId: row.update_id, update: this.open(row), attempts: row.attempts + 1 };
    })();
  }

  /** One process, statements that commit as they go: the done mark follows the handling's writes. */
  async settle(updateId: number, handle: () => Promise<void>): Promise<unknown> {
    let error: unknown;
    try {
      await handle();
    } catch (err) {
      error = err;
    }
    await this.markDone(updateId);
    return error;
  }

  async sweepHandled(receivedBefore: number): Promise<number> {
    return this.db.prepare("DELETE FROM inbox WHERE done = 1 AND received_at < ?").run(receivedBefore).changes;
  }

  async deleteUser(userId: number): Promise<number> {
    return this.userStmt.run(userId).changes;
  }

  /** An unreadable payload (damaged row) is handed on as undefined: the caller drops it. */
  private open(row: { update_id: number; payload: Buffer }): unknown {
    try {
      return JSON.parse(this.sealer.open(row.payload, aad(row.update_id)));
    } catch {
      return undefined;
    }
  }
}

const aad = (updateId: number) => `inbox:${updateId}`;
