/**
 * Bot API faults inside conversations: 429, 5xx and network errors are retried below the
 * conversations plugin, a step that still fails keeps the flow where it was, and a message whose
 * response was lost is not sent twice.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAULTS, randomFaults, scriptedFaults } from "../../src/local/faultPlan.js";
import { createHarness, FakeClock, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
let sleeps: number[];
beforeEach(async () => {
  sleeps = [];
  h = await createHarness({
    clock: new FakeClock(Date.parse("2026-12-01T06:00:00Z")),
    logLevel: "info",
    retry: { sleep: async (ms) => void sleeps.push(ms) },
  });
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);
const stepFailed = () => t("en")("system:step_failed");

/** One answer of a /check run: typed text, or a button label to press. */
type Step = { send: string } | { press: string };
const CHECK: Step[] = [
  { send: "/check" },
  { send: "Algeria" },
  { send: "no" },
  { press: "check:opt.programming" },
  { send: "yes" },
  { send: "yes" },
  { send: "no" },
  { send: "no" },
  { send: "2035-01-31" },
];

async function act(user: TestUser, step: Step): Promise<void> {
  if ("send" in step) await user.send(step.send);
  else await user.press(t("en")(step.press));
}

/**
 * Walks /check as a patient person would: when the bot says the message was not taken into
 * account or to try again, or says nothing at all, the same answer is sent again. Returns how often that happened.
 */
async function patientCheck(user: TestUser): Promise<{ completed: boolean; repeats: number }> {
  let repeats = 0;
  for (const step of CHECK) {
    for (let tries = 0; ; tries++) {
      if (tries > 6) return { completed: false, repeats };
      if ("press" in step && !user.buttons().includes(t("en")(step.press))) {
        // The question with this button has not come (it was lost): any message brings it, as the bot said.
        await user.send("?");
        repeats++;
        continue;
      }
      await act(user, step);
      const replies = user.replies();
      // The step counts when the person sees it taken: /check by its first question, an answer by its question
      // closed with the answer noted (a next question lost then is asked on the next message, whatever it is).
      // Only the intro, or a question lost before asked instead of the answer noted: the same again.
      const taken =
        step === CHECK[0] ? user.buttons().includes(t("en")("check:opt.stateless")) : user.calls().some((c) => c.method === "editMessageText" && c.result !== undefined);
      if (replies.length > 0 && taken && !replies.includes(stepFailed()) && !replies.includes(t("en")("errors.internal"))) break;
      repeats++;
    }
  }
  // The result is complete when its last message, "Your answers" with the buttons, arrived (an earlier part lost to a
  // reset is said there; it is not sent twice).
  const last = user.replies().at(-1) ?? "";
  return { completed: last.startsWith(t("en")("check:outcome.your_answers")), repeats };
}

describe("with 20% of Bot API calls failing (429 with retry_after, 500, 502, connection resets)", () => {
  it("20 of 20 /check runs complete, with no message sent twice", async () => {
    const plan = randomFaults({
      rate: 0.2,
      seed: 20261201,
      kinds: [FAULTS.tooManyRequests, FAULTS.internal, FAULTS.badGateway, FAULTS.reset],
    });
    h.api.faults = plan;
    const results = [];
    for (let i = 0; i < 20; i++) {
      const mark = h.api.calls.length;
      try {
        results.push(await patientCheck(new TestUser(h, { id: 5000 + i })));
      } catch (e) {
        console.log(h.api.calls.slice(mark).map((c) => `${c.method} ${c.fault ?? ""} ${String(c.payload.text ?? c.payload.data ?? "").slice(0, 40)}`).join("\n"));
        console.log(h.logs.filter((l) => l.includes("error")).slice(-3).join("\n"));
        throw e;
      }
    }

    expect(results.filter((r) => r.completed)).toHaveLength(20);
    // Every kind of fault really was injected, about one call in five.
    expect(Object.keys(plan.injected).sort()).toEqual(["429", "500", "502", "reset"]);
    const injected = Object.values(plan.injected).reduce((a, b) => a + b, 0);
    expect(injected / plan.calls).toBeGreaterThan(0.15);
    expect(injected / plan.calls).toBeLessThan(0.25);
    // 429s were waited out for their retry_after (one second), the others backed off.
    expect(sleeps.filter((ms) => ms === 1000).length).toBeGreaterThanOrEqual(plan.injected["429"]!);
    // Retries are logged with the method and attempt, never with a token or the text.
    const retryLogs = h.logs.filter((l) => l.includes("retrying"));
    expect(retryLogs.length).toBeGreaterThan(0);
    expect(retryLogs[0]).toMatch(/"method":"\w+","attempt":\d/);
    // No message reached a person twice in a row: retries never resent a delivered message.
    for (let i = 0; i < 20; i++) {
      const delivered = h.api.calls.filter((c) => c.method === "sendMessage" && c.result && Number(c.payload.chat_id) === 5000 + i);
      const texts = delivered.map((c) => String(c.payload.text));
      const doubled = texts.filter((text, k) => k > 0 && text === texts[k - 1] && text !== stepFailed());
      expect(doubled).toEqual([]);
    }
    // Figures for the report: faults injected, and how often a person had to answer again.
    const repeats = results.reduce((a, r) => a + r.repeats, 0);
    // Only a reset on a message (not resent: it may have arrived) makes the person answer again.
    expect(repeats).toBeLessThanOrEqual(plan.injected.reset!);
    console.info(`fault run: ${plan.calls} calls, injected ${JSON.stringify(plan.injected)}, answers repeated: ${repeats}`);
  }, 60_000);
});

