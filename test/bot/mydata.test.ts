import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SentFile } from "../../src/local/botApiEmulator.js";
import type { PersonalDataExport } from "../../src/store/index.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { livePersonalSession, PERSON, THEIR_DATES } from "../helpers/personalSession.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const LANGS = ["en", "ru", "kk", "de"] as const;
const t = (lng: string) => h.services.i18n.getFixedT(lng);

function sentDocument(user: TestUser): { file: SentFile; caption: string; data: PersonalDataExport } {
  const call = user.calls().find((c) => c.method === "sendDocument");
  if (!call) throw new Error(`no document sent; calls: ${user.calls().map((c) => c.method).join(", ")}`);
  const file = call.payload.document as SentFile;
  return { file, caption: String(call.payload.caption), data: JSON.parse(file.content) as PersonalDataExport };
}

describe("/mydata", () => {
  it.each(LANGS)("in %s: sends a JSON file of what is stored, with a short message in the person's language", async (lng) => {
    const user = new TestUser(h, { id: 700 + LANGS.indexOf(lng), language_code: lng });
    await h.services.stores.users.update(user.user.id, { timezone: "Asia/Tashkent" });
    await user.send("/mydata");
    const { file, caption, data } = sentDocument(user);
    expect(caption).toBe(t(lng)("mydata.caption"));
    expect(file.filename).toMatch(/\.json$/);
    expect(data.user_id).toBe(user.user.id);
    expect(data.settings).toEqual({ timezone: "Asia/Tashkent", seenLocale: lng });
    expect(data.milestones).toBeNull();
    expect(data.reminders).toEqual([]);
  });

  it("holds everything of a realistic session, decrypted: dates, reminders (sent and planned), flags and the open conversation", async () => {
    const user = await livePersonalSession(h);
    await user.send("/mydata");
    const { data } = sentDocument(user);
    expect(data.settings).toMatchObject({ language: "en", timezone: "Asia/Almaty" });
    expect(data.milestones).toEqual(THEIR_DATES);
    expect(data.reminders.map((r) => r.status)).toContain("sent");
    expect(data.reminders.map((r) => r.status)).toContain("pending");
    const stored = await h.services.stores.reminders.all(user.user.id);
    expect(data.reminders.map((r) => r.deadline_date).sort()).toEqual(stored.map((r) => r.payload.date).sort());
    expect(data.reminders.every((r) => typeof r.deadline === "string" && typeof r.due_at === "string")).toBe(true);
    expect(data.reminders_paused).toBe(true);
    expect(data.last_active_day).toBe(new Date(h.clock.now()).toISOString().slice(0, 10)); // a day, not a time
    expect(JSON.stringify(data.conversation)).toContain('"citizenship":"UZ"'); // their answer to the open /check
    expect(JSON.stringify(data)).not.toContain(PERSON.first_name); // names are never stored, so never exported
    // The open /check is still open after the export.
    await user.press("No");
    expect(user.lastText()).toContain(t("en")("check:q.it_specialty").split("\n")[0]!);
  });

  it("lists data that could not be read, without content, and still exports the rest", async () => {
    const user = new TestUser(h, { id: 720 });
    await h.services.stores.milestones.write("720", { entry: "2026-11-27" });
    await h.services.stores.users.update(720, { timezone: "Europe/Berlin" });
    await h.store.sql("UPDATE users SET prefs = ? WHERE user_id = 720", [Buffer.alloc(40)]);
    await user.send("/mydata");
    const { data } = sentDocument(user);
    expect(data.milestones).toEqual({ entry: "2026-11-27" });
    expect(data.unreadable.map((u) => u.source)).toEqual(["users"]);
  });
});
