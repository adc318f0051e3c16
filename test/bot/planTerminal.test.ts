import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { TerminalChat } from "../../src/local/terminalChat.js";
import { OUTCOME_RECORD_VERSION } from "../../src/rules/outcome/index.js";
import { createHarness } from "../helpers/testBot.js";

describe("/plan in the local terminal chat", () => {
  it("saves the timeline picture under downloads and names the file", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = "";
    output.on("data", (d: Buffer) => (screen += d.toString("utf8")));
    const downloadsDir = mkdtempSync(join(tmpdir(), "nomad-kz-dl-"));
    const chat = new TerminalChat({ input, output, user: { id: 1, is_bot: false, first_name: "Dana", language_code: "ru" }, downloadsDir, color: false });
    const h = await createHarness({ api: chat.emulator });
    await h.services.stores.outcomes.write("1", {
      version: OUTCOME_RECORD_VERSION,
      checked_at: "2026-11-21",
      programs: [{ program: "B12-1", verdict: "eligible", route: "b12_1.no_invitation", reasons: [], fact_ids: [] }],
      fact_ids: [],
    });
    input.end("/plan\n");
    await chat.run(h.bot, []);
    h.close();
    const path = join(downloadsDir, "plan.png");
    expect(screen).toContain(`🖼 ${path}`);
    expect(screen).toContain(h.services.i18n.getFixedT("ru")("plan:picture.caption", { route: h.services.i18n.getFixedT("ru")("plan:route.b12_1.no_invitation") }));
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1000);
  });
});
