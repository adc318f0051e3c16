import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
/** The welcome is followed by the list of commands: match its start. */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);

/** Flips one bit in the middle of a stored ciphertext, as a bad disk sector would. */
async function flipBit(table: "users" | "kv", where: string, ...args: unknown[]): Promise<void> {
  const column = table === "users" ? "prefs" : "value";
  const [row] = (await h.store.sql(`SELECT ${column} AS v FROM ${table} WHERE ${where}`, args)) as Array<{ v: Buffer }>;
  if (!row) throw new Error(`no ${table} row where ${where}`);
  const at = Math.floor(row.v.length / 2);
  row.v.writeUInt8(row.v.readUInt8(at) ^ 0x04, at);
  await h.store.sql(`UPDATE ${table} SET ${column} = ? WHERE ${where}`, [row.v, ...args]);
}

describe("a stored row that fails to decrypt", () => {
  it("(settings) is treated as absent: /start, /cancel and /forget work, the person is told once, the log has no content", async () => {
    const user = new TestUser(h, { id: 930, language_code: "ru", first_name: "Dana" });
    await user.send("/language");
    await user.press("Deutsch");
    await flipBit("users", "user_id = ?", 930);

    await user.send("/start");
    expect(user.replies()).toEqual([t("ru")("privacy.unreadable"), expect.stringMatching(new RegExp(`^${escapeRe(t("ru")("start.welcome", { name: "Dana" }))}`))]);
    await user.send("/cancel");
    expect(user.replies()).toEqual([t("ru")("cancel.nothing")]); // told once only
    await user.send("/forget");
    await user.press(t("ru")("forget.erase_button"));
    expect(user.lastText()).toBe(t("ru")("forget.done"));
    expect(await h.store.sql("SELECT source FROM unreadable")).toEqual([]);

    const logs = h.logs.join("");
    expect(logs).toContain("stored data could not be read");
    expect(logs).toContain('"source":"users"');
    expect(logs).not.toMatch(/Dana|Deutsch|"de"/);
  });

  it("(an open conversation) no longer holds the person: /cancel answers, /check starts afresh, they are told once", async () => {
    const user = new TestUser(h, { id: 931, language_code: "kk" });
    await user.send("/check");
    await user.send("Германия");
    await flipBit("kv", "ns = 'conversation' AND key = ?", "931");

    await user.send("/cancel");
    expect(user.replies()).toEqual([t("kk")("privacy.unreadable"), t("kk")("cancel.nothing")]);
    await user.send("/start");
    expect(user.replies()).toEqual([expect.stringMatching(new RegExp(`^${escapeRe(t("kk")("start.welcome", { name: "Alex" }))}`))]);
    await user.send("/check");
    expect(user.lastText()).toContain(t("kk")("check:q.citizenship").split("\n")[0]!);
  });

  it("(an open conversation) does not block /forget either", async () => {
    const user = new TestUser(h, { id: 932, language_code: "de" });
    await user.send("/remind");
    await flipBit("kv", "ns = 'conversation' AND key = ?", "932");
    await user.send("/forget");
    expect(user.replies()).toEqual([t("de")("privacy.unreadable"), t("de")("forget.confirm")]);
    await user.press(t("de")("forget.erase_button"));
    expect(user.lastText()).toBe(t("de")("forget.done"));
  });
});
