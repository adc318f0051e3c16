import type { FetchLike } from "./retryingFetch.js";

/**
 * Telegram answers an edit that changes nothing (a button pressed twice, the same text again)
 * with 400 "message is not modified". The message already shows what we wanted, so this is
 * success, not a fault to report to the person: it is answered as `true`, the Bot API's result
 * for edits that return no message.
 */
export function ignoreNotModified(base: FetchLike): FetchLike {
  return async (url, init) => {
    const response = await base(url, init);
    if (response.status !== 400) return response;
    const text = await response.text();
    if (/message is not modified/i.test(text)) return json(200, { ok: true, result: true });
    return new Response(text, { status: 400, headers: { "content-type": "application/json" } });
  };
}

function json(status: number, value: unknown) {
  return new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });
}
