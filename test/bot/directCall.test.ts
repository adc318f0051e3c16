import { Api, GrammyError, HttpError, InlineKeyboard, InputFile, type ApiClientOptions } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { directApi } from "../../src/bot/transport/directCall.js";

/**
 * The bot's JSON calls skip grammY's ApiClient.call (src/bot/transport/directCall.ts): what reaches the fetch, what
 * the caller gets back and how a call fails must be what grammY's own call gives, for the same client options.
 */
const TOKEN = "123:abc";
type Seen = { url: string; init: Record<string, unknown> };

function recording(answer: (url: string) => Promise<unknown> = async () => ({ ok: true, result: true })) {
  const seen: Seen[] = [];
  const fetch = async (url: unknown, init: Record<string, unknown>) => {
    seen.push({ url: String(url), init });
    const data = await answer(String(url));
    return { json: async () => data };
  };
  return { seen, fetch: fetch as unknown as ApiClientOptions["fetch"] };
}

/** The same call made by grammY's Api and by the direct one, over the same options. */
async function both(options: Omit<ApiClientOptions, "fetch">, call: (api: Api) => Promise<unknown>, answer?: (url: string) => Promise<unknown>) {
  const theirs = recording(answer);
  const ours = recording(answer);
  const outcome = async (p: Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> => p.then((value) => ({ value }), (error: unknown) => ({ error }));
  return {
    grammy: { ...(await outcome(call(new Api(TOKEN, { ...options, fetch: theirs.fetch })))), seen: theirs.seen },
    direct: { ...(await outcome(call(directApi(TOKEN, { ...options, fetch: ours.fetch })))), seen: ours.seen },
  };
}

/** What a fetch is given, the signal aside (each call has its own). */
const sent = (s: Seen[]) => s.map(({ url, init }) => ({ url, init: { ...init, signal: init.signal instanceof AbortSignal } }));

afterEach(() => {
  vi.useRealTimers();
});

describe("a direct call sends what grammY's call sends", () => {
  const payloads: Array<[string, Record<string, unknown>]> = [
    ["a text", { chat_id: 5, text: "Привет, <b>мир</b> \u2028 \"quoted\"" }],
    ["a keyboard built by grammY", { chat_id: 5, text: "menu", reply_markup: new InlineKeyboard().text("a", "x:1").row().url("b", "https://example.org") }],
    ["options left undefined", { chat_id: 5, text: "t", parse_mode: undefined, reply_markup: undefined }],
    ["a property set to null (grammY drops it)", { chat_id: 5, text: "t", reply_markup: null, link_preview_options: { is_disabled: true, url: null } }],
    ["null inside an array (kept)", { chat_id: 5, text: "t", reply_markup: { inline_keyboard: [[null, { text: "a", callback_data: "b" }]] } }],
    ["a value with toJSON", { chat_id: 5, text: "t", when: new Date(Date.UTC(2026, 0, 2)), wrapped: { toJSON: () => null } }],
  ];

  it.each(payloads)("%s", async (_name, payload) => {
    for (const options of [{}, { apiRoot: "http://127.0.0.1:8081", baseFetchConfig: { agent: undefined, compress: false } }, { environment: "test" as const }]) {
      const { grammy, direct } = await both(options, (api) => api.raw.sendMessage(payload as never));
      expect(sent(direct.seen)).toEqual(sent(grammy.seen));
      expect(direct.seen).toHaveLength(1);
      expect(direct).toMatchObject({ value: grammy.value });
    }
  });

  it("a call without a payload, and one with a file, which grammY's call still makes (multipart)", async () => {
    const plain = await both({}, (api) => api.getMe());
    expect(sent(plain.direct.seen)).toEqual(sent(plain.grammy.seen));
    const file = await both({}, (api) => api.sendDocument(5, new InputFile(Buffer.from("hello"), "a.txt")));
    expect(file.direct.seen).toHaveLength(1);
    expect(typeof file.direct.seen[0]!.init.body).not.toBe("string");
    expect(String((file.direct.seen[0]!.init.headers as Record<string, string>)["content-type"])).toMatch(/^multipart\/form-data/);
  });
});

describe("a direct call fails as grammY's does", () => {
  it("an error answer is the same GrammyError", async () => {
    const { grammy, direct } = await both({}, (api) => api.sendMessage(5, "t"), async () => ({ ok: false, error_code: 400, description: "Bad Request: chat not found" }));
    expect(direct.error).toBeInstanceOf(GrammyError);
    expect((direct.error as GrammyError).message).toBe((grammy.error as GrammyError).message);
  });

  it.each([
    ["a network error", new Error("socket hang up"), false],
    ["the same with sensitive logs", new Error("socket hang up"), true],
    ["an HTTP failure", Object.assign(new Error("bad gateway"), { status: 502, statusText: "Bad Gateway" }), false],
  ])("%s is the same HttpError", async (_name, failure, sensitiveLogs) => {
    const { grammy, direct } = await both({ sensitiveLogs }, (api) => api.sendMessage(5, "t"), () => Promise.reject(failure));
    expect(direct.error).toBeInstanceOf(HttpError);
    expect((direct.error as HttpError).message).toBe((grammy.error as HttpError).message);
    expect((direct.error as HttpError).error).toBe(failure);
  });

  it("a call that gets no answer times out with grammY's message, and its request is aborted", async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const hanging = (async (_url: unknown, init: { signal: AbortSignal }) => {
      signals.push(init.signal);
      return new Promise(() => undefined);
    }) as unknown as ApiClientOptions["fetch"];
    const results = [new Api(TOKEN, { fetch: hanging, timeoutSeconds: 3 }), directApi(TOKEN, { fetch: hanging, timeoutSeconds: 3 })].map((api) =>
      api.sendMessage(5, "t").then(
        () => "answered",
        (error: HttpError) => `${error.message} / ${(error.error as Error).message}`,
      ),
    );
    await vi.advanceTimersByTimeAsync(2_999);
    expect(signals.map((s) => s.aborted)).toEqual([false, false]);
    await vi.advanceTimersByTimeAsync(1);
    const [grammy, direct] = await Promise.all(results);
    expect(direct).toBe(grammy);
    expect(direct).toBe("Network request for 'sendMessage' failed! / Request to 'sendMessage' timed out after 3 seconds");
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
  });

  it("a call given a signal is grammY's: aborting it aborts the request", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const waiting = (async (_url: unknown, init: { signal: AbortSignal }) => {
      seen = init.signal;
      return new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(new Error("aborted"))));
    }) as unknown as ApiClientOptions["fetch"];
    const call = directApi(TOKEN, { fetch: waiting }).getUpdates({ timeout: 30 }, controller.signal);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(HttpError);
    expect(seen?.aborted).toBe(true);
  });
});

describe("an update's Api built from the bot's", () => {
  it("calls its own fetch, under the transformers installed on the bot's Api, not the bot's direct call", async () => {
    const bots = recording();
    const bot = directApi(TOKEN, { fetch: bots.fetch });
    const methods: string[] = [];
    bot.config.use((prev, method, payload, signal) => (methods.push(method), prev(method, payload, signal)));
    const updates = recording();
    const perUpdate = directApi(TOKEN, { fetch: updates.fetch }, bot);
    await perUpdate.sendMessage(5, "t");
    expect(updates.seen).toHaveLength(1);
    expect(bots.seen).toHaveLength(0);
    expect(methods).toEqual(["sendMessage"]);
  });
});
