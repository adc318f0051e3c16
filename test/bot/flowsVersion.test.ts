/**
 * A stored conversation is a replay log: the conversations plugin replays the flow's code against it, and when the
 * code makes other calls than the ones logged (a reply moved to another step, a wait added), the replay fails with
 * "Bad replay" on every message until the person sends /cancel. `FLOWS_VERSION` (src/bot/index.ts) is the version
 * the plugin stores with each log; a log of another version is dropped, not replayed.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FLOWS_VERSION } from "../../src/bot/index.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

/**
 * The flows' code at each FLOWS_VERSION. When this test fails, src/flows changed: if the calls a flow makes to the
 * conversation or to the Bot API inside it (wait, external, reply, halt ...) change in kind, order or number at any
 * step, bump FLOWS_VERSION; either way, record the new hash under the version that holds.
 */
const FLOWS_SOURCE = { version: 4, sha256: "abfc3d1224441a08afcb283a4e3371ad51583b49b1f7870b2d6cb9f775795b96" };

function flowsSourceHash(): string {
  const root = join(import.meta.dirname, "../../src/flows");
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).sort();
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${relative(root, join(root, f)).replaceAll("\\", "/")}\n${readFileSync(join(root, f), "utf8").replaceAll("\r\n", "\n")}\n`);
  return hash.digest("hex");
}

describe("stored conversations and the flows' version", () => {
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
    const stored = (await harness.services.stores.conversations.read(key)) as { version: [unknown, number] } | undefined;
    expect(stored?.version?.[1]).toBe(FLOWS_VERSION);
    await harness.services.stores.conversations.write(key, { ...stored, version: [stored!.version[0], FLOWS_VERSION - 1] });

    await user.send("how much does the B9-1 visa cost");
    const t = harness.services.i18n.getFixedT("en");
    const text = user.replies().join("\n");
    expect(text).not.toContain(t("system:step_failed"));
    // Not read as the check's first answer (a country): the question goes to the FAQ, which names the fee.
    expect(text).not.toContain(t("check:error.invalid_country").slice(0, 25));
    expect(text).toMatch(/fee|MRP|cost/i);
  });
});
