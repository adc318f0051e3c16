/**
 * A /check question that never reached Telegram (a connection reset, which the transport does not repeat for a
 * message: it may have arrived) must not be answered by the person's next message. Found in the full-size
 * multi-instance run: a keep-alive socket the emulated Bot API had just closed reset the first question's
 * `sendMessage`, the check waited at that question anyway, and the next message was taken as its answer.
 * Here on both engines through `handleUpdate`, and in webhook mode on PostgreSQL with the replay log.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { BotApiEmulator } from "../../src/local/botApiEmulator.js";
import { FAULTS, type FaultPlan } from "../../src/local/faultPlan.js";
import { createLogger } from "../../src/logger.js";
import { ReplayingFetch } from "../../src/runtime/replayFetch.js";
import { startWebhookServer } from "../../src/runtime/webhook.js";
import { openPgStores } from "../../src/store/index.js";
import { dropTestDatabases, freshDatabase, PG_URL } from "../helpers/pg.js";
import { createHarness, FakeClock, TEST_KEY, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { makeUser, textUpdate } from "../helpers/updates.js";

afterAll(dropTestDatabases);

const createI18nForTest = () => createI18n().getFixedT("en");

/** Resets the `n`-th to `m`-th sendMessage from now on (1-based), as a closed keep-alive socket does. */
const resetSends = (from: number, to: number = from): FaultPlan => {
  let sends = 0;
  return { next: (method) => (method === "sendMessage" && ++sends >= from && sends <= to ? FAULTS.reset : undefined) };
};

const ENGINES: Array<"sqlite" | "postgres"> = ["sqlite", ...(PG_URL ? (["postgres"] as const) : [])];

describe.each(ENGINES)("a /check question lost to a connection reset (%s)", (engine) => {
  let h: Harness;
  afterEach(() => h.close());
  const t = () => h.services.i18n.getFixedT("en");

  /** The first two questions as a person who met no fault sees them. */
  async function questions(): Promise<{ intro: string; first: string; second: string }> {
    const calm = new TestUser(h, { id: 7000 });
    await calm.send("/check");
    const [intro, first] = calm.replies() as [string, string];
    await calm.send("Algeria");
    return { intro, first, second: calm.lastText() };
  }

  it("the first question: the person is told, and their next message brings the question, not an answer to it", async () => {
    h = await createHarness({ engine, logLevel: "silent" });
    const q = await questions();
    const user = new TestUser(h, { id: 7001 });
    h.api.faults = resetSends(2); // the intro arrives, the question meets a reset
    await user.send("/check");
    expect(user.calls().filter((c) => c.method === "sendMessage" && c.fault === "reset")).toHaveLength(1); // not resent
    expect(user.replies()).toEqual([q.intro, t()("system:question_lost")]);
    h.api.faults = undefined;
    // Whatever comes next is not taken as the answer to a question the person never saw: the question comes.
    await user.send("Algeria");
    expect(user.replies()).toEqual([q.first]);
    await user.send("Algeria");
    expect(user.lastText()).toBe(q.second);
    await user.send("no");
    expect(user.buttons()).toContain(t()("check:opt.programming"));
  });

  it("the first question and the notice after it: the person saw only the intro, and their next message brings the question", async () => {
    h = await createHarness({ engine, logLevel: "silent" });
    const q = await questions();
    const user = new TestUser(h, { id: 7002 });
    h.api.faults = resetSends(2, 3);
    await user.send("/check");
    expect(user.replies()).toEqual([q.intro]); // only the intro arrived
    h.api.faults = undefined;
    await user.send("Algeria");
    expect(user.replies()).toEqual([q.first]);
    await user.send("Algeria");
    expect(user.lastText()).toBe(q.second);
  });

  it("the first question lost twice: each message brings it again until it arrives", async () => {
    h = await createHarness({ engine, logLevel: "silent" });
    const q = await questions();
    const user = new TestUser(h, { id: 7003 });
    h.api.faults = resetSends(2, 3);
    await user.send("/check");
    h.api.faults = resetSends(1);
    await user.send("Algeria"); // the question is lost again; this time the notice arrives
    expect(user.replies()).toEqual([t()("system:question_lost")]);
    h.api.faults = undefined;
    await user.send("Algeria");
    expect(user.replies()).toEqual([q.first]);
    await user.send("Algeria");
    expect(user.lastText()).toBe(q.second);
  });

  it("a later question: the answer is kept, the person is told, and their next message brings the question", async () => {
    h = await createHarness({ engine, logLevel: "silent" });
    const q = await questions();
    const user = new TestUser(h, { id: 7004 });
    await user.send("/check");
    h.api.faults = resetSends(1);
    await user.send("Algeria");
    // The first question is closed with the answer noted (an edit, retried when reset); the second is lost.
    expect(user.replies()).toEqual([expect.stringContaining("Algeria"), t()("system:question_lost")]);
    h.api.faults = undefined;
    await user.send("no"); // an answer to the question never seen is not taken: the question comes
    expect(user.replies()).toEqual([q.second]);
    await user.send("no");
    expect(user.buttons()).toContain(t()("check:opt.programming"));
  });

  it("a later question and the notice: the person sees their answer noted, and their next message brings the question", async () => {
    h = await createHarness({ engine, logLevel: "silent" });
    const q = await questions();
    const user = new TestUser(h, { id: 7005 });
    await user.send("/check");
    h.api.faults = resetSends(1, 2);
    await user.send("Algeria");
    expect(user.replies()).toEqual([expect.stringContaining("Algeria")]);
    h.api.faults = undefined;
    await user.send("no");
    expect(user.replies()).toEqual([q.second]);
    await user.send("no");
    expect(user.buttons()).toContain(t()("check:opt.programming"));
  });

  it("a question lost after a button press: the press is answered, and the next press or message brings the question", async () => {
    h = await createHarness({ engine, logLevel: "silent" });
    const user = new TestUser(h, { id: 7006 });
    for (const text of ["/check", "Algeria", "no"]) await user.send(text);
    h.api.faults = resetSends(1, 2);
    await user.press(t()("check:opt.programming"));
    expect(user.calls().filter((c) => c.method === "answerCallbackQuery" && c.result)).toHaveLength(1);
    h.api.faults = undefined;
    await user.send("yes");
    expect(user.buttons()).toContain(t()("check:opt.yes"));
    expect(user.replies()).toHaveLength(1);
    await user.press(t()("check:opt.yes"));
    expect(user.replies().at(-1)).not.toBe(user.replies()[0]);
  });
});

