import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { TerminalChat } from "../../src/local/terminalChat.js";
import { createHarness } from "../helpers/testBot.js";
import { npmStart, ownLines } from "../helpers/process.js";

/** Runs a scripted terminal session against the real bot and returns what the screen showed. */
async function session(lines: string[], language_code = "en") {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = "";
  output.on("data", (d: Buffer) => (screen += d.toString("utf8")));
  const downloadsDir = mkdtempSync(join(tmpdir(), "nomad-kz-dl-"));
  const chat = new TerminalChat({ input, output, user: { id: 1, is_bot: false, first_name: "Dana", language_code }, downloadsDir, color: false });
  const h = await createHarness({ api: chat.emulator });
  input.end(lines.join("\n") + "\n");
  await chat.run(h.bot, ["banner line"]);
  h.close();
  return { screen, t: h.services.i18n.getFixedT.bind(h.services.i18n) };
}

describe("local terminal chat", () => {
  it("shows replies as text and buttons as numbered choices; a number presses the button", async () => {
    const { screen, t } = await session(["/start", "4", "4", "/help"]);
    expect(screen).toContain("banner line");
    expect(screen).toContain("you › /start");
    expect(screen).toMatch(/\[1\] ✅ Check my eligibility\n\s+\[2\] 📚 Questions and answers\n\s+\[3\] ⏰ Deadlines and reminders\n\s+\[4\] 🌐 Language/);
    expect(screen).toContain("B9-1 Digital Nomad"); // <b> tags rendered, not shown raw
    expect(screen).not.toContain("<b>");
    expect(screen).toMatch(/\[4\] Deutsch/);
    expect(screen).toContain(t("de")("language.saved_long", { language: "Deutsch" }));
    expect(screen).toContain(ownText(t("de")("help.title")));
  });

  it("sends a number as text when the line starts with a quote, and stops at /quit", async () => {
    const { screen, t } = await session(["/language", "'1", "/quit", "/help"]);
    expect(screen).toContain(ownText(t("en")("faq:chat.out_of_scope")));
    expect(screen).not.toContain(ownText(t("en")("help.title")));
  });

  it("a line typed after a prompt that opens the reply field goes out as a reply to it, as in Telegram", async () => {
    // /settings → Change time zone → the typed city answers the prompt (the bot reads it only as a reply).
    const { screen, t } = await session(["/settings", "1", "Berlin", "1", "/settings", "1", "utc-3", "1", "Berlin"]);
    expect(screen).toContain(ownText(t("en")("remind:settings.tz_saved", { tz: "Europe/Berlin", time: "" })).split("(")[0]);
    expect(screen).toMatch(/you › utc-3\nbot › Time zone UTC-3 \(a fixed offset/);
    expect(screen).not.toContain("GMT");
    // Once answered, the reply field is closed: a city typed later is a question again, not a time zone.
    expect(screen.split("you › Berlin").at(-1)).not.toContain("Time zone Europe/Berlin");
  });

  it("ignores a number when no buttons are shown", async () => {
    const { screen, t } = await session(["/cancel", "3"]);
    expect(screen).toContain("you › 3\nbot › " + ownText(t("en")("faq:chat.out_of_scope")));
  });
});

describe("npm start without a token", () => {
  it("opens the local chat on the embedded database and keeps the language across runs", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "nomad-kz-local-"));
    const first = npmStart({ DATA_DIR: dataDir }, "/language\n3\n");
    expect(await first.exited).toBe(0);
    expect(first.stdout()).toContain("nomad-kz · local chat");
    expect(first.stdout()).toContain("generated a new data key");
    expect(first.stdout()).toContain("Қазақша");
    expect(ownLines(first.stderr())).toEqual([]);
    const second = npmStart({ DATA_DIR: dataDir }, "/cancel\n");
    expect(await second.exited).toBe(0);
    expect(second.stdout()).toContain("language kk");
    expect(second.stdout()).not.toContain("generated a new data key");
    expect(readFileSync(join(dataDir, "data.key"), "utf8")).toMatch(/^[0-9a-f]{64}\n$/);
  }, 40_000);
});

function ownText(html: string): string {
  return html.replace(/<[^>]+>/g, "");
}
