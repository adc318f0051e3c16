/**
 * Parsing an answer (a country with typo tolerance, a job title, an amount, a duration, a date) happens once, on
 * the update that brings it: the parsed value travels in the flow's stored state (flows/step.ts), and no later
 * update parses it again.
 */
import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { matchCountry } from "../../../src/rules/input/country.js";
import { parseAmount } from "../../../src/rules/input/amount.js";
import { parseDate } from "../../../src/rules/input/date.js";
import { parseDuration } from "../../../src/rules/input/duration.js";
import { matchSpecialty } from "../../../src/rules/input/specialty.js";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

/** The module as it is, with `name` wrapped in a spy (vi.mock is hoisted, so this is too). */
const { spy } = vi.hoisted(() => ({
  spy: (name: string) => async (importOriginal: () => Promise<Record<string, unknown>>) => {
    const m = await importOriginal();
    return { ...m, [name]: vi.fn(m[name] as (...args: never[]) => unknown) };
  },
}));
vi.mock("../../../src/rules/input/country.js", spy("matchCountry"));
vi.mock("../../../src/rules/input/amount.js", spy("parseAmount"));
vi.mock("../../../src/rules/input/date.js", spy("parseDate"));
vi.mock("../../../src/rules/input/duration.js", spy("parseDuration"));
vi.mock("../../../src/rules/input/specialty.js", spy("matchSpecialty"));

const parsers = { matchCountry, matchSpecialty, parseAmount, parseDuration, parseDate } as unknown as Record<string, ReturnType<typeof vi.fn>>;
/** What each parser was called with, in order. */
const parsed = () => Object.fromEntries(Object.entries(parsers).map(([name, fn]) => [name, fn.mock.calls.map((c) => c[0])]));

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  for (const fn of Object.values(parsers)) fn.mockClear();
});
afterEach(() => h.close());

describe("/check parses each answer once", () => {
  it("over a whole check with typed answers, a typo and a second citizenship, and presses on the result", async () => {
    const t = h.services.i18n.getFixedT("en");
    const user = new TestUser(h, { language_code: "en" });
    await user.send("/check");
    await user.send("Germny"); // "did you mean"
    await user.press("Germany");
    await user.send("yes"); // a second citizenship
    await user.send("France");
    await user.send("backend developer");
    for (let i = 0; i < 3; i++) await user.send("yes");
    await user.send("$4,500");
    await user.send("8 months");
    await user.send("no");
    await user.send("31 May 2030");
    expect(user.replies().join("\n")).toContain(t("check:outcome.your_answers"));
    // Presses on the result ("Your answers") replay the flow again: the documents of B12-1, then reopening the
    // income question.
    const summary = h.api.calls.findLast((c) => c.method === "sendMessage" && JSON.stringify(c.payload.reply_markup ?? "").includes("chk:docs:"));
    const message = summary?.result as Message | undefined;
    expect(message).toBeDefined();
    await user.pressData("chk:docs:B12-1", message);
    expect(user.lastText()).toContain(t("check:checklist.title", { program: "B12-1" }).slice(0, 12));
    await user.pressData("chk:chg:monthly_income", message);
    await user.send("$5,000");
    expect(parsed()).toEqual({
      matchCountry: ["Germny", "France"],
      matchSpecialty: ["backend developer"],
      parseAmount: ["$4,500", "$5,000"],
      parseDuration: ["8 months"],
      parseDate: ["31 May 2030"],
    });
  });

  it("an unusable answer is parsed once too, and the next one once", async () => {
    const user = new TestUser(h, { language_code: "en" });
    await user.send("/check");
    await user.send("Atlantis");
    await user.send("Atlantis");
    await user.send("Germany");
    expect(parsed().matchCountry).toEqual(["Atlantis", "Atlantis", "Germany"]);
  });
});
