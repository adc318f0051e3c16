import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sweepAbandonedConversations } from "../../src/bot/housekeeping.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // fake clock: 2026-11-21 14:00 in Almaty
});
afterEach(() => h.close());

const t = (lng: string) => h.services.i18n.getFixedT(lng);
const q = (lng: string, id: string) => t(lng)(`check:q.${id}`).split("\n")[0]!;

/** Answers typed in each language for a German remote developer with a valid passport. */
const SCRIPTS = {
  en: { country: "Germany", yes: "yes", no: "no", income: "$4,500", months: "8", passport: "31 May 2030" },
  ru: { country: "Германия", yes: "да", no: "нет", income: "4 500 долларов", months: "8", passport: "31.05.2030" },
  kk: { country: "Германия", yes: "иә", no: "жоқ", income: "4500$", months: "сегіз", passport: "2030 жылғы 31 мамыр" },
  de: { country: "Deutschland", yes: "ja", no: "nein", income: "4.500 USD", months: "8 Monate", passport: "31. Mai 2030" },
} as const;

describe("/check dialogue", () => {
  it.each(Object.keys(SCRIPTS) as Array<keyof typeof SCRIPTS>)("reaches an outcome in %s with typed answers", async (lng) => {
    const s = SCRIPTS[lng];
    const user = new TestUser(h, { language_code: lng });
    await user.send("/check");
    expect(user.replies()[0]).toContain(t(lng)("check:intro", { count: 11 }).slice(0, 20));
    expect(user.lastText()).toContain(q(lng, "citizenship"));
    await user.send(s.country);
    expect(user.lastText()).toContain(q(lng, "second_citizenship_q"));
    await user.send(s.no);
    expect(user.lastText()).toContain(q(lng, "it_specialty"));
    await user.press(t(lng)("check:opt.programming"));
    expect(user.lastText()).toContain(q(lng, "has_degree"));
    await user.send(s.yes);
    await user.send(s.yes);
    expect(user.lastText()).toContain(q(lng, "remote_income"));
    await user.send(s.yes);
    await user.send(s.income);
    expect(user.lastText()).toContain(q(lng, "income_months"));
    await user.send(s.months);
    expect(user.lastText()).toContain(q(lng, "criminal_record"));
    await user.send(s.no);
    expect(user.lastText()).toContain(q(lng, "passport_expiry"));
    await user.send(s.passport);
    const replies = user.replies();
    const b91 = replies.find((r) => r.includes(t(lng)("check:program.B9-1")))!;
    const b121 = replies.find((r) => r.includes(t(lng)("check:program.B12-1")))!;
    const answers = replies.at(-1)!;
    expect(b91).toContain(t(lng)("check:program.B9-1"));
    expect(b91).toContain(t(lng)("check:verdict.unsure")); // Germany is on no published e-visa list
    expect(b121).toContain(t(lng)("check:program.B12-1"));
    expect(b121).toContain(t(lng)("check:verdict.eligible"));
    expect(answers).toContain(t(lng)("check:outcome.your_answers"));
    expect(replies.at(-2)).toBe(t(lng)("check:outcome.closing"));
    const buttons = user.buttons();
    expect(buttons).toContain(t(lng)("check:btn.change", { question: t(lng)("check:summary.citizenship") }));
    expect(buttons.slice(-3)).toEqual([t(lng)("menu.remind"), t(lng)("menu.faq"), t(lng)("check:btn.check_again")]);
  });

  it("skips questions that cannot change the outcome and ends early when nothing fits", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("Brazil");
    await user.press("No");
    await user.press(t("en")("check:opt.none"));
    expect(user.lastText()).toContain(q("en", "remote_income")); // degree and portfolio skipped
    await user.press("No");
    const texts = user.replies();
    expect(texts.some((x) => x.includes(t("en")("check:verdict.not_eligible")))).toBe(true);
    expect(texts.join("\n")).not.toContain(q("en", "criminal_record"));
  });

  it("rejects bad input with a hint and keeps asking the same question", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("Atlantis");
    expect(user.lastText()).toBe(t("en")("check:error.invalid_country"));
    await user.sendSticker();
    expect(user.lastText()).toBe(t("en")("check:error.text_only"));
    await user.send("Kenya");
    await user.press("No");
    await user.press(t("en")("check:opt.devops"));
    await user.send("maybe");
    expect(user.lastText()).toBe(t("en")("check:error.choose_button"));
    await user.send("yes");
    await user.send("yes");
    await user.send("yes");
    await user.send("-300");
    expect(user.lastText()).toBe(t("en")("check:error.invalid_amount"));
    await user.send("3000 EUR"); // no official rate is embedded: the bot asks for dollars instead of guessing one
    expect(user.lastText()).toBe(t("en")("check:error.no_rate", { currency: "EUR" }));
    await user.send("3500");
    await user.send("six and a half");
    expect(user.lastText()).toBe(t("en")("check:error.invalid_count"));
    await user.send("6");
    await user.send("no");
    await user.send("31.02.2030");
    expect(user.lastText()).toBe(t("en")("check:error.invalid_date"));
    await user.send("next year sometime");
    expect(user.lastText()).toBe(t("en")("check:error.unrecognised_date"));
    await user.send("2031-01-15");
    expect(user.replies().join("\n")).toContain(t("en")("check:program.B12-1"));
  });

  it("offers 'did you mean' for a misspelt country and accepts the suggestion", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("Germny");
    expect(user.lastText()).toBe(t("en")("check:did_you_mean"));
    expect(user.buttons()).toContain("Germany");
    await user.press("Germany");
    expect(user.lastText()).toContain(q("en", "second_citizenship_q"));
    expect(user.replies().join("\n")).toContain(t("en")("check:answered", { answer: "Germany" }));
  });

  it("goes back to change the previous answer, and restarts from the first question", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("India");
    await user.press("Yes");
    expect(user.lastText()).toContain(q("en", "second_citizenship"));
    await user.press(t("en")("check:btn.back"));
    expect(user.lastText()).toContain(q("en", "second_citizenship_q"));
    await user.press("No");
    expect(user.lastText()).toContain(q("en", "it_specialty"));
    await user.press(t("en")("check:btn.restart"));
    expect(user.lastText()).toContain(q("en", "citizenship"));
  });

  it("ignores a press on an old question's buttons", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("India");
    const oldQuestion = h.api.calls.filter((c) => c.method === "sendMessage").at(-1)!.result as never;
    await user.press("No");
    await user.pressData("chk:a:yes", oldQuestion);
    expect(user.notices()).toEqual([t("en")("check:error.stale")]);
    await user.press(t("en")("check:opt.ai"));
    expect(user.lastText()).toContain(q("en", "has_degree"));
  });

  it("stops on /cancel at any step, and the answers are gone", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("India");
    expect(await h.services.stores.conversations.read(String(user.user.id))).toBeDefined();
    await user.send("/cancel");
    expect(user.lastText()).toBe(t("en")("cancel.done"));
    expect(await h.services.stores.conversations.read(String(user.user.id))).toBeUndefined();
    await user.send("No");
    // A plain message again, not an answer to the check.
    expect(user.lastText()).not.toContain(q("en", "it_specialty"));
    expect(user.lastText()).not.toBe(t("en")("check:error.choose_button"));
  });

  it("answers /help during the check without leaving it", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("India");
    await user.send("/help");
    expect(user.lastText()).toContain(t("en")("help.title"));
    await user.press("No");
    expect(user.lastText()).toContain(q("en", "it_specialty"));
  });

  it("deletes the answers as soon as the person leaves the result", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("Kazakhstan");
    expect(user.replies().join("\n")).toContain(t("en")("check:reason.kazakh_citizen"));
    // Kept while the result can still be changed…
    expect(await h.services.stores.conversations.read(String(user.user.id))).toBeDefined();
    await user.send("what is B12-1?");
    // …and gone once the person moves on; the message is answered by the bot, not swallowed by the check.
    expect(await h.services.stores.conversations.read(String(user.user.id))).toBeUndefined();
    expect(user.replies().length).toBeGreaterThan(0);
  });

  it("deletes an abandoned check after 24 hours", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("India");
    h.clock.advance(23 * 3600_000);
    expect(await sweepAbandonedConversations(h.services)).toBe(0);
    h.clock.advance(2 * 3600_000);
    expect(await sweepAbandonedConversations(h.services)).toBe(1);
    expect(await h.services.stores.conversations.read(String(user.user.id))).toBeUndefined();
  });

  it("runs only in private chats and points groups to a private chat", async () => {
    const user = new TestUser(h);
    await user.sendInGroup(`/check@${h.api.botInfo.username}`);
    const reply = h.api.calls.at(-1)!;
    expect(reply.payload).toMatchObject({ chat_id: -100500, text: t("en")("check:private_only") });
    const button = (reply.payload.reply_markup as { inline_keyboard: Array<Array<{ url: string }>> }).inline_keyboard[0]![0]!;
    expect(button.url).toBe(`https://t.me/${h.api.botInfo.username}?start=check`);
  });

  it("leads from the result to the FAQ and to reminders", async () => {
    const user = new TestUser(h);
    await user.send("/check");
    await user.send("Kazakhstan");
    await user.press(t("en")("menu.faq"));
    expect(user.lastText()).toBe(t("en")("faq:ui.menu_title"));
    await user.send("/check");
    await user.send("Kazakhstan");
    await user.press(t("en")("menu.remind"));
    expect(user.lastText()).toBe(t("en")("remind:intro"));
  });

  it("starts from the deep link and from the /start menu", async () => {
    const user = new TestUser(h);
    await user.send("/start check");
    expect(user.lastText()).toContain(q("en", "citizenship"));
    const other = new TestUser(h, { id: 999 });
    await other.send("/start");
    await other.press(t("en")("menu.check"));
    expect(other.lastText()).toContain(q("en", "citizenship"));
  });
});

describe("/check across a restart", () => {
  it("resumes at the same question after the process restarts", async () => {
    const user = new TestUser(h, { language_code: "de" });
    await user.send("/language");
    await user.press("Deutsch");
    await user.send("/check");
    await user.send("Kenia");
    await user.send("nein");
    expect(user.lastText()).toContain(q("de", "it_specialty"));
    const question = h.api.calls.filter((c) => c.method === "sendMessage").at(-1)!.result as never;

    const restarted = await h.restart();
    h = restarted;
    user.useHarness(restarted);
    await user.pressData("chk:a:programming", question); // the question asked before the restart still counts
    expect(user.lastText()).toContain(q("de", "has_degree"));
    await user.send("/help");
    expect(user.lastText()).toContain(t("de")("help.title")); // language kept too
  });
});
