import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { privacyText } from "../../src/bot/features/privacy.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const LANGS = ["en", "ru", "kk", "de"] as const;
const t = (lng: string) => h.services.i18n.getFixedT(lng);

/** The duration words each language must show, as the code's figures render in it. */
const DURATIONS = {
  en: ["24 hours", "12 months", "30 days"],
  ru: ["24 часа", "12 месяцев", "30 дней"],
  kk: ["24 сағат", "12 ай", "30 күн"],
  de: ["24 Stunden", "12 Monate", "30 Tagen"],
} as const;

describe("/privacy", () => {
  it.each(LANGS)("in %s: names /mydata and /forget, the cipher, and the figures the sweeps use, correctly inflected", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/privacy");
    const text = user.lastText();
    expect(text).toBe(privacyText(t(lng)));
    for (const part of ["/mydata", "/forget", "/cancel", "/remind", "AES-256-GCM", ...DURATIONS[lng]]) expect(text).toContain(part);
  });

  it.each(LANGS)("in %s: is listed in /help with /mydata and /forget", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/help");
    expect(user.lastText()).toContain(`/mydata — ${t(lng)("commands.mydata")}`);
    expect(user.lastText()).toContain(`/forget — ${t(lng)("commands.forget")}`);
  });
});
