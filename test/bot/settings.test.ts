import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatInstant } from "../../src/bot/render/dates.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-21 09:00 UTC
});
afterEach(() => h.close());
const t = (lng: string) => h.services.i18n.getFixedT(lng);

async function openPrompt(user: TestUser, lng: string): Promise<void> {
  await user.send("/settings");
  expect(user.buttons()).toContain(t(lng)("remind:settings.change_tz"));
  await user.press(t(lng)("remind:settings.change_tz"));
  expect(user.lastText()).toBe(t(lng)("remind:settings.type_tz"));
}

/** A city typed in each language, the zone it means, and that zone's city as the language writes it. */
const CITIES = [
  { lng: "en", typed: "Munich", zone: "Europe/Berlin", place: "Berlin" },
  { lng: "ru", typed: "Берлин", zone: "Europe/Berlin", place: "Берлин" },
  { lng: "kk", typed: "Мәскеу", zone: "Europe/Moscow", place: "Мәскеу" },
  { lng: "de", typed: "Moskau", zone: "Europe/Moscow", place: "Moskau" },
  { lng: "ru", typed: "Шымкент", zone: "Asia/Almaty", place: "Алматы" },
] as const;

describe("/settings: a time zone typed as a place", () => {
  it.each(CITIES)("$lng: '$typed' is $zone, confirmed with the local time before it is saved", async ({ lng, typed, zone, place }) => {
    const user = new TestUser(h, { language_code: lng });
    await openPrompt(user, lng);
    await user.reply(typed);
    const time = formatInstant(h.clock.now(), lng, zone, false);
    expect(user.lastText()).toBe(t(lng)("remind:settings.tz_confirm", { tz: zone, place, time }));
    expect((await h.services.stores.users.get(user.user.id)).timezone).toBeUndefined(); // nothing saved yet
    await user.press(t(lng)("remind:settings.btn_yes"));
    expect(user.lastText()).toBe(t(lng)("remind:settings.tz_saved", { tz: zone, time }));
    expect((await h.services.stores.users.get(user.user.id)).timezone).toBe(zone);
  });

  it("a country with one zone is that zone; one with several offers its cities with their local times", async () => {
    const user = new TestUser(h, { language_code: "de" });
    await openPrompt(user, "de");
    await user.reply("Kasachstan");
    expect(user.lastText()).toContain("<b>Asia/Almaty</b>");
    await user.press(t("de")("remind:settings.btn_no"));
    expect(user.replies()).toContain(t("de")("remind:settings.not_changed", { tz: "Asia/Almaty" }));
    await user.reply("Russland");
    expect(user.lastText()).toBe(t("de")("remind:settings.tz_pick", { place: "Russland" }));
    const moscow = `Moskau · ${formatInstant(h.clock.now(), "de", "Europe/Moscow", false)}`;
    expect(user.buttons()).toContain(moscow);
    await user.press(moscow);
    await user.press(t("de")("remind:settings.btn_yes"));
    expect((await h.services.stores.users.get(user.user.id)).timezone).toBe("Europe/Moscow");
  });

  it("an offset such as UTC+3 is understood anywhere, even without the prompt; an unknown place asks again", async () => {
    const user = new TestUser(h, { language_code: "en" });
    await user.send("UTC+3");
    // Shown as typed: the zone's IANA name (Etc/GMT-3) has the sign inverted.
    expect(user.lastText()).toContain("<b>UTC+3</b>");
    expect(user.lastText()).toContain(t("en")("remind:settings.fixed_offset"));
    expect(user.lastText()).not.toContain("GMT");
    expect(user.lastText()).toContain(formatInstant(h.clock.now(), "en", "Etc/GMT-3", false)); // 12:00 PM
    await user.press(t("en")("remind:settings.btn_yes"));
    expect((await h.services.stores.users.get(user.user.id)).timezone).toBe("Etc/GMT-3");
    expect(user.lastText()).toContain("UTC+3");
    expect(user.lastText()).not.toContain("GMT");
    await user.send("/settings");
    expect(user.lastText()).toContain("<b>UTC+3</b>");

    await openPrompt(user, "en");
    await user.reply("Narnia");
    expect(user.replies()).toEqual([t("en")("remind:settings.tz_unknown"), t("en")("remind:settings.type_tz")]);
    await user.reply("Europe/Lisbon");
    expect(user.lastText()).toContain("<b>Europe/Lisbon</b>");
  });

  it("a plain word outside the prompt is left to the FAQ, and a forged zone button changes nothing", async () => {
    const user = new TestUser(h, { language_code: "en" });
    await user.send("Berlin");
    expect(user.lastText()).not.toContain(t("en")("remind:settings.btn_yes"));
    await user.pressData("tz:set:Mars/Olympus_Mons");
    expect(user.notices()).toEqual([t("en")("errors.stale_button")]);
    expect((await h.services.stores.users.get(user.user.id)).timezone).toBeUndefined();
  });

  it.each(["en", "ru", "kk", "de"])("in %s shows the reminder hour and quiet hours as the language writes them", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/settings");
    expect(user.lastText()).not.toContain("{{");
    expect(user.lastText()).toContain(formatInstant(Date.UTC(2000, 0, 1, 22), lng as "en", "UTC", false));
  });
});
