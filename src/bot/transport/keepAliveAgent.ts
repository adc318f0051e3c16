import { Agent as HttpAgent, type ClientRequest } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";

/** How long an idle keep-alive connection to the Bot API is kept for the next call, at most. */
export const FREE_SOCKET_MS = 2_000;

/**
 * The keep-alive agent of the Bot API client: grammY's (`new Agent({ keepAlive: true })`), but an idle
 * connection is dropped after `idleMs`, or half the idle time the server announces in `Keep-Alive: timeout=N`
 * if that is shorter, instead of never.
 *
 * Why: a server closes a connection that was idle for its own timeout (node:http after 5 s). grammY's agent
 * sets no timeout of its own, and Node's agent then ignores the server's hint (it only ever shortens a
 * timeout it already has), so the idle socket stays in the pool until the server's close is read. When the
 * event loop is busy right across that moment (a loaded machine), the next request takes the socket the
 * server has just closed, never reaches the server and fails with ECONNRESET ("socket hang up"). For a
 * message the transport must not resend it then (the reset may as well have come after Telegram took the
 * request: see retryingFetch.ts), so the message is lost. With the socket dropped after 2 s, the loop would
 * have to stall in one stretch from 2 s to the server's timeout (3 s and more against node:http's 5 s,
 * against 1-2 s before) for this to happen. What it costs: a call after more than 2 s without one opens a
 * new connection (one more round trip, TLS included); a busy bot keeps its connections warm.
 *
 * What it does not do: tell a reset on a reused socket apart as "not sent". Node marks such a request
 * (`req.reusedSocket`, which node-fetch does not pass on), but a reset on a reused socket can also come after
 * the server read the request, so it proves nothing for a message; its docs suggest retrying only
 * idempotent requests on it, which retryingFetch already does for every call but messages.
 */
export function keepAliveAgent(apiRoot: string, idleMs = FREE_SOCKET_MS): HttpAgent | undefined {
  const secure = apiRoot.startsWith("https:");
  if (!secure && !apiRoot.startsWith("http:")) return undefined;
  const key = `${apiRoot} ${idleMs}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = secure ? new ShortIdleHttpsAgent(idleMs) : new ShortIdleHttpAgent(idleMs);
    agents.set(key, agent);
  }
  return agent;
}

/** One agent per API root, as grammY keeps one: every Api of the bot shares its connections. */
const agents = new Map<string, HttpAgent>();

/** The idle time for a socket going back to the pool: ours, or half the server's announced one if shorter. */
function idleTimeFor(socket: Socket, idleMs: number): number {
  const hint = (socket as Socket & { _httpMessage?: { res?: { headers: Record<string, unknown> } } })._httpMessage?.res?.headers["keep-alive"];
  const seconds = typeof hint === "string" ? /^timeout=(\d+)/.exec(hint)?.[1] : undefined;
  return seconds === undefined ? idleMs : Math.min(idleMs, (Number(seconds) * 1000) / 2);
}

// Node's typings say `void`; the method returns whether the socket may be pooled (its docs say so, and its code).
type KeepAlive = (socket: Duplex) => boolean;

/** grammY's keep-alive agent, http or https, with the idle limit on pooled sockets. */
function withShortIdle(Base: typeof HttpAgent) {
  return class extends Base {
    constructor(private readonly idleMs: number) {
      super({ keepAlive: true });
    }
    override keepSocketAlive(socket: Duplex): boolean {
      const keep = (super.keepSocketAlive as unknown as KeepAlive).call(this, socket);
      if (keep) (socket as Socket).setTimeout(idleTimeFor(socket as Socket, this.idleMs));
      return keep;
    }
    override reuseSocket(socket: Duplex, request: ClientRequest): void {
      super.reuseSocket(socket, request);
      (socket as Socket).setTimeout(0); // the idle timer is for the pool only, never for a request under way
    }
  };
}

const ShortIdleHttpAgent = withShortIdle(HttpAgent);
// An https.Agent is an http.Agent with TLS sockets: the same two methods decide what is pooled.
const ShortIdleHttpsAgent = withShortIdle(HttpsAgent as unknown as typeof HttpAgent);
