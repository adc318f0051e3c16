/**
 * What /check works out once must not be worked out again on a later update (on the conversations plugin, which
 * replayed the flow from the top on every update until 2026-12-04, a replay redid it for replies that came from
 * its log): the result is assessed once per completed set of answers (not again when the person then
 * presses Change, a checklist or the alerts buttons under it), and the question texts are rendered once per
 * language, however many checks ask them, until the texts themselves change.
 */
import type { Message } from "grammy/types";
import type { TFunction } from "i18next";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { assess, type Profile } from "../../../src/rules/index.js";
import { ALERTS_CB } from "../../../src/bot/alerts/consent.js";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

vi.mock("../../../src/rules/index.js", async (importOriginal) => {
  const m = await importOriginal<Record<string, unknown>>();
  return { ...m, assess: vi.fn(m.assess as (...args: never[]) => unknown) };
});
const assessed = assess as unknown as ReturnType<typeof vi.fn>;
/** The citizenships of each profile assessed so far, in order. */
const assessedCitizenships = () => assessed.mock.calls.map((c) => (c[0] as Profile).citizenships.join("+"));

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  assessed.mockClear();
});
afterEach(() => h.close());

/** A whole /check in English for a citizen of Germany and France, up to the result. */
async function wholeCheck(user: TestUser): Promise<void> {
  await user.send("/check");
  await user.send("Germany");
  await user.send("yes"); // a second citizenship
  await user.send("France");
  await user.send("backend developer");
  for (let i = 0; i < 3; i++) await user.send("yes");
  await user.send("$4,500");
  await user.send("8 months");
  await user.send("no");
  await user.send("31 May 2030");
}

/** The latest message sent with buttons whose callback data starts with `prefix`. */
const messageWith = (prefix: string) =>
  h.api.calls.findLast((c) => c.method === "sendMessage" && JSON.stringify(c.payload.reply_markup ?? "").includes(`"${prefix}`))?.result as Message | undefined;

describe("/check assesses a result once", () => {
  it("per completed set of answers, not again on the presses under it", async () => {
    const t = h.services.i18n.getFixedT("en");
    const user = new TestUser(h, { language_code: "en" });
    await wholeCheck(user);
    expect(user.replies().join("\n")).toContain(t("check:outcome.your_answers"));
    // The whole profile once (stored and shown from the same results), and for the dual citizen's comparison under
    // the verdicts each other citizenship alone, once however many verdicts compare with it.
    const first = assessedCitizenships();
    expect(first.filter((c) => c === "DE+FR")).toHaveLength(1);
    const alone = first.filter((c) => c !== "DE+FR");
    expect(alone.length).toBeGreaterThan(0);
    expect(alone.every((c) => c === "DE" || c === "FR")).toBe(true);
    expect(new Set(alone).size).toBe(alone.length);

    // Presses on the result: the alerts question, a checklist, then Change on the passport date. Each replays
    // the result's step; none assesses again.
    const alerts = messageWith(ALERTS_CB.on);
    expect(alerts).toBeDefined();
    await user.pressData(ALERTS_CB.on, alerts);
    const summary = messageWith("chk:docs:");
    expect(summary).toBeDefined();
    await user.pressData("chk:docs:B12-1", summary);
    expect(user.lastText()).toContain(t("check:checklist.title", { program: "B12-1" }).slice(0, 12));
    await user.pressData("chk:chg:passport_expiry", summary);
    expect(user.lastText()).toContain(t("check:q.passport_expiry").slice(0, 12));
    expect(assessedCitizenships()).toEqual(first);

    // The date typed again completes the answers again: one more assessment of the same kind, and the result shown.
    await user.send("31 May 2030");
    expect(user.replies().join("\n")).toContain(t("check:outcome.your_answers"));
    expect(assessedCitizenships()).toEqual([...first, ...first]);
    // And a press on the new result does not assess it again either.
    await user.pressData("chk:docs:B12-1", messageWith("chk:docs:"));
    expect(assessedCitizenships()).toEqual([...first, ...first]);
  });
});

describe("/check renders its questions once per language", () => {
  /** Counts, per language and key, the `t` calls for the questions' texts from here on. */
  function countQuestionTexts(): Map<string, number> {
    const counts = new Map<string, number>();
    const i18n = h.services.i18n;
    const original = i18n.getFixedT.bind(i18n) as (lng: string) => TFunction;
    const counting = new Map<string, TFunction>();
    i18n.getFixedT = ((lng: string, ...rest: unknown[]) => {
      if (rest.length > 0) return (original as (...a: unknown[]) => TFunction)(lng, ...rest);
      let t = counting.get(lng);
      if (!t) {
        const plain = original(lng);
        t = ((key: unknown, ...args: unknown[]) => {
          if (typeof key === "string" && key.startsWith("check:q.")) counts.set(`${lng} ${key}`, (counts.get(`${lng} ${key}`) ?? 0) + 1);
          return (plain as unknown as (...a: unknown[]) => unknown)(key, ...args);
        }) as unknown as TFunction;
        counting.set(lng, t);
      }
      return t;
    }) as typeof i18n.getFixedT;
    return counts;
  }

  it("however many checks ask them, and in each language", async () => {
    const en = h.services.i18n.getFixedT("en");
    const deQuestion = h.services.i18n.getFixedT("de")("check:q.citizenship");
    const counts = countQuestionTexts();
    for (const id of [1001, 1002]) {
      const user = new TestUser(h, { id, language_code: "en" });
      await wholeCheck(user);
      expect(user.replies().join("\n")).toContain(en("check:outcome.your_answers"));
    }
    const de = new TestUser(h, { id: 1003, language_code: "de" });
    await de.send("/check");
    expect(de.replies().join("\n")).toContain(deQuestion);
    await de.send("Deutschland");
    expect(counts.get("en check:q.passport_expiry")).toBe(1);
    expect(counts.get("de check:q.citizenship")).toBe(1);
    expect(counts.get("de check:q.second_citizenship_q")).toBe(1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it("and again when the texts change", async () => {
    const first = new TestUser(h, { id: 2001, language_code: "en" });
    await first.send("/check");
    h.services.i18n.addResource("en", "check", "q.citizenship", "Which passport do you hold?");
    const second = new TestUser(h, { id: 2002, language_code: "en" });
    await second.send("/check");
    expect(second.replies()).toContain("Which passport do you hold?");
  });
});
