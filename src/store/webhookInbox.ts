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
  /** Deletes handled rows received before `receivedBefore` (Telegram re-sends an update for at most a day). */
  sweepHandled(receivedBefore: number): Promise<number>;
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
