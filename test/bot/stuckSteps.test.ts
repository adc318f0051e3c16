/**
 * Flows never hang a chat: a step that fails or stalls, or flow state that cannot
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
 * A step that never settles and has no Bot API call in flight: /remind's Done waits on a store that never answers
 * (a database lock that is never released, a driver that lost its callback). Under `sequentialize` the chat would
 * stay silent until a restart. (Until 2026-12-04 a transport fault caught inside a flow made the conversations
 * plugin, grammyjs/conversations#155, hang this way; the flows no longer run on it, the watchdog stays.)
 */
function hungSaves(harness: Harness) {
  const armed = { count: 0 };
  const milestones = harness.services.stores.milestones;
  const write = milestones.write.bind(milestones);
  milestones.write = (key, value) => {
    if (armed.count > 0) {
      armed.count--;
      return new Promise<never>(() => undefined);
    }
    return write(key, value);
  };
  return armed;
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
  it("without the watchdog a step that never settles really hangs the update (the fault this guards against)", async () => {
    h = await createHarness({ clock: clock(), logLevel: "silent", bot: { stepIdleMs: 3_600_000 } });
    const armed = hungSaves(h);
    const user = new TestUser(h);
    await user.send("/remind");
    armed.count = 1;
    expect(await within(1_500, user.press(en()("remind:btn.done")))).toBe("hung");
  });

  it("is given up after the idle time: the person is told, and their next messages are answered in order", async () => {
    h = await createHarness({ clock: clock(), logLevel: "info", bot: { stepIdleMs: 300 } });
    const armed = hungSaves(h);
    const user = new TestUser(h);
    await user.send("/remind");
    const menu = h.api.calls.filter((c) => c.method === "sendMessage").at(-1)!.result as never;
    armed.count = 1;
    const mark = h.api.calls.length;
    // The press that stalls, and the same press queued behind it in the same chat.
    const stalled = user.pressData("rm:done", menu);
    const queued = user.pressData("rm:done", menu);
    expect(await within(5_000, Promise.all([stalled, queued]))).toBe("settled");
    const sent = texts(mark, user.user.id);
    expect(sent).toContain(en()("system:step_failed"));
    // The stalled press was not taken into account (the flow stayed at its menu); the repeated one was: saved,
    // and the deadlines shown (none: no dates were entered).
    expect(sent).toEqual([en()("system:step_failed"), en()("remind:none")]);
    // Done: nothing is open any more.
    await user.send("/cancel");
    expect(user.lastText()).toBe(en()("cancel.nothing"));
    const log = h.logs.find((l) => l.includes('"kind":"stalled"'));
    expect(log).toBeDefined();
    expect(log).not.toContain("rm:done");
  });

  it("a /cancel sent while a step hangs is answered and leaves the flow", async () => {
    h = await createHarness({ clock: clock(), logLevel: "silent", bot: { stepIdleMs: 300 } });
    const armed = hungSaves(h);
    const user = new TestUser(h);
    await user.send("/remind");
    armed.count = 1;
    const mark = h.api.calls.length;
    const stalled = user.press(en()("remind:btn.done"));
    const cancel = user.send("/cancel");
    expect(await within(5_000, Promise.all([stalled, cancel]))).toBe("settled");
    expect(texts(mark, user.user.id).at(-1)).toBe(en()("cancel.done"));
    // Out of the flow: nothing is open any more.
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
