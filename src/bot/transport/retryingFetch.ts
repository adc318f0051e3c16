/**
 * The bounded retry policy of every Bot API call the bot makes, installed as grammY's `client.fetch`.
 *
 * Why at the fetch level and not as an API transformer (such as @grammyjs/auto-retry on `bot.api`):
 * every Api the bot builds (each update gets its own: middleware/stepWatchdog.ts) shares the client
 * options, so the client's `fetch` reaches every call, where a transformer on `bot.api` would not (nor
 * did it reach the calls of the conversations plugin the flows ran on until 2026-12-04). auto-retry is not
 * used because it retries network errors without a cap, cannot be given a clock or a logger, and resends
 * messages whose response was lost.
 *
 * The policy:
 * - 429 with `retry_after` up to a cap: wait that long and try again;
 * - 5xx and network errors: exponential backoff (base, doubling, capped), at most `maxAttempts`;
 * - a network error that proves the request never left (refused, no route, DNS) is retried for
 *   every method; one that may have struck after Telegram received the request (reset, timeout)
 *   is retried only for methods that are safe to repeat. A message (`send*`, copy, forward) is not
 *   sent again then, because the Bot API has no idempotency key: resending a message whose answer
 *   was lost delivers it twice. The caller gets the error instead (a /check question is then asked
 *   again on the person's next message, flows/eligibility.ts; elsewhere in a flow the step guard keeps
 *   the conversation where it was and asks the person to send their last message again). Resets of a
 *   keep-alive connection the server had just closed are made unlikely below this (keepAliveAgent.ts);
 * - time: an attempt that gets no answer within `attemptTimeoutMs` is aborted and fails as a network timeout
 *   (`ETIMEDOUT`: it may have reached Telegram, so it is retried as a reset is), and the whole call, retries and
 *   waits included, ends by `callTimeoutMs` (a wait that would end later is not started: the caller gets the last
 *   failure). Without a bound a call that never answers held its update, and under the per-chat lock every later
 *   message of that chat (/cancel too), for grammY's 500 s; the step watchdog does not give an update up while a
 *   call is in flight (middleware/stepWatchdog.ts), so this bound is what frees the chat. `getUpdates` is bounded
 *   by its own long-polling `timeout` plus GET_UPDATES_MARGIN_MS instead.
 */

export interface RetryEvent {
  method: string;
  /** The attempt that failed (1 for the first). */
  attempt: number;
  delayMs: number;
  /** `429`, `500`, … or the network error code (`ECONNRESET`, …). */
  reason: string;
}

export interface RetryPolicy {
  /** Tries per call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 asking to wait longer than this is handed to the caller instead of waited for. */
  maxRetryAfterMs: number;
  /** How long one attempt may wait for Telegram's answer before it is aborted and fails as a network timeout. */
  attemptTimeoutMs: number;
  /** How long a whole call may take, retries and their waits included. */
  callTimeoutMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (event: RetryEvent) => void;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  // Telegram answers a call in well under a second; 20 s leaves room for a slow link and an upload, and a safe
  // call a second attempt within the call's 45 s.
  attemptTimeoutMs: 20_000,
  callTimeoutMs: 45_000,
  sleep: abortableSleep,
};

/** What a `getUpdates` attempt may take beyond the `timeout` (seconds) it asks Telegram to hold the request. */
export const GET_UPDATES_MARGIN_MS = 10_000;

/** Network error codes raised before a request reached the server: repeating it cannot duplicate anything. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN", "UND_ERR_CONNECT_TIMEOUT"]);

/** Methods that create a message: repeating one after a lost response would show it twice. */
export function createsMessage(method: string): boolean {
  return /^(send(?!ChatAction)|copyMessage|forwardMessage)/.test(method);
}

/** Not retried here: the update source has its own loop for long polling. */
const PASS_THROUGH = new Set(["getUpdates"]);

interface FetchInit {
  body?: unknown;
  signal?: AbortSignal | null;
  [key: string]: unknown;
}
interface ResponseLike {
  status: number;
  text(): Promise<string>;
  json(): Promise<unknown>;
}
export type FetchLike = (url: string, init?: FetchInit) => Promise<ResponseLike>;

