import ICAL from "ical.js";
import { createEvents } from "ics";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { alarmTrigger, deadlinesToIcs, foldLine } from "../../src/bot/deadlines/ics.js";
import type { SentFile } from "../../src/local/botApiEmulator.js";
import type { Deadline } from "../../src/rules/index.js";
import { icsViolations } from "../helpers/icsStrict.js";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-21
});
afterEach(() => h.close());
const t = (lng: string) => h.services.i18n.getFixedT(lng);
const LANGS = ["en", "ru", "kk", "de"] as const;

/** Every milestone, in the order the process runs; the entry's registration days run into 2027 (a computed calendar). */
const EVERY_MILESTONE = {
  hub_applied: "2026-05-04",
  petition_issued: "2026-05-25",
  residence_applied: "2026-06-01",
  positive_decision: "2026-07-10",
  evisa_issued: "2026-03-02",
  entry: "2026-12-30",
  visa_expiry: "2027-03-01",
  b121_expiry: "2027-01-20",
  c2_expiry: "2027-04-10",
  passport_expiry: "2030-03-15",
  days_in_kz: 120,
  days_in_kz_basis: "last_12_months",
};

async function exportFor(user: TestUser): Promise<string> {
  await user.send("/deadlines");
  await user.press(t(String(user.user.language_code))("remind:btn.export"));
  const doc = h.api.calls.filter((c) => c.method === "sendDocument").at(-1)!;
  return (doc.payload.document as SentFile).content;
}

describe("the .ics file", () => {
  it.each(LANGS)("in %s, for a person with every milestone set, passes the strict RFC 5545 check", async (lng) => {
    const user = new TestUser(h, { id: 4200 + LANGS.indexOf(lng), language_code: lng });
    await h.services.stores.milestones.write(String(user.user.id), EVERY_MILESTONE);
    const file = await exportFor(user);
    expect(icsViolations(file)).toEqual([]);
    const events = new ICAL.Component(ICAL.parse(file)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThanOrEqual(8);
    // Cyrillic and German texts are long: folding had to happen, at octets.
    expect(file.split("\r\n").some((l) => l.startsWith(" "))).toBe(true);
    const registration = events.find((e) => e.summary === t(lng)("remind:deadline.registration.title"))!;
    expect(registration.startDate.isDate).toBe(true);
    expect(registration.description).toContain(t(lng)("remind:computed_calendar"));
    // The residence-permit deadline alarms on every lead day: 90, 60, 30, 14, 7 days before and on the day, at 10:00.
    const visaEnd = new ICAL.Component(ICAL.parse(file)).getAllSubcomponents("vevent").find((e) => e.getFirstPropertyValue("summary") === t(lng)("remind:deadline.residence_before_visa_end.title"))!;
    expect(visaEnd.getAllSubcomponents("valarm").map((a) => String(a.getFirstPropertyValue("trigger")))).toEqual(["-P89DT14H", "-P59DT14H", "-P29DT14H", "-P13DT14H", "-P6DT14H", "PT10H"]);
  });

  it("gives each person and deadline a UID that reveals neither, stable from one export to the next", async () => {
    const a = new TestUser(h, { id: 777_001, language_code: "en" });
    const b = new TestUser(h, { id: 777_002, language_code: "en" });
    for (const u of [a, b]) await h.services.stores.milestones.write(String(u.user.id), EVERY_MILESTONE);
    const uids = (file: string) => [...file.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim());
    const [first, again, other] = [uids(await exportFor(a)), uids(await exportFor(a)), uids(await exportFor(b))];
    expect(first).toEqual(again);
    expect(new Set([...first, ...other]).size).toBe(first.length + other.length);
    for (const uid of first) {
      // A keyed hash and the bot's name: no user id, no deadline name.
      expect(uid).toMatch(/^[0-9a-f]{32}@nomad-kz$/);
    }
  });

  it("names a 'reported' fact's caveat in the description", () => {
    const d: Deadline = { id: "b121_renewal", kind: "deadline", date: "2027-01-20", basedOn: ["b121_expiry"], facts: ["b12_1.renewals"], status: "upcoming" };
    const file = deadlinesToIcs([d], { t: t("de"), locale: "de", nowMs: h.clock.now(), uid: () => "x@nomad-kz", leadDays: () => [7, 0] });
    expect(icsViolations(file)).toEqual([]);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(file)).getFirstSubcomponent("vevent")!);
    expect(event.description).toContain(t("de")("facts:sources.reported"));
  });
});

describe("the strict check itself", () => {
  it("rejects what the `ics` package writes: lines over 75 octets and a TRIGGER of -P1DT", () => {
    const { value } = createEvents([
      { uid: "u@x", productId: "p", title: "Окончание визы B9-1 — достаточно длинный заголовок, чтобы строка вышла за предел", start: [2027, 2, 9], end: [2027, 2, 10], alarms: [{ action: "display", description: "x", trigger: { days: 1, before: true } }] },
    ]);
    const errors = icsViolations(value!);
    expect(errors.some((e) => e.startsWith("3.1: line") && e.includes("octets"))).toBe(true);
    expect(errors).toContain("3.3.6: TRIGGER -P1DT is not a duration");
  });

  it("rejects missing DTSTAMP, bad dates, unescaped commas, bare LF and a duplicated UID", () => {
    const bad = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "BEGIN:VEVENT", "UID:a", "DTSTART;VALUE=DATE:20270230", "SUMMARY:a, b", "END:VEVENT", "BEGIN:VEVENT", "UID:a", "DTSTAMP:20261121T090000Z", "DTSTART;VALUE=DATE:20270101", "END:VEVENT", "END:VCALENDAR"].join("\r\n") + "\n";
    const errors = icsViolations(bad);
    expect(errors).toEqual(
      expect.arrayContaining([
        "3.6.1: VEVENT without DTSTAMP",
        "3.3.4: DTSTART 20270230 is not a date",
        "3.3.11: SUMMARY has an unescaped ; or ,",
        "3.1: a line ends in a bare CR or LF",
        "3.8.4.7: UID a used twice",
      ]),
    );
  });

  it("folds at 75 octets without splitting a character, and writes RFC durations", () => {
    const folded = foldLine(`DESCRIPTION:${"ә".repeat(100)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${"ә".repeat(100)}`);
    expect([0, 1, 2, 7].map(alarmTrigger)).toEqual(["PT10H", "-PT14H", "-P1DT14H", "-P6DT14H"]);
  });
});