describe.skipIf(!PG_URL)("webhook mode on PostgreSQL: a /check question lost to a connection reset", () => {
  /** One webhook instance on its own database, the replay log on, and a person met by no fault to compare with. */
  async function webhook(run: (s: { post(update: unknown): Promise<number>; texts(id: number): string[]; emulator: BotApiEmulator; calm: string[] }) => Promise<void>) {
    const clock = new FakeClock();
    const stores = await openPgStores(await freshDatabase(), TEST_KEY, clock, { poolSize: 4 });
    const emulator = new BotApiEmulator(undefined, () => clock.now());
    const replay = new ReplayingFetch(stores.inbox.replayLog!, createLogger({ level: "silent" }), emulator.fetch as never);
    const h = await createHarness({ clock, stores, logLevel: "silent", api: Object.create(emulator, { fetch: { value: replay.fetch } }) as BotApiEmulator });
    const secret = "webhook-secret-0123456789";
    const http = await startWebhookServer(h.bot, { inbox: stores.inbox, chatLock: stores.chatLock, logger: h.services.logger, secret, path: "/telegram", ping: () => stores.ping(), replay }, { port: 0, host: "127.0.0.1" });
    const post = async (update: unknown) =>
      (await fetch(`${http.address}/telegram`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body: JSON.stringify(update) })).status;
    const texts = (id: number) => emulator.calls.filter((c) => c.method === "sendMessage" && c.result !== undefined && c.payload.chat_id === id).map((c) => String(c.payload.text));
    try {
      const calm = makeUser({ id: 7100, language_code: "en" });
      for (const text of ["/check", "Algeria"]) expect(await post(textUpdate(calm, text, 1))).toBe(200);
      await run({ post, texts, emulator, calm: texts(calm.id) });
    } finally {
      await http.stop(1000);
      await h.close();
      await stores.close();
    }
  }

  it("the first question and the notice: the next update brings the question, and the answer after it carries on", () =>
    webhook(async ({ post, texts, emulator, calm: [intro, first, second] }) => {
      const user = makeUser({ id: 7102, language_code: "en" });
      emulator.faults = resetSends(2, 3);
      expect(await post(textUpdate(user, "/check", 1))).toBe(200);
      expect(texts(user.id)).toEqual([intro]);
      emulator.faults = undefined;
      expect(await post(textUpdate(user, "Algeria", 1))).toBe(200);
      expect(texts(user.id)).toEqual([intro, first]);
      expect(await post(textUpdate(user, "Algeria", 1))).toBe(200);
      expect(texts(user.id)).toEqual([intro, first, second]);
    }));

  it("a later question: the person is told, and the next update brings the question", () =>
    webhook(async ({ post, texts, emulator, calm: [intro, first, second] }) => {
      const user = makeUser({ id: 7103, language_code: "en" });
      expect(await post(textUpdate(user, "/check", 1))).toBe(200);
      emulator.faults = resetSends(1);
      expect(await post(textUpdate(user, "Algeria", 1))).toBe(200);
      emulator.faults = undefined;
      expect(await post(textUpdate(user, "no", 1))).toBe(200);
      const en = createI18nForTest();
      expect(texts(user.id)).toEqual([intro, first, en("system:question_lost"), second]);
    }));
});
