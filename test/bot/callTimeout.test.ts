/**
 * A Bot API call that never answers must not hold its chat. Found by QA with a fake Bot API that never answered one
 * sendMessage: the call waited grammY's default 500 s, and under the per-chat lock /cancel and every later message
 * of that chat waited behind it (the step watchdog does not give up an update with a call in flight). Now every call
 * is bounded (src/bot/transport/retryingFetch.ts: an attempt, then the whole call; getUpdates by its own long-polling
 * timeout plus a margin) and then fails as a network error, which the transport and the flows already handle.
 */
import { Api, HttpError, type ApiClientOptions } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { directApi } from "../../src/bot/transport/directCall.js";
import { resilientClient } from "../../src/bot/transport/index.js";
import { BotApiEmulator } from "../../src/local/botApiEmulator.js";
import { createHarness, FakeClock, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

const TOKEN = "123:abc";

/** A fetch that answers `true` except for the calls `hangs` picks, which never answer (but honour their signal). */
function fakeFetch(hangs: (method: string, attempt: number) => boolean) {
  const signals: Array<{ method: string; signal: AbortSignal }> = [];
  const fetch = (url: unknown, init: { signal?: AbortSignal }) => {
    const method = String(url).slice(String(url).lastIndexOf("/") + 1);
    const attempt = signals.filter((s) => s.method === method).length + 1;
    signals.push({ method, signal: init.signal! });
    if (!hangs(method, attempt)) return Promise.resolve(new Response(JSON.stringify({ ok: true, result: method === "getUpdates" ? [] : true })));
    return new Promise<Response>((_, reject) => init.signal?.addEventListener("abort", () => reject(Object.assign(new Error("The operation was aborted."), { name: "AbortError" }))));
  };
  return { signals, fetch: fetch as unknown as ApiClientOptions["fetch"] };
}

const outcome = (p: Promise<unknown>) => {
  const seen: { value?: unknown; error?: unknown; settled: boolean } = { settled: false };
  p.then(
    (value) => Object.assign(seen, { value, settled: true }),
    (error: unknown) => Object.assign(seen, { error, settled: true }),
  );
  return seen;
};

describe("the default bounds (fake timers)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  // The bot's client as createBot builds it (bar the test fetch): the retry policy over it, JSON calls made directly.
  const botApi = (fetch: ApiClientOptions["fetch"]) => directApi(TOKEN, resilientClient({ fetch }));

  it("a sendMessage that never answers fails after 20 s as a network error, its request aborted and not sent again", async () => {
    vi.useFakeTimers();
    const api = fakeFetch((method) => method === "sendMessage");
    const sent = outcome(botApi(api.fetch).sendMessage(5, "hello"));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(sent.settled).toBe(false);
    expect(api.signals[0]!.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.error).toBeInstanceOf(HttpError);
    expect((sent.error as HttpError).message).toBe("Network request for 'sendMessage' failed!");
    expect(((sent.error as HttpError).error as { code?: string }).code).toBe("ETIMEDOUT");
    expect(api.signals.map((s) => [s.method, s.signal.aborted])).toEqual([["sendMessage", true]]);
  });

  it("a call safe to repeat is tried again after its attempt times out, and answered", async () => {
    vi.useFakeTimers();
    const api = fakeFetch((method, attempt) => method === "answerCallbackQuery" && attempt === 1);
    const answered = outcome(botApi(api.fetch).answerCallbackQuery("q1"));
    await vi.advanceTimersByTimeAsync(20_000 + 500); // the attempt's bound, then the first backoff
    expect(answered).toEqual({ value: true, settled: true });
    expect(api.signals.map((s) => s.signal.aborted)).toEqual([true, false]);
  });

  it("a call safe to repeat that never answers ends within the call's 45 s, retries included", async () => {
    vi.useFakeTimers();
    const api = fakeFetch(() => true);
    const call = outcome(botApi(api.fetch).answerCallbackQuery("q1"));
    await vi.advanceTimersByTimeAsync(45_000);
    expect(call.settled).toBe(true);
    expect(call.error).toBeInstanceOf(HttpError);
    expect(api.signals.every((s) => s.signal.aborted)).toBe(true);
  });

  it("getUpdates keeps its longer bound: its long-polling timeout plus 10 s", async () => {
    vi.useFakeTimers();
    const api = fakeFetch((method) => method === "getUpdates");
    // As the inbox runner calls it: on the bot's Api, with the runner's signal (so through grammY's own call).
    const bot = new Api(TOKEN, resilientClient({ fetch: api.fetch }));
    const polled = outcome(bot.getUpdates({ timeout: 30 }, new AbortController().signal));
    await vi.advanceTimersByTimeAsync(39_999);
    expect(polled.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(polled.error).toBeInstanceOf(HttpError);
    expect(api.signals.map((s) => s.signal.aborted)).toEqual([true]);
  });
});

describe("a chat whose Bot API call never answers (short bounds)", () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());
  const t = () => h!.services.i18n.getFixedT("en");

  /** The emulated Bot API, whose next `count` calls of `method` never answer (and honour their abort signal). */
  function hangingApi(clock: FakeClock) {
    const api = new BotApiEmulator(undefined, () => clock.now());
    const fetch = api.fetch;
    const hang = { method: "sendMessage", count: 0, signals: [] as AbortSignal[] };
    (api as { fetch: typeof fetch }).fetch = (input, init) => {
      if (hang.count > 0 && String(input).endsWith(`/${hang.method}`)) {
        hang.count--;
        const signal = (init as { signal: AbortSignal }).signal;
        hang.signals.push(signal);
        return new Promise<Response>((_, reject) => signal.addEventListener("abort", () => reject(Object.assign(new Error("The operation was aborted."), { name: "AbortError" }))));
      }
      return fetch(input, init);
    };
    return { api, hang };
  }

  async function harness() {
    const clock = new FakeClock(Date.parse("2026-12-01T06:00:00Z"));
    const { api, hang } = hangingApi(clock);
    // 150 ms an attempt, 400 ms a call: the defaults' shape (20 s, 45 s) at test speed. The watchdog keeps its 30 s.
    h = await createHarness({ clock, api, logLevel: "silent", retry: { attemptTimeoutMs: 150, callTimeoutMs: 400 } });
    return hang;
  }

  const within = <T>(ms: number, p: Promise<T>) =>
    Promise.race([p.then(() => "settled" as const), new Promise<"hung">((r) => setTimeout(() => r("hung"), ms).unref())]);
  const sentTo = (from: number, chatId: number) =>
    h!.api.calls
      .slice(from)
      .filter((c) => c.method === "sendMessage" && c.result && Number(c.payload.chat_id) === chatId)
      .map((c) => String(c.payload.text));

  it("a /check question that never answers: the update ends, the person is told, and the check keeps its place", async () => {
    const hang = await harness();
    // The questions as a person who met no fault sees them.
    const calm = new TestUser(h!, { id: 7100 });
    await calm.send("/check");
    await calm.send("Algeria");
    const second = calm.lastText();

    const user = new TestUser(h!, { id: 7101 });
    await user.send("/check");
    hang.count = 1; // the next question's sendMessage never answers
    const answered = user.send("Algeria");
    expect(await within(3_000, answered)).toBe("settled");
    expect(hang.signals).toHaveLength(1);
    expect(hang.signals[0]!.aborted).toBe(true); // the request was given up, not left open
    // The answer was noted, the question that could not be sent was not sent again, and the person was told.
    expect(user.replies()).toEqual([expect.stringContaining("Algeria"), t()("system:question_lost")]);
    // The next message brings the question (it is not taken as its answer), and the check carries on from there.
    await user.send("no");
    expect(user.replies()).toEqual([second]);
    await user.send("no");
    expect(user.buttons()).toContain(t()("check:opt.programming"));
  });

  it("a /cancel and a question sent while a call hangs are answered, in order, right after it", async () => {
    const hang = await harness();
    const calm = new TestUser(h!, { id: 7100 });
    await calm.send("What is the B9-1 visa?");
    const answer = calm.lastText();
    const user = new TestUser(h!, { id: 7102 });
    await user.send("/check");
    hang.count = 1;
    const mark = h!.api.calls.length;
    const hung = user.send("Algeria");
    const cancel = user.send("/cancel");
    const question = user.send("What is the B9-1 visa?");
    expect(await within(5_000, Promise.all([hung, cancel, question]))).toBe("settled");
    const sent = sentTo(mark, user.user.id);
    expect(sent.indexOf(t()("cancel.done"))).toBeGreaterThanOrEqual(0);
    expect(sent.indexOf(t()("cancel.done"))).toBeLessThan(sent.length - 1); // the question's answer came after it
    expect(sent.at(-1)).toBe(answer);
    // Out of the flow: nothing is open any more.
    await user.send("/cancel");
    expect(user.lastText()).toBe(t()("cancel.nothing"));
  });
});
