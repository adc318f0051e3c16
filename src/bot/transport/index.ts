import { createRequire } from "node:module";
import type { ApiClientOptions } from "grammy";
import { keepAliveAgent } from "./keepAliveAgent.js";
import { ignoreNotModified } from "./notModified.js";
import { retryingFetch, type FetchLike, type RetryPolicy } from "./retryingFetch.js";

export { DEFAULT_RETRY_POLICY, type RetryEvent, type RetryPolicy } from "./retryingFetch.js";

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
 * idle connections before the server does (keepAliveAgent.ts), unless the options bring their own.
 */
export function resilientClient(client: ApiClientOptions = {}, retry: Partial<RetryPolicy> = {}): ApiClientOptions {
  const base = (client.fetch as unknown as FetchLike | undefined) ?? grammyFetch();
  const agent = client.baseFetchConfig?.agent ?? keepAliveAgent(client.apiRoot ?? "https://api.telegram.org");
  return {
    ...client,
    ...(agent ? { baseFetchConfig: { ...client.baseFetchConfig, agent } } : {}),
    fetch: ignoreNotModified(retryingFetch(base, retry)) as unknown as ApiClientOptions["fetch"],
  };
}
