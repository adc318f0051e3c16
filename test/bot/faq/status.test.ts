import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { formatDay } from "../../../src/bot/render/dates.js";
import { ANSWER_MAX_CHARS, NOTE_MAX_CHARS, renderAnswer } from "../../../src/bot/faq/renderAnswer.js";
import { pilotNote } from "../../../src/bot/faq/statusNote.js";
import { FAQ_TOPICS } from "../../../src/rules/index.js";
import { SUPPORTED_LOCALES } from "../../../src/store/index.js";

const i18n = createI18n();
const AFTER_END = "2026-12-01";
const INSIDE_PERIOD = "2025-06-01";
/** Answers about B9-1 or the Digital Nomad Residency permit: these must carry the pilot's status. */
const RESIDENCE_TOPICS = ["b91_who", "legal_basis", "permit_length", "steps_b91", "docs_residence", "b91_family", "astana_hub", "processing_times", "language"];

describe("the pilot status note", () => {
  it("is on every topic about B9-1 (all topics of the program, and the residence ones named here)", () => {
    const marked = FAQ_TOPICS.filter((t) => t.status === "dnr_pilot").map((t) => t.id);
    for (const t of FAQ_TOPICS.filter((x) => x.program === "B9-1")) expect(marked, t.id).toContain(t.id);
    for (const id of RESIDENCE_TOPICS) expect(marked, id).toContain(id);
    expect(marked).not.toContain("b121_who");
    expect(marked).not.toContain("tax");
  });

  it.each(SUPPORTED_LOCALES)("in %s, after the pilot's end, opens each B9-1 answer: set up for 2025, no extension found, where to confirm", (lng) => {
    const t = i18n.getFixedT(lng);
    const end = formatDay("2025-12-31", lng, "long");
    const expected = t("faq:note.pilot_unconfirmed", { end, year: 2025, interpolation: { escapeValue: false } });
    for (const topic of FAQ_TOPICS.filter((x) => x.status === "dnr_pilot")) {
      const a = renderAnswer(topic.id, i18n, lng, AFTER_END);
      expect(a.html.startsWith(`${expected}\n\n<b>`), `${lng} ${topic.id}`).toBe(true);
      expect(a.note).toContain(end);
      expect(a.note).toContain("2025");
      expect(a.note).toContain("astanahub.com");
      expect(a.note).toContain("eGov");
      expect(a.note).not.toContain("\n");
      expect(a.note.length, `${lng} note`).toBeLessThanOrEqual(NOTE_MAX_CHARS);
      expect(a.note.length + a.body.length, `${lng} ${topic.id} note + body`).toBeLessThanOrEqual(ANSWER_MAX_CHARS + NOTE_MAX_CHARS);
    }
    // Its two facts are cited: the pilot order's page is among the sources of an answer that cites nothing else of it.
    expect(renderAnswer("fee_evisa", i18n, lng, AFTER_END).html).toContain("adilet.zan.kz/rus/docs/G25IPM00001");
    expect(renderAnswer("fee_evisa", i18n, lng, AFTER_END).html).toContain("uchet.kz");
  });

  it.each(SUPPORTED_LOCALES)("in %s, inside the published period, says the pilot runs until its end and nothing about a missing extension", (lng) => {
    const t = i18n.getFixedT(lng);
    const unconfirmed = t("faq:note.pilot_unconfirmed", { end: "", year: 2025 }).slice(0, 12);
    for (const id of RESIDENCE_TOPICS) {
      const a = renderAnswer(id, i18n, lng, INSIDE_PERIOD);
      expect(a.note).toBe(t("faq:note.pilot_running", { end: formatDay("2025-12-31", lng, "long"), interpolation: { escapeValue: false } }));
      expect(a.html).not.toContain(unconfirmed);
    }
  });

  it.each(SUPPORTED_LOCALES)("in %s changes when the data confirms an extension", (lng) => {
    const t = i18n.getFixedT(lng);
    const extended = pilotNote({ state: "extended", end: "2025-12-31" }, t, lng);
    const unconfirmed = pilotNote({ state: "unconfirmed", end: "2025-12-31" }, t, lng);
    expect(extended).not.toBe(unconfirmed);
    expect(extended).toContain(formatDay("2025-12-31", lng, "long"));
    expect(extended).toContain("astanahub.com");
    expect(extended).not.toContain("eGov");
  });

  it("is absent from answers about other things", () => {
    for (const id of ["tax", "b121_who", "eaeu", "visa_free"]) expect(renderAnswer(id, i18n, "en", AFTER_END).note).toBe("");
  });
});

describe("answers about getting the residence permit", () => {
  it.each(SUPPORTED_LOCALES)("in %s name the 2026 permanent-residence procedure and that it is not confirmed for DNR", (lng) => {
    const start = formatDay("2026-02-13", lng, "long");
    for (const id of ["permit_length", "steps_b91", "docs_residence", "legal_basis", "language"]) {
      const a = renderAnswer(id, i18n, lng, AFTER_END);
      expect(a.body, `${lng} ${id}`).toContain(start);
      expect(a.body, `${lng} ${id}`).toContain("Digital Nomad Residency");
      expect(a.body, `${lng} ${id}: where to confirm`).toContain("https://migration.enbek.kz");
    }
  });

  it("wording: the pilot 'was set up' for 2025, no answer says it runs", () => {
    for (const topic of FAQ_TOPICS) expect(renderAnswer(topic.id, i18n, "en", AFTER_END).body, topic.id).not.toMatch(/runs as a pilot|is a pilot project/i);
  });
});
