import type { InboxEntry, InboxStore } from "./types.js";

/**
 * The inbox as webhook mode uses it (src/runtime/webhook.ts): several requests, maybe on several instances,
 * record updates as they arrive; whoever holds a chat's lock handles that chat's pending updates in order.
 */
export interface WebhookInboxStore extends InboxStore {
  /**
   * The chat's updates not handled yet, up to `updateId`, oldest first (only that update when `chatId` is
   * undefined); each counts one more attempt.
   */
  pendingOfChat(chatId: number | undefined, updateId: number): Promise<InboxEntry[]>;
  /**
   * The chat's oldest update not handled yet, up to `updateId` (only that update when `chatId` is undefined);
   * it counts one more attempt, at once and for good, so that an update which kills every instance that
   * handles it is dropped after a few, even though each crash rolls its handling back.
   */
  nextOfChat(chatId: number | undefined, updateId: number): Promise<InboxEntry | undefined>;
  /**
   * Handles one update and marks it done; returns what `handle` threw, if anything (the update is marked done
   * all the same: it is not handed to the bot again). On PostgreSQL, inside a chat lock, everything `handle`
   * writes and the done mark commit in one transaction: a crash before the commit leaves no trace of the
   * handling, so the update re-sent is handled from the same state, once. When `handle` throws or one of its
   * queries fails, its writes are rolled back and only the done mark commits. On SQLite (one instance) the
   * writes commit as they go and the done mark after them.
   */
  settle(updateId: number, handle: () => Promise<void>): Promise<unknown>;
  /** The Bot API answers of an update's unfinished handlings (PostgreSQL only; see `ReplayLog`). */
  replayLog?: ReplayLog;
  /** Deletes handled rows received before `receivedBefore` (Telegram re-sends an update for at most a day). */
  sweepHandled(receivedBefore: number): Promise<number>;
}

/** One Bot API call an update's handling made, and Telegram's answer (the response body). */
export interface RecordedCall {
  method: string;
  body: string;
}

/**
 * What makes replies exactly once across a crash. A handling that dies before its commit is rolled back,
 * but the messages it sent are out. Each successful Bot API call of a handling is recorded here at once
 * (outside its transaction, sealed); when the update is handled again from the same state, the same calls
 * come in the same order and get the recorded answers instead of being sent again. The record goes in the
 * commit that marks the update done. Only a crash between Telegram's answer and the record's write (one
 * database round trip) sends a message twice.
 */
export interface ReplayLog {
  /** The calls recorded for `updateId`, in order (none for an update handled the first time). */
  calls(updateId: number): Promise<RecordedCall[]>;
  /** Stores the calls of `updateId` so far, committed at once. */
  record(updateId: number, calls: RecordedCall[]): Promise<void>;
}

/** Runs `fn` while holding the lock of one chat: across instances on PostgreSQL, in this process on SQLite. */
export type ChatLock = <T>(chatKey: number, fn: () => Promise<T>) => Promise<T>;

/** A lock per key in one process (SQLite: one instance), so that a chat's updates are handled one at a time. */
export function processChatLock(): ChatLock {
  const tails = new Map<number, Promise<unknown>>();
  return async (key, fn) => {
    const before = tails.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => {});
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
