/**
 * /check as a person on 2026-12-01 sees it: the B9-1 result leads with the program's unconfirmed status and
 * never shows a ✅; answers at the edges of the rules get an honest "cannot say" with where to ask.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, FakeClock, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ clock: new FakeClock(Date.parse("2026-12-01T06:00:00Z")) });
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);
const LANGS = ["en", "ru", "kk", "de"] as const;

/** An Algerian developer (on the reported e-visa list) with no remote income and a long-valid passport. */
const TYPED = {
  en: { country: "Algeria", no: "no", yes: "yes", passport: "2035-01-31" },
  ru: { country: "Алжир", no: "нет", yes: "да", passport: "31.01.2035" },
  kk: { country: "Алжир", no: "жоқ", yes: "иә", passport: "31.01.2035" },
  de: { country: "Algerien", no: "nein", yes: "ja", passport: "31.01.2035" },
} as const;

async function runCheck(user: TestUser, lng: (typeof LANGS)[number], opts: { degree?: boolean } = {}): Promise<string[]> {
  const s = TYPED[lng];
  await user.send("/check");
  await user.send(s.country);
  await user.send(s.no); // second citizenship
  await user.press(t(lng)("check:opt.programming"));
  await user.send(opts.degree === false ? s.no : s.yes);
  await user.send(s.yes); // portfolio
  await user.send(s.no); // remote income
  await user.send(s.no); // criminal record
  await user.send(s.passport);
  return user.replies();
}

describe("/check on 2026-12-01, after the pilot's published end", () => {
  it.each(LANGS)("the B9-1 result leads with the unconfirmed status and shows no ✅ (%s)", async (lng) => {
    const user = new TestUser(h, { language_code: lng });
    const replies = await runCheck(user, lng);
    const b91 = replies.find((r) => r.includes(t(lng)("check:program.B9-1")))!;
    expect(b91).toBeDefined();
    const lines = b91.split("\n");
    // The verdict in one line first, then the status that puts the whole program in doubt.
    expect(lines[0]).toBe(`<b>${t(lng)("check:program.B9-1")}</b> — ${t(lng)("check:verdict.unsure")}`);
    expect(lines[1]).toMatch(/^⚠️ <b>/);
    const statusHead = t(lng)("check:reason.pilot_status_unconfirmed", { pilotEnd: "X", pilotYear: 0 }).split("X")[0]!;
    expect(lines[1]).toContain(statusHead.replace("<b>", ""));
    expect(lines[1]).toContain("astanahub.com");
    expect(lines[1]).toContain("egov.kz");
    expect(b91).not.toContain("✅");
    // The 2026 residence procedure is named, with its Kazakh test, and said to be unconfirmed for DNR.
    expect(b91).toContain(t(lng)("check:reason.residence_procedure_2026", { prStart: "X", prLevel: "Y" }).split("X")[0]!);
    // The plan follows in its own message. Its fee is the residence path's state duty, not the e-visa fee of
    // the other path; its timings give Astana Hub's total, and its steps the parts.
    const plan = replies.find((r) => r.startsWith(t(lng)("check:outcome.path", { program: "B9-1" })))!;
    expect(plan).toContain(t(lng)("check:label.b9_1.fee.residence_state_duty"));
    expect(plan).not.toContain(t(lng)("check:label.b9_1.fee.evisa"));
    expect(plan).toContain(t(lng)("check:label.b9_1.time.astana_hub_review"));
    if (lng === "en") {
      expect(plan).toContain("Astana Hub stages in all: 12–17 business days");
      expect(plan).toContain("online interview with Astana Hub. — on astanahub.com (up to 5 business days)");
    }
  });

  it("the same check inside the pilot's period says the person appears to qualify", async () => {
    h.clock.set("2025-06-02T06:00:00Z");
    const user = new TestUser(h);
    const replies = await runCheck(user, "en");
    const b91 = replies.find((r) => r.includes(t("en")("check:program.B9-1")))!;
    expect(b91.split("\n")[0]).toBe(`<b>${t("en")("check:program.B9-1")}</b> — ${t("en")("check:verdict.eligible")}`);
    expect(b91).not.toContain(t("en")("check:reason.pilot_status_unconfirmed", { pilotEnd: "X", pilotYear: 0 }).split("X")[0]!);
  });

  it("without a diploma or certificates, B9-1 is a 'cannot say' naming the sources' disagreement", async () => {
    h.clock.set("2025-06-02T06:00:00Z");
    const user = new TestUser(h);
    const replies = await runCheck(user, "en", { degree: false });
    const b91 = replies.find((r) => r.includes(t("en")("check:program.B9-1")))!;
    expect(b91).toContain(t("en")("check:verdict.unsure"));
    expect(b91).toContain("if any");
  });
});

describe("/check: a stateless person", () => {
  it.each([
    ["en", "stateless"],
    ["ru", "без гражданства"],
    ["kk", "азаматтығы жоқ"],
    ["de", "staatenlos"],
  ] as const)("can type it (%s) and is not asked about a second citizenship", async (lng, typed) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send("/check");
    await user.send(typed);
    expect(user.lastText()).toContain(t(lng)("check:q.it_specialty").split("\n")[0]!);
    expect(user.replies().join("\n")).not.toContain(t(lng)("check:error.invalid_country"));
  });

  it("can press the button, and gets 'cannot say' with where to ask for both programs", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.press(t("en")("check:opt.stateless"));
    await user.press(t("en")("check:opt.devops"));
    await user.send("yes");
    await user.send("yes");
    await user.send("yes"); // remote income
    await user.send("$5,000");
    await user.send("12");
    await user.send("no");
    await user.send("2034-03-01");
    const replies = user.replies();
    const b91 = replies.find((r) => r.includes(t("en")("check:program.B9-1")))!;
    const b121 = replies.find((r) => r.includes(t("en")("check:program.B12-1")))!;
    expect(b91).toContain("stateless person");
    expect(b121).toContain("stateless person");
    expect(b121).toContain(t("en")("check:verdict.unsure"));
    expect(replies.join("\n")).not.toContain(t("en")("check:error.invalid_country"));
  });
});

describe("/check: B12-1 at the edges", () => {
  async function b121For(country: string, income: string): Promise<string> {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send(country);
    await user.send("no");
    await user.press(t("en")("check:opt.none"));
    await user.send("yes");
    await user.send(income);
    await user.send("8");
    await user.send("no");
    await user.send("2034-03-01");
    return user.replies().find((r) => r.includes(t("en")("check:program.B12-1")))!;
  }

  it("income of exactly USD 3,000 is 'cannot say', naming 'over' against 'at least'", async () => {
    const b121 = await b121For("Algeria", "3000");
    expect(b121).toContain(t("en")("check:verdict.unsure"));
    expect(b121).toMatch(/more than that.*at least that/);
  });

  it("a citizen of Kyrgyzstan is asked about income and told what applies to EAEU citizens instead", async () => {
    const b121 = await b121For("Kyrgyzstan", "4000");
    expect(b121).toContain(t("en")("check:verdict.unsure"));
    expect(b121).toContain("temporary residence permit");
    expect(b121).toMatch(/up to 90 days in any 180/);
    expect(b121).toContain("egov.kz");
  });
});
