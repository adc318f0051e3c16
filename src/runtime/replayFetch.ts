import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import type { Logger } from "../logger.js";
import type { RecordedCall, ReplayLog } from "../store/webhookInbox.js";

type Fetch = (url: string, init?: unknown) => Promise<{ status: number; text(): Promise<string> }>;

/** One update's handling: the calls an earlier, interrupted handling made, and how far this one has come. */
interface Scope {
  updateId: number;
  calls: RecordedCall[];
  /** The index of the next successful call of this handling. */
  next: number;
}

/**
 * The Bot API transport of webhook mode on PostgreSQL, installed as the bot's `client.fetch` (below the
 * retries and the step watchdog, so that it sees each attempt). Inside `run`, every call Telegram answers
 * with 200 is recorded in the replay log at once; when an update whose handling was cut short (a SIGKILL
 * before the commit, which rolls back its state) is handled again, its first calls are the same as before
 * and are answered from the log instead of reaching Telegram: the person does not get the reply twice.
 * A call that differs from the recorded one (another method) ends the replay; the rest goes to Telegram.
 */
export class ReplayingFetch {
  private readonly scopes = new AsyncLocalStorage<Scope>();

  constructor(
    private readonly log: ReplayLog,
    private readonly logger: Logger,
    private readonly base: Fetch = nodeFetchOfGrammy(),
  ) {}

  /** Handles one update (`attempts`: the inbox's count, this one included) with its calls recorded. */
  async run<T>(updateId: number, attempts: number, fn: () => Promise<T>): Promise<T> {
    // A first attempt has nothing recorded: the log is read only for an update handled before.
    const calls = attempts > 1 ? await this.log.calls(updateId) : [];
    if (calls.length > 0) this.logger.warn({ update_id: updateId, recorded: calls.length }, "handling an interrupted update again; its sent messages are not sent twice");
    return this.scopes.run({ updateId, calls, next: 0 }, fn);
  }

  readonly fetch = async (url: string, init?: unknown) => {
    const scope = this.scopes.getStore();
    if (!scope) return this.base(url, init);
    const method = url.slice(url.lastIndexOf("/") + 1);
    const recorded = scope.calls[scope.next];
    if (recorded?.method === method) {
      scope.next++;
      return json(recorded.body);
    }
    if (recorded) scope.calls.length = scope.next; // the handling went another way: nothing more to replay
    const response = await this.base(url, init);
    if (response.status !== 200) return response;
    const body = await response.text();
    scope.calls.push({ method, body });
    scope.next++;
    await this.log.record(scope.updateId, scope.calls).catch((err: unknown) => this.logger.warn({ err, update_id: scope.updateId }, "could not record a Bot API call for replay"));
    return json(body);
  };
}

const json = (body: string) => new Response(body, { status: 200, headers: { "content-type": "application/json" } });

/**
 * grammY's own HTTP client on Node (node-fetch with grammY's keep-alive agent), as src/bot/transport uses it:
 * file uploads stream their multipart body, which node-fetch takes as it is.
 */
function nodeFetchOfGrammy(): Fetch {
  const fromGrammy = createRequire(createRequire(import.meta.url).resolve("grammy"));
  return fromGrammy("node-fetch") as Fetch;
}
