import type { Sealer } from "./crypto.js";
import type { PgDb } from "./pg.js";
import type { Clock, InboxEntry } from "./types.js";
import type { RecordedCall, ReplayLog, WebhookInboxStore } from "./webhookInbox.js";

type Row = { update_id: number; payload: Buffer | null; attempts: number };

/**
 * The inbox of updates on PostgreSQL, as SqliteInbox: the update sealed with `inbox:<update_id>`, user and
 * chat in clear for erasure until it is handled, then only its id (a re-sent update is recognised by it).
 * Used by long polling, and by webhook mode, where instances share it: the row of an update_id is what makes
 * an update Telegram re-sends (or sends to another instance) handled once. The replay log of an update being
 * handled lives in `kv`, namespace `replay`, key `update:<update_id>` (never a person's id: exports and
 * erasure by person do not see it), sealed; it goes with the commit that marks the update done.
 */
export class PgInbox implements WebhookInboxStore {
  private confirmedBelow = 0;

  constructor(
    private readonly db: PgDb,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
  ) {}

  async add(entries: Array<{ updateId: number; userId?: number; chatId?: number; update: unknown }>): Promise<number[]> {
    if (entries.length === 0) return [];
    const now = this.clock.now();
    const { rows } = await this.db.query<{ update_id: number }>(
      `INSERT INTO inbox (update_id, user_id, chat_id, payload, received_at)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bytea[], $5::bigint[])
       ON CONFLICT (update_id) DO NOTHING RETURNING update_id`,
      [
        entries.map((e) => e.updateId),
        entries.map((e) => e.userId ?? null),
        entries.map((e) => e.chatId ?? null),
        entries.map((e) => this.sealer.seal(JSON.stringify(e.update), aad(e.updateId))),
        entries.map(() => now),
      ],
    );
    const fresh = new Set(rows.map((r) => r.update_id));
    return entries.map((e) => e.updateId).filter((id) => fresh.has(id));
  }

  async takePending(): Promise<InboxEntry[]> {
    const { rows } = await this.db.query<Row>("UPDATE inbox SET attempts = attempts + 1 WHERE done = 0 RETURNING update_id, payload, attempts");
    return rows.sort((a, b) => a.update_id - b.update_id).map((r) => this.entry(r));
  }

  async pendingOfChat(chatId: number | undefined, updateId: number): Promise<InboxEntry[]> {
    const { rows } =
      chatId === undefined
        ? await this.db.query<Row>("UPDATE inbox SET attempts = attempts + 1 WHERE update_id = $1 AND done = 0 RETURNING update_id, payload, attempts", [updateId])
        : await this.db.query<Row>(
            "UPDATE inbox SET attempts = attempts + 1 WHERE chat_id = $1 AND done = 0 AND update_id <= $2 RETURNING update_id, payload, attempts",
            [chatId, updateId],
          );
    return rows.sort((a, b) => a.update_id - b.update_id).map((r) => this.entry(r));
  }

  async nextOfChat(chatId: number | undefined, updateId: number): Promise<InboxEntry | undefined> {
    const { rows } =
      chatId === undefined
        ? await this.db.query<Row>("SELECT update_id, payload, attempts FROM inbox WHERE update_id = $1 AND done = 0", [updateId])
        : await this.db.query<Row>(
            "SELECT update_id, payload, attempts FROM inbox WHERE chat_id = $1 AND done = 0 AND update_id <= $2 ORDER BY update_id LIMIT 1",
            [chatId, updateId],
          );
    const row = rows[0];
    if (!row) return undefined;
    // Counted outside the chat's unit of work: a crash rolls the handling back, not the count.
    const counted = await this.db.outside(() => this.db.query<{ attempts: number }>("UPDATE inbox SET attempts = attempts + 1 WHERE update_id = $1 RETURNING attempts", [row.update_id]));
    return this.entry({ ...row, attempts: counted.rows[0]?.attempts ?? row.attempts + 1 });
  }

  async settle(updateId: number, handle: () => Promise<void>): Promise<unknown> {
    const run = async () => {
      let error: unknown;
      try {
        await this.db.unit(handle); // a savepoint: undone on its own when it fails
      } catch (err) {
        error = err;
      }
      await this.markDone(updateId);
      return error;
    };
    return this.db.inUnit() ? run() : this.db.unit(run);
  }

  readonly replayLog: ReplayLog = {
    calls: async (updateId) => {
      const { rows } = await this.db.query<{ value: Buffer }>("SELECT value FROM kv WHERE ns = 'replay' AND key = $1", [replayKey(updateId)]);
      if (!rows[0]) return [];
      try {
        return JSON.parse(this.sealer.open(rows[0].value, replayAad(updateId))) as RecordedCall[];
      } catch {
        return []; // unreadable: the calls are made again
      }
    },
    record: async (updateId, calls) => {
      await this.db.outside(() =>
        this.db.query(
          `INSERT INTO kv (ns, key, value, updated_at) VALUES ('replay', $1, $2, $3)
           ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
          [replayKey(updateId), this.sealer.seal(JSON.stringify(calls), replayAad(updateId)), this.clock.now()],
        ),
      );
    },
  };

  async markDone(updateId: number): Promise<void> {
    // The replay log goes in the same statement (and so in the same commit as the handling).
    const dropLog = "WITH log AS (DELETE FROM kv WHERE ns = 'replay' AND key = $2)";
    if (updateId < this.confirmedBelow) await this.db.query(`${dropLog} DELETE FROM inbox WHERE update_id = $1`, [updateId, replayKey(updateId)]);
    else await this.db.query(`${dropLog} UPDATE inbox SET done = 1, payload = NULL, user_id = NULL, chat_id = NULL WHERE update_id = $1`, [updateId, replayKey(updateId)]);
  }

  async confirmed(offset: number): Promise<number> {
    this.confirmedBelow = Math.max(this.confirmedBelow, offset);
    return (await this.db.query("DELETE FROM inbox WHERE done = 1 AND update_id < $1", [offset])).rowCount ?? 0;
  }

  async sweepHandled(receivedBefore: number): Promise<number> {
    await this.db.query("DELETE FROM kv WHERE ns = 'replay' AND updated_at < $1", [receivedBefore]);
    return (await this.db.query("DELETE FROM inbox WHERE done = 1 AND received_at < $1", [receivedBefore])).rowCount ?? 0;
  }

  async deleteUser(userId: number): Promise<number> {
    return (await this.db.query("DELETE FROM inbox WHERE user_id = $1", [userId])).rowCount ?? 0;
  }

  /** An unreadable payload (damaged row) is handed on as undefined: the caller drops it. */
  private entry(r: Row): InboxEntry {
    let update: unknown;
    try {
      update = r.payload ? JSON.parse(this.sealer.open(r.payload, aad(r.update_id))) : undefined;
    } catch {
      update = undefined;
    }
    return { updateId: r.update_id, update, attempts: r.attempts };
  }
}

const aad = (updateId: number) => `inbox:${updateId}`;
const replayKey = (updateId: number) => `update:${updateId}`;
const replayAad = (updateId: number) => `kv:replay:${replayKey(updateId)}`;
