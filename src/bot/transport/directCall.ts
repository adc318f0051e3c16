import { createRequire } from "node:module";
import { Api, HttpError, InputFile, type ApiClientOptions, type Transformer } from "grammy";

/**
 * Bot API calls with a JSON payload made straight through the client's `fetch`, as the innermost transformer of an
 * Api, instead of by grammY's `ApiClient.call`; a file upload or a call given an `AbortSignal` (long polling) is
 * handed on to grammY's as before.
 *
 * Why by hand: grammY's call builds, for every call, an AbortController, a timer and three promises raced against
 * each other (the fetch, a stream error that only a multipart body can raise, the timeout), walks the payload to
 * look for files, and serialises it through `JSON.stringify` with a replacer function, which V8 cannot run on its
 * fast path: a long FAQ answer and its keyboard went through a JavaScript callback per value. In the mixed
 * benchmark that was 11 us a call against 2 us for the fetch itself. Here the payload is walked once (files, and
 * properties set to null, which grammY's replacer drops: only then is the replacer used), and the call, its
 * timeout and its abort are one promise.
 *
 * What is kept of grammY's call: the URL (`buildUrl`, `apiRoot`, `environment`), the fetch options (grammY's
 * platform defaults, then `baseFetchConfig`: see fetchConfigOf), the JSON body byte for byte, the
 * timeout (`timeoutSeconds`, grammY's 500 s by default, the bot's client 60 s: transport/index.ts; the call fails with
 * the same message and its request is aborted; the retry policy below bounds each attempt sooner: retryingFetch.ts),
 * and every failure as the same `HttpError` ("Network request for '…' failed!", with the status or the message as
 * grammY words them). All calls of an Api that may answer through a webhook reply still go through grammY's.
 */
export function directCall(token: string, options: ApiClientOptions = {}): Transformer {
  const fetch = options.fetch as unknown as ((url: string | URL, init: object) => Promise<{ json(): Promise<unknown> }>) | undefined;
  // Without a fetch of its own the client uses grammY's shim, and a webhook reply is answered by the client: leave both to it.
  if (fetch === undefined || options.canUseWebhookReply !== undefined) return remember((prev, method, payload, signal) => prev(method, payload, signal));
  const apiRoot = options.apiRoot ?? "https://api.telegram.org";
  const environment = options.environment ?? "prod";
  const buildUrl = options.buildUrl ?? defaultUrl;
  const timeoutSeconds = options.timeoutSeconds ?? 500;
  const sensitiveLogs = options.sensitiveLogs ?? false;
  const fetchConfig = fetchConfigOf(apiRoot, options.baseFetchConfig);
  const failed = (method: string, error: unknown) => httpError(method, sensitiveLogs, error);

  return remember((prev, method, given, signal) => {
    const payload = (given ?? {}) as object;
    const shape = signal === undefined ? scan(payload) : UPLOAD;
    if (shape === UPLOAD) return prev(method, given, signal);
    const body = shape === PLAIN ? JSON.stringify(payload) : JSON.stringify(payload, dropNull);
    const url = buildUrl(apiRoot, token, method, environment);
    return new Promise((resolve, reject) => {
      const controller = new AbortController();
      const timer = setTimeout(() => {
        reject(failed(method, new Error(`Request to '${method}' timed out after ${timeoutSeconds} seconds`)));
        controller.abort();
      }, 1000 * timeoutSeconds);
      let sent: Promise<{ json(): Promise<unknown> }>;
      try {
        sent = fetch(url, { ...fetchConfig, signal: controller.signal, method: "POST", headers: { "content-type": "application/json", connection: "keep-alive" }, body });
      } catch (error) {
        // A fetch that throws instead of rejecting: grammY's call rejects with that error as it is.
        clearTimeout(timer);
        return reject(error);
      }
      sent
        .then((response) => response.json())
        .then(
          (data) => {
            clearTimeout(timer);
            resolve(data as never);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(failed(method, error));
          },
        );
    });
  });
}

/** An Api whose JSON calls are direct, with the transformers installed on `from` (bar its own direct call) above. */
export function directApi(token: string, options: ApiClientOptions, from?: Api): Api {
  const api = new Api(token, options);
  api.config.use(directCall(token, options));
  if (from) api.config.use(...from.config.installedTransformers().filter((t) => !direct.has(t)));
  return api;
}

/** The direct calls made here: each is bound to its own Api's fetch, so copying one to another Api would be wrong. */
const direct = new WeakSet<Transformer>();
function remember(t: Transformer): Transformer {
  direct.add(t);
  return t;
}

type FetchConfig = Record<string, unknown>;

/**
 * What grammY's client puts in every fetch's options: its platform's defaults (on Node its keep-alive agent for the
 * API root, gzip for https, `duplex`), taken from grammY's own module (grammY's package exports do not list it, a
 * relative require reaches it, as transport/index.ts reaches grammY's node-fetch), then `baseFetchConfig`. Kept per
 * `baseFetchConfig` object: every update's Api shares the bot's.
 */
function fetchConfigOf(apiRoot: string, base: FetchConfig | undefined): FetchConfig {
  const known = base && configs.get(base)?.get(apiRoot);
  if (known) return known;
  platform ??= createRequire(createRequire(import.meta.url).resolve("grammy"))("./platform.node.js") as { baseFetchConfig(apiRoot: string): FetchConfig };
  const config = { ...platform.baseFetchConfig(apiRoot), ...base };
  if (base) configs.set(base, (configs.get(base) ?? new Map<string, FetchConfig>()).set(apiRoot, config));
  return config;
}
let platform: { baseFetchConfig(apiRoot: string): FetchConfig } | undefined;
const configs = new WeakMap<FetchConfig, Map<string, FetchConfig>>();

const defaultUrl = (root: string, token: string, method: string, env: string) => `${root}/bot${token}/${env === "test" ? "test/" : ""}${method}`;

/** grammY's replacer: a property set to null is left out (an array's null stays, as undefined turns into null there). */
const dropNull = (_key: string, value: unknown) => value ?? undefined;

/** What a payload holds: nothing that JSON.stringify treats unlike grammY, a null property or a `toJSON`, or a file. */
const PLAIN = 0;
const REPLACER = 1;
const UPLOAD = 2;

/** One walk over the payload, for what grammY's `requiresFormDataUpload` and its replacer would find. */
function scan(value: object): number {
  if (value instanceof InputFile) return UPLOAD;
  let shape = typeof (value as { toJSON?: unknown }).toJSON === "function" ? REPLACER : PLAIN;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== "object" || item === null) continue;
      const inner = scan(item as object);
      if (inner === UPLOAD) return UPLOAD;
      if (inner > shape) shape = inner;
    }
    return shape;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item === null) shape = REPLACER;
    else if (typeof item === "object") {
      const inner = scan(item);
      if (inner === UPLOAD) return UPLOAD;
      if (inner > shape) shape = inner;
    }
  }
  return shape;
}

/** grammY's `toHttpError` (not exported by grammY), word for word. */
function httpError(method: string, sensitiveLogs: boolean, error: unknown): HttpError {
  let message = `Network request for '${method}' failed!`;
  if (typeof error === "object" && error !== null && "status" in error && "statusText" in error) message += ` (${String(error.status)}: ${String(error.statusText)})`;
  if (sensitiveLogs && error instanceof Error) message += ` ${error.message}`;
  return new HttpError(message, error);
}