describe("a single fault inside /check", () => {
  it("a 500 then a 429 on the next question are retried: the person notices nothing", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    h.api.faults = scriptedFaults([
      { method: "sendMessage", fault: FAULTS.internal },
      { method: "sendMessage", fault: FAULTS.tooManyRequests },
    ]);
    await user.send("Algeria");
    const sent = user.calls().filter((c) => c.method === "sendMessage" && c.result);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload.text).not.toBe(stepFailed());
    expect(sleeps).toEqual([500, 1000]);
    await user.send("no");
    expect(user.buttons()).toContain(t("en")("check:opt.programming"));
  });

  it("a refused connection is retried: the question arrives once", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    h.api.faults = scriptedFaults([{ method: "sendMessage", fault: FAULTS.refused }]);
    await user.send("Algeria");
    const sent = user.calls().filter((c) => c.method === "sendMessage");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.result).toBeDefined();
  });

  it("when the first question and the notice after it are both lost, the next message brings the question, not an answer to it", async () => {
    const user = new TestUser(h);
    // The intro goes through; the first question and the failure notice meet a connection reset.
    let sends = 0;
    h.api.faults = { next: (method: string) => (method === "sendMessage" && ++sends >= 2 && sends <= 3 ? FAULTS.reset : undefined) };
    await user.send("/check");
    expect(user.replies()).toHaveLength(1); // only the intro arrived
    h.api.faults = undefined;
    // The person saw the check begin and types their citizenship: the check is still on (not the FAQ), and asks.
    await user.send("Algeria");
    expect(user.buttons()).toContain(t("en")("check:opt.stateless"));
    await user.send("Algeria");
    expect(user.buttons()).toContain(t("en")("check:opt.yes"));
    await user.send("no");
    expect(user.buttons()).toContain(t("en")("check:opt.programming"));
  });

  it("when the Bot API keeps failing, the step is kept: the same answer again continues the check", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    const question = user.lastText();
    h.api.faults = scriptedFaults(Array.from({ length: 5 }, () => ({ method: "sendMessage", fault: FAULTS.badGateway })));
    await user.send("Algeria");
    // Five attempts failed; the sixth call, telling the person, went through.
    expect(user.replies().at(-1)).toBe(t("en")("system:question_lost"));
    expect(user.calls().filter((c) => c.method === "sendMessage" && c.fault === "502")).toHaveLength(5);
    expect(sleeps).toEqual([500, 1000, 2000, 4000]);
    // The answer was kept; the next message brings the question it could not send, not the first one again.
    await user.send("Algeria");
    expect(user.lastText()).not.toBe(question);
    await user.send("no");
    expect(user.buttons()).toContain(t("en")("check:opt.programming"));
  });

  it("a lost response is not resent: the question shows once, and the repeated answer carries on", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    h.api.faults = scriptedFaults([{ method: "sendMessage", fault: FAULTS.lost }]);
    await user.send("Algeria");
    const delivered = user.calls().filter((c) => c.method === "sendMessage" && c.result);
    // The question was delivered (its response lost) and then only the notice: no second copy.
    expect(delivered.map((c) => c.payload.text)).toHaveLength(2);
    expect(delivered[1]!.payload.text).toBe(t("en")("system:question_lost"));
    const question = String(delivered[0]!.payload.text);
    // The bot cannot know that it arrived: the next message, whatever it is, asks it again; the flow goes on from there.
    await user.send("no");
    expect(user.replies()).toEqual([question]);
    await user.send("no");
    expect(user.buttons()).toContain(t("en")("check:opt.programming"));
  });

  it("a lost response to a safe call (an edit, a button answer) is simply retried", async () => {
    const user = new TestUser(h);
    await user.send("/language");
    h.api.faults = scriptedFaults([
      { method: "answerCallbackQuery", fault: FAULTS.lost },
      { method: "editMessageText", fault: FAULTS.lost },
    ]);
    await user.press("Deutsch");
    expect(user.calls().filter((c) => c.method === "editMessageText" && c.result)).toHaveLength(2);
    expect(user.replies().at(-1)).toBe(t("de")("language.saved_long", { language: "Deutsch" }));
    expect(user.replies()).not.toContain(t("de")("errors.internal"));
  });
});

describe("a part of the /check result lost to a connection reset", () => {
  it("is not sent twice: the rest arrives, and the last message says a part may be missing", async () => {
    const user = new TestUser(h);
    for (const step of CHECK.slice(0, -1)) await act(user, step);
    const before = user.replies().length;
    h.api.faults = scriptedFaults([{ method: "sendMessage", fault: FAULTS.reset }]);
    await act(user, CHECK.at(-1)!);
    const result = user.replies().slice(before);
    expect(result.at(-1)).toContain(t("en")("check:outcome.your_answers"));
    expect(result.at(-1)).toContain(t("en")("check:outcome.part_missing"));
    expect(result).toContain(t("en")("check:outcome.closing"));
    expect(result.filter((r) => r.includes(t("en")("check:program.B12-1"))).length).toBeGreaterThan(0);
    expect(new Set(result).size).toBe(result.length);
    expect(result).not.toContain(stepFailed());
  });

  it("says nothing of a missing part when every part arrived", async () => {
    const user = new TestUser(h);
    for (const step of CHECK) await act(user, step);
    expect(user.lastText()).toContain(t("en")("check:outcome.your_answers"));
    expect(user.lastText()).not.toContain(t("en")("check:outcome.part_missing"));
  });
});
