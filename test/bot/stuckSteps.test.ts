/**
 * Conversations never hang a chat: a step that fails or stalls, or conversation state that cannot
 * be read or written, is answered with a localized message, and the person's next message is
 * answered (item 5 of issue 13).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, FakeClock, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { BotApiEmulator } from "../../src/local/botApiEmulator.js";

let h: Harness | undefined;
afterEach(() => h?.close());

/**
 * A transport fault below the conversations plugin that is not an `HttpError` (here the request URL
 * cannot be built). grammyjs/conversations 2.1.1 then leaks the call's action (issue #155): when the
 * flow catches the error, as /check does for the edit that closes an answered question, its replay
 * never settles, and under `sequentialize` the chat would stay silent until a restart.
 */
function brokenEdits() {
  const armed = { count: 0 };
  const buildUrl = (root: string, token: string, method: string) => {
    if (method === "editMessageText" && armed.count > 0) {
      armed.count--;
      throw new TypeError("emulated transport fault: no request could be built");
    }
    return `${root}/bot${token}/${method}`;
  };
  return { armed, client: { buildUrl } };
}

const clock = () => new FakeClock(Date.parse("2026-12-01T06:00:00Z"));
const en = () => h!.services.i18n.getFixedT("en");
const texts = (from: number, chatId: number) =>
  h!.api.calls
    .slice(from)
    .filter((c) => c.method === "sendMessage" && c.result && Number(c.payload.chat_id) === chatId)
    .map((c) => String(c.payload.text));
const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p.then(() => "settled" as const), new Promise<"hung">((r) => setTimeout(() => r("hung"), ms).unref())]);

describe("a step that never settles", () => {
  it("without the watchdog the plugin's failure really hangs the update (the fault this guards against)", async () => {
    const fault = brokenEdits();
    h = await createHarness({ clock: clock(), logLevel: "silent", bot: { client: fault.client, stepIdleMs: 3_600_000 } });
    const user = new TestUser(h);
    await user.send("/check");
    fault.armed.count = 1;
    expect(await within(1_500, user.send("Algeria"))).toBe("hung");
  });

  it("is given up after the idle time: the person is told, and their next messages are answered in order", async () => {
    const fault = brokenEdits();
    h = await createHarness({ clock: clock(), logLevel: "info", bot: { client: fault.client, stepIdleMs: 300 } });
    const user = new TestUser(h);
    await user.send("/check");
    const question = user.lastText();
    fault.armed.count = 1;
    const mark = h.api.calls.length;
    // The answer that stalls, and the next message queued behind it in the same chat.
    const stalled = user.send("Algeria");
    const queued = user.send("Algeria");
    expect(await within(5_000, Promise.all([stalled, queued]))).toBe("settled");
    const sent = texts(mark, user.user.id);
    expect(sent).toContain(en()("system:step_failed"));
    // The stalled answer was not taken into account; the repeated one was, and the check goes on.
    expect(sent.at(-1)).not.toBe(question);
    expect(sent.at(-1)).not.toBe(en()("system:step_failed"));
    await user.send("no");
    expect(user.buttons()).toContain(en()("check:opt.programming"));
    const log = h.logs.find((l) => l.includes('"kind":"stalled"'));
    expect(log).toBeDefined();
    expect(log).not.toContain("Algeria");
  });

  it("a /cancel sent while a step hangs is answered and leaves the check", async () => {
    const fault = brokenEdits();
    h = await createHarness({ clock: clock(), logLevel: "silent", bot: { client: fault.client, stepIdleMs: 300 } });
    const user = new TestUser(h);
    await user.send("/check");
    fault.armed.count = 1;
    const mark = h.api.calls.length;
    const stalled = user.send("Algeria");
    const cancel = user.send("/cancel");
    expect(await within(5_000, Promise.all([stalled, cancel]))).toBe("settled");
    expect(texts(mark, user.user.id).at(-1)).toBe(en()("cancel.done"));
    // Out of the check: nothing is open any more.
    await user.send("/cancel");
    expect(user.lastText()).toBe(en()("cancel.nothing"));
  });
});

