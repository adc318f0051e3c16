/**
 * A stored flow is its state (src/bot/middleware/flows.ts), read back by the next update: when the code reads a
 * state in another meaning than the one it was written in (a field renamed, a step's number shifted), the person
 * would be misled in the middle of a check. `FLOWS_VERSION` (src/bot/index.ts) is stored with each flow; a flow
 * of another version is dropped, and one that does not parse as its flow's state too.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FLOWS_VERSION } from "../../src/bot/index.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

/**
 * The flows' code at each FLOWS_VERSION. When this test fails, src/flows changed: if what a flow stores, or what a
 * stored state means, changed, bump FLOWS_VERSION; either way, record the new hash under the version that holds.
 */
const FLOWS_SOURCE = { version: 5, sha256: "ad5f0afa96b22839efb44c410457932827d3a32fc87e8a0e40f9dab68c3f3688" };

function flowsSourceHash(): string {
  const root = join(import.meta.dirname, "../../src/flows");
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).sort();
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${relative(root, join(root, f)).replaceAll("\\", "/")}\n${readFileSync(join(root, f), "utf8").replaceAll("\r\n", "\n")}\n`);
  return hash.digest("hex");
}

describe("stored flows and the flows' version", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("the flows' code is the one FLOWS_VERSION was set for", () => {
    expect(FLOWS_VERSION, "FLOWS_VERSION changed: record the flows' hash under the new version").toBe(FLOWS_SOURCE.version);
    expect(flowsSourceHash(), "src/flows changed: bump FLOWS_VERSION if a flow's calls changed, then record the hash").toBe(FLOWS_SOURCE.sha256);
  });

  it("a /check stored by an earlier version is dropped: the next message is answered as a question, not with an error", async () => {
    const harness = (h = await createHarness());
    const user = new TestUser(harness, { id: 4242 });
    await user.send("/check");
    const key = String(user.user.id);
    const stored = (await harness.services.stores.conversations.read(key)) as { v: number; flow: string } | undefined;
    expect(stored).toMatchObject({ v: FLOWS_VERSION, flow: "check" });
    await harness.services.stores.conversations.write(key, { ...stored, v: FLOWS_VERSION - 1 });

    await user.send("how much does the B9-1 visa cost");
    const t = harness.services.i18n.getFixedT("en");
    const text = user.replies().join("\n");
    expect(text).not.toContain(t("system:step_failed"));
    // Not read as the check's first answer (a country): the question goes to the FAQ, which names the fee.
    expect(text).not.toContain(t("check:error.invalid_country").slice(0, 25));
    expect(text).toMatch(/fee|MRP|cost/i);
  });
  it.each([
    ["a question id the graph does not have", { v: 0, flow: "check", fixed: { today: "2026-12-01" }, state: { state: { answered: ["shoe_size"], answers: {} }, buttonsFrom: [], invalid: 0 } }],
    ["a day that is no date", { v: 0, flow: "check", fixed: { today: "yesterday" }, state: { state: { answered: [], answers: {} }, buttonsFrom: [], invalid: 0 } }],
    ["an answer its question would not take", { v: 0, flow: "check", fixed: { today: "2026-12-01" }, state: { state: { answered: ["citizenship"], answers: { citizenship: { code: "DE" } } }, buttonsFrom: [7], invalid: 0 } }],
    ["a count of months that is no number", { v: 0, flow: "check", fixed: { today: "2026-12-01" }, state: { state: { answered: ["citizenship"], answers: { citizenship: "DE", income_months: "many" } }, buttonsFrom: [7], invalid: 0 } }],
    ["a question waiting on no message", { v: 0, flow: "check", fixed: { today: "2026-12-01" }, state: { state: { answered: [], answers: {} }, buttonsFrom: [], invalid: 0 } }],
    ["a flow this bot does not have", { v: 0, flow: "visa_lottery", fixed: {}, state: {} }],
    ["no flow at all", { v: 0, update: { message: { text: "hi" } } }],
  ])("a stored flow with %s is dropped (and deleted): the next message is answered as a question", async (_, record) => {
    const harness = (h = await createHarness());
    const user = new TestUser(harness, { id: 4343 });
    const key = String(user.user.id);
    await harness.services.stores.conversations.write(key, { ...record, v: FLOWS_VERSION });

    await user.send("how much does the B9-1 visa cost");
    const t = harness.services.i18n.getFixedT("en");
    const text = user.replies().join("\n");
    expect(text).not.toContain(t("system:step_failed"));
    expect(text).toMatch(/fee|MRP|cost/i);
    expect(await harness.services.stores.conversations.read(key)).toBeUndefined();
    await user.send("/cancel");
    expect(user.lastText()).toBe(t("cancel.nothing"));
  });
});
