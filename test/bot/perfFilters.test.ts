import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FeatureComposer } from "../../src/bot/middleware/featureComposer.js";

/**
 * How many of the features' filters (`command`, `callbackQuery`, `on`, `chatType`, all built on `filter`, which the
 * features' FeatureComposer replaces) an update is checked against. The features that answer only commands and
 * presses are skipped for plain text (src/bot/middleware/route.ts). Counted by watching `FeatureComposer.filter`
 * before the bot's modules load, as test/bot/commandList.test.ts watches `command`.
 */
let checks = 0;
const original = FeatureComposer.prototype.filter;
vi.spyOn(FeatureComposer.prototype, "filter").mockImplementation(function (this: FeatureComposer<never>, predicate: (ctx: never) => unknown, ...rest: unknown[]) {
  const counted = (ctx: never) => {
    checks++;
    return predicate(ctx);
  };
  return (original as (...a: unknown[]) => unknown).call(this, counted, ...rest) as never;
} as never);

const { createHarness } = await import("../helpers/testBot.js");
const { TestUser } = await import("../helpers/testUser.js");

type Harness = Awaited<ReturnType<typeof createHarness>>;
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ logLevel: "silent" });
});
afterAll(() => h.close());

describe("filters an update is checked against", () => {
  it("a question typed as text passes few of them (73 when every feature looked at it, 13 now)", async () => {
    const person = new TestUser(h, { id: 7500 });
    await person.send("how long does the b9-1 permit last"); // warm: the search index is built on first use
    checks = 0;
    await person.send("how much does the b9-1 permit cost");
    expect(person.replies().length).toBe(1);
    // What is left: the FAQ's, the time-zone reader's and the last feature's own filters.
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThanOrEqual(20);
  });

  it("a command is still checked against every command feature until one answers", async () => {
    const person = new TestUser(h, { id: 7501 });
    checks = 0;
    await person.send("/fees");
    expect(person.replies().length).toBeGreaterThan(0);
    expect(checks).toBeGreaterThan(20);
  });
});