describe("a step that is only slow", () => {
  it("is given up after the idle time, and what it sends later never reaches the chat", async () => {
    h = await createHarness({ clock: clock(), logLevel: "silent", bot: { stepIdleMs: 200 } });
    const user = new TestUser(h);
    const personal = h.services.stores.personal;
    const exportData = personal.export.bind(personal);
    let finished = false;
    // /mydata waits 600 ms on the store, with no Bot API call in flight, then sends the file.
    personal.export = async (id) => {
      await new Promise((r) => setTimeout(r, 600));
      finished = true;
      return exportData(id);
    };
    const mark = h.api.calls.length;
    await user.send("/mydata");
    expect(texts(mark, user.user.id)).toEqual([en()("errors.internal")]);
    await new Promise((r) => setTimeout(r, 900));
    expect(finished).toBe(true);
    // The late document was refused: nothing but the notice reached the chat.
    expect(h.api.calls.slice(mark).filter((c) => c.method === "sendDocument")).toEqual([]);
    personal.export = exportData;
    await user.send("/mydata");
    expect(h.api.calls.slice(mark).filter((c) => c.method === "sendDocument" && c.result)).toHaveLength(1);
  });
});

describe("a step whose Bot API calls are slow", () => {
  it("is not given up while a call inside the flow is in flight", async () => {
    const c = clock();
    const api = new BotApiEmulator(undefined, () => c.now());
    const fetch = api.fetch;
    // Every sendMessage takes 500 ms, more than twice the idle time.
    (api as { fetch: typeof fetch }).fetch = async (input, init) => {
      if (String(input).endsWith("/sendMessage")) await new Promise((r) => setTimeout(r, 500));
      return fetch(input, init);
    };
    h = await createHarness({ clock: c, api, logLevel: "silent", bot: { stepIdleMs: 200 } });
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("Algeria");
    const sent = h.api.calls.filter((x) => x.method === "sendMessage").map((x) => String(x.payload.text));
    for (const failure of [en()("system:step_failed"), en()("errors.internal")]) expect(sent).not.toContain(failure);
    // The intro, the first question, and after the answer the next one.
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(user.buttons().length).toBeGreaterThan(0);
  }, 20_000);
});

describe("conversation state that cannot be read or written", () => {
  function flaky(harness: Harness) {
    const store = harness.services.stores.conversations;
    const fail = { reads: 0, writes: 0 };
    const read = store.read.bind(store);
    const write = store.write.bind(store);
    store.read = async (key) => {
      if (fail.reads > 0 && fail.reads--) throw new Error("SQLITE_IOERR: disk I/O error");
      return read(key);
    };
    store.write = async (key, value) => {
      if (fail.writes > 0 && fail.writes--) throw new Error("SQLITE_BUSY: database is locked");
      return write(key, value);
    };
    return fail;
  }

  it("a failed read says the message was not taken into account; the same answer again carries on", async () => {
    h = await createHarness({ clock: clock(), logLevel: "silent" });
    const fail = flaky(h);
    const user = new TestUser(h);
    await user.send("/check");
    const question = user.lastText();
    fail.reads = 1;
    await user.send("Algeria");
    expect(user.replies()).toEqual([en()("system:storage_failed")]);
    await user.send("Algeria");
    expect(user.lastText()).not.toBe(question);
    await user.send("no");
    expect(user.buttons()).toContain(en()("check:opt.programming"));
  });

  it("a failed write keeps the step as it was, says so in the person's language, and the next message is answered", async () => {
    h = await createHarness({ clock: clock(), logLevel: "silent" });
    const fail = flaky(h);
    const user = new TestUser(h, { language_code: "ru" });
    await user.send("/check");
    fail.writes = 1;
    await user.send("Algeria");
    expect(user.replies().at(-1)).toBe(h.services.i18n.getFixedT("ru")("system:storage_failed"));
    // Sent again as asked: the answer is taken this time, and the next question follows.
    await user.send("Algeria");
    const next = user.lastText();
    await user.send("no");
    expect(user.lastText()).not.toBe(next);
    expect(user.buttons()).toContain(h.services.i18n.getFixedT("ru")("check:opt.programming"));
  });
});
