import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { textUpdate } from "../helpers/updates.js";

/**
 * With the emulated Bot API answering at once, updates that never wait on I/O would run back to back and
 * starve every timer (the conversations plugin's end-of-step wait, the step watchdog, the reminder dispatcher):
 * a timer due now must fire within a turn or two while updates keep coming, not after all of them.
 */
describe("updates take turns with timers", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("a timer due now fires while 20 people in a row of questions keep 100 updates coming", async () => {
    h = await createHarness({ logLevel: "silent" });
    const harness = h;
    // Warm the search and the stores so what follows measures turns, not first use.
    await harness.bot.handleUpdate(textUpdate({ id: 9_999, is_bot: false, first_name: "W", language_code: "en" }, "how much is the e-visa", harness.clock.now()));
    let done = 0;
    // As the runner does: 20 in flight, each next update handed over as soon as one is done.
    const workers = Array.from({ length: 20 }, async (_, w) => {
      for (let k = 0; k < 5; k++) {
        const user = { id: 10_000 + w * 5 + k, is_bot: false, first_name: "A", language_code: "en" };
        await harness.bot.handleUpdate(textUpdate(user, "how long does the b9-1 permit last", harness.clock.now()));
        done++;
      }
    });
    const doneWhenTimerFired = await new Promise<number>((resolve) => setTimeout(() => resolve(done), 0));
    await Promise.all(workers);
    expect(done).toBe(100);
    // Without the turns it fired only after all 100.
    expect(doneWhenTimerFired).toBeLessThanOrEqual(40);
  });

  it("keeps each chat's order: five messages sent at once are answered in the order sent", async () => {
    h = await createHarness({ logLevel: "silent" });
    const harness = h;
    const user = { id: 777, is_bot: false, first_name: "A", language_code: "en" };
    const texts = ["/start", "how much is the e-visa", "/help", "can my wife come with me", "/language"];
    await Promise.all(texts.map((t) => harness.bot.handleUpdate(textUpdate(user, t, harness.clock.now()))));
    const sends = harness.api.calls.filter((c) => c.method === "sendMessage" && Number((c.payload as { chat_id?: unknown }).chat_id) === 777);
    const one = async (t: string) => {
      const alone = await createHarness({ logLevel: "silent" });
      await alone.bot.handleUpdate(textUpdate(user, t, alone.clock.now()));
      const first = alone.api.calls.find((c) => c.method === "sendMessage")!;
      await alone.close();
      return String((first.payload as { text?: unknown }).text);
    };
    const firstTexts: string[] = [];
    for (const t of texts) firstTexts.push(await one(t));
    const order = firstTexts.map((text) => sends.findIndex((s) => String((s.payload as { text?: unknown }).text) === text));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