/** Wraps `base` with the retry policy; see the module comment for what is retried and why. */
export function retryingFetch(base: FetchLike, options: Partial<RetryPolicy> = {}): FetchLike {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options };
  return async (url, init = {}) => {
    const method = String(url).slice(String(url).lastIndexOf("/") + 1);
    if (PASS_THROUGH.has(method)) return bounded(base, url, init, pollTimeoutMs(init.body) + GET_UPDATES_MARGIN_MS, method);
    const deadline = Date.now() + policy.callTimeoutMs;
    // A multipart body is a one-shot stream: read it once so that a retry can send it again.
    const body = await replayableBody(init.body);
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= policy.maxAttempts;
      let delayMs: number;
      let reason: string;
      try {
        const left = Math.max(0, deadline - Date.now());
        const response = await bounded(base, url, { ...init, body }, Math.min(policy.attemptTimeoutMs, left), method);
        if (response.status !== 429 && response.status < 500) return response;
        const text = await response.text();
        const replay = rebuilt(response.status, text);
        reason = String(response.status);
        if (response.status === 429) {
          const retryAfter = parseRetryAfter(text);
          if (retryAfter === undefined || retryAfter * 1000 > policy.maxRetryAfterMs) return replay;
          delayMs = retryAfter * 1000;
        } else {
          delayMs = backoff(policy, attempt);
        }
        if (last || outlasts(deadline, delayMs)) return replay;
      } catch (err) {
        if (init.signal?.aborted) throw err;
        reason = networkCode(err);
        const repeatable = NEVER_SENT.has(reason) || !createsMessage(method);
        if (last || !repeatable) throw err;
        delayMs = backoff(policy, attempt);
        if (outlasts(deadline, delayMs)) throw err;
      }
      policy.onRetry?.({ method, attempt, delayMs, reason });
      await policy.sleep(delayMs, init.signal ?? undefined);
    }
  };
}

/** A wait that would leave no time for another attempt before the call's deadline (under 1 s of it) is not started. */
function outlasts(deadline: number, delayMs: number): boolean {
  return Date.now() + delayMs + 1000 > deadline;
}

/**
 * One attempt that fails as a network timeout (`ETIMEDOUT`) if `base` has not answered within `ms`; its request is
 * aborted then (the caller's own signal still aborts it too). Settles at the bound even if `base` ignores the abort.
 */
function bounded(base: FetchLike, url: string, init: FetchInit, ms: number, method: string): Promise<ResponseLike> {
  const outer = init.signal ?? undefined;
  const controller = new AbortController();
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  return new Promise<ResponseLike>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(Object.assign(new Error(`Bot API call '${method}' got no answer within ${ms} ms`), { code: "ETIMEDOUT" }));
      controller.abort();
    }, ms);
    const done = () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    };
    let sent: Promise<ResponseLike>;
    try {
      sent = base(url, { ...init, signal: controller.signal });
    } catch (err) {
      done();
      return reject(err);
    }
    sent.then(
      (response) => {
        done();
        resolve(response);
      },
      (err: unknown) => {
        done();
        reject(err);
      },
    );
  });
}

/** The long-polling `timeout` (seconds) a getUpdates JSON body asks for, in ms; grammY's default (0) otherwise. */
function pollTimeoutMs(body: unknown): number {
  if (typeof body !== "string") return 0;
  try {
    const timeout = (JSON.parse(body) as { timeout?: unknown }).timeout;
    return typeof timeout === "number" && timeout > 0 ? timeout * 1000 : 0;
  } catch {
    return 0;
  }
}

function backoff(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/** The error code of a failed fetch: node-fetch puts it on the error, undici on its cause. */
export function networkCode(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" ? code : "network";
}

function parseRetryAfter(text: string): number | undefined {
  try {
    const value = (JSON.parse(text) as { parameters?: { retry_after?: unknown } }).parameters?.retry_after;
    return typeof value === "number" && value >= 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

function rebuilt(status: number, text: string): ResponseLike {
  return new Response(text, { status, headers: { "content-type": "application/json" } });
}

async function replayableBody(body: unknown): Promise<unknown> {
  if (body === undefined || body === null || typeof body === "string" || body instanceof Uint8Array) return body;
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function") return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("Request aborted while waiting to retry"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("Request aborted while waiting to retry"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
