import { createRequire } from "node:module";
import type { ApiClientOptions } from "grammy";
import { keepAliveAgent } from "./keepAliveAgent.js";
import { ignoreNotModified } from "./notModified.js";
import { retryingFetch, type FetchLike, type RetryPolicy } from "./retryingFetch.js";

export { DEFAULT_RETRY_POLICY, GET_UPDATES_MARGIN_MS, type RetryEvent, type RetryPolicy } from "./retryingFetch.js";

/**
 * grammY's `timeoutSeconds` for the bot's client (500 s by default): the outer bound of a whole call, the reading
 * of its answer included, for every call (JSON ones in directCall.ts, uploads and getUpdates in grammY's). The retry
 * policy's bounds (retryingFetch.ts: 20 s an attempt, 45 s a call; getUpdates its `timeout` plus 10 s) come first;
 * this one must stay above them, as it is one value for long polling too.
 */
export const CLIENT_TIMEOUT_SECONDS = 60;

/**
 * grammY's `timeoutSeconds` for a client without the retry policy (the reminder dispatcher's, runtime/polling.ts and
 * webhook.ts): a send that never answers then fails as a network error (retried later by the dispatcher) instead of
 * holding the dispatcher, and a stop that waits for its tick, for 500 s.
 */
export const PLAIN_CLIENT_TIMEOUT_SECONDS = 30;

/**
 * grammY's own HTTP client on Node (node-fetch, with the keep-alive agent grammY configures),
 * loaded from grammY's location so that wrapping it changes nothing else about the transport.
 */
function grammyFetch(): FetchLike {
  const fromGrammy = createRequire(createRequire(import.meta.url).resolve("grammy"));
  return fromGrammy("node-fetch") as FetchLike;
}

/**
 * The Bot API client options every Api of the bot shares, `bot.api` and each update's own (see
 * middleware/stepWatchdog.ts) alike: the given transport (or grammY's default) wrapped
 * with the retry policy and the "message is not modified" rule, over a keep-alive agent that drops
 * idle connections before the server does (keepAliveAgent.ts), unless the options bring their own; every call bounded
 * in time (CLIENT_TIMEOUT_SECONDS, and the retry policy's `attemptTimeoutMs` and `callTimeoutMs`).
 */
export function resilientClient(client: ApiClientOptions = {}, retry: Partial<RetryPolicy> = {}): ApiClientOptions {
  const base = (client.fetch as unknown as FetchLike | undefined) ?? grammyFetch();
  const agent = client.baseFetchConfig?.agent ?? keepAliveAgent(client.apiRoot ?? "https://api.telegram.org");
  return {
    ...client,
    timeoutSeconds: client.timeoutSeconds ?? CLIENT_TIMEOUT_SECONDS,
    ...(agent ? { baseFetchConfig: { ...client.baseFetchConfig, agent } } : {}),
    fetch: ignoreNotModified(retryingFetch(base, retry)) as unknown as ApiClientOptions["fetch"],
  };
}
