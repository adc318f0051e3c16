import { Composer } from "grammy";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Every command the bot registers, seen as it registers it: Composer.command is watched before the bot's
 * modules load, so a command added anywhere is in this list without anyone writing it down.
 */
const registered = new Set<string>();
const original = Composer.prototype.command;
vi.spyOn(Composer.prototype, "command").mockImplementation(function (this: Composer<never>, command: unknown, ...rest: unknown[]) {
  for (const c of [command].flat()) if (typeof c === "string") registered.add(c);
  return (original as (...a: unknown[]) => unknown).call(this, command, ...rest) as never;
} as never);

const { createHarness } = await import("../helpers/testBot.js");
const { TestUser } = await import("../helpers/testUser.js");
const { MENU_COMMANDS, registerBotProfile } = await import("../../src/bot/commands.js");

type Harness = Awaited<ReturnType<typeof createHarness>>;
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());
const LANGS = ["en", "ru", "kk", "de"] as const;

describe("every command is findable", () => {
  it("the registered commands are the known ones (the watch works)", () => {
    expect(registered).toContain("remind");
    expect(registered).toContain("settings");
    expect([...registered].filter((c) => !(MENU_COMMANDS as readonly string[]).includes(c))).toEqual([]);
  });

  it.each(LANGS)("in %s, /help lists every registered command with its description", async (lng) => {
    const user = new TestUser(h, { id: 5000 + LANGS.indexOf(lng), language_code: lng });
    await user.send("/help");
    const t = h.services.i18n.getFixedT(lng);
    for (const c of registered) expect(user.lastText(), c).toContain(`/${c} — ${t(`commands.${c}`)}`);
  });

  it.each(LANGS)("in %s, /start names every registered command", async (lng) => {
    const user = new TestUser(h, { id: 5100 + LANGS.indexOf(lng), language_code: lng });
    await user.send("/start");
    for (const c of registered) expect(user.lastText(), c).toMatch(new RegExp(`/${c}(\\s|$)`));
  });

  it("Telegram's menu gets every registered command, described, in every language and by default", async () => {
    const before = h.api.calls.length;
    await registerBotProfile(h.bot.api, h.services.i18n);
    const calls = h.api.calls.slice(before).filter((c) => c.method === "setMyCommands");
    expect(calls.map((c) => c.payload.language_code ?? "default").sort()).toEqual(["de", "default", "en", "kk", "ru"]);
    for (const call of calls) {
      const lng = String(call.payload.language_code ?? "en");
      const t = h.services.i18n.getFixedT(lng);
      const commands = call.payload.commands as Array<{ command: string; description: string }>;
      for (const c of registered) {
        const entry = commands.find((x) => x.command === c);
        expect(entry, `${lng} /${c}`).toBeDefined();
        expect(entry!.description).toBe(t(`commands.${c}`));
        expect(entry!.description).not.toBe(`commands.${c}`);
      }
    }
  });
});
