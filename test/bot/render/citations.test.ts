import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/bot/i18n.js";
import { renderAnswer } from "../../../src/bot/faq/renderAnswer.js";
import { formatDay } from "../../../src/bot/render/dates.js";
import { Citations } from "../../../src/bot/render/facts.js";
import { SOURCE_DOC_IDS as DOC_IDS } from "../../../src/rules/data/types.js";
import { DOCS_READ, FAQ_TOPICS, getFact, loadFacts } from "../../../src/rules/index.js";
import { SUPPORTED_LOCALES, type Locale } from "../../../src/store/index.js";

const i18n = createI18n();
const TODAY = "2026-12-01";
/** How the old source lines dated every source, in each language: no source line may say it again. */
const AS_OF = [/\bas of\b/i, /по состоянию на/i, /жағдай бойынша/i, /\bStand:/];

const t = (lng: Locale) => i18n.getFixedT(lng);
const read = (lng: Locale) => t(lng)("facts:sources.read", { date: formatDay(DOCS_READ, lng) });
const undated = (lng: Locale, count = 1) => t(lng)("facts:sources.undated_doc", { count, year: 2025 });
const mayHaveChanged = (lng: Locale) => t(lng)("facts:sources.checked_stale", { date: "" }).split(",").at(-1)!.trim();

function sourceLineOf(html: string): string {
  return html.slice(html.lastIndexOf("📚"));
}

describe.each(SUPPORTED_LOCALES)("source lines in %s", (lng) => {
  it("FAQ answers: no source line says 'as of'; documents say 'undated article (2025), read <date>'", () => {
    const shortNames = DOC_IDS.map((id) => t(lng)(`facts:sources.short.${id}`));
    for (const topic of FAQ_TOPICS) {
      const line = sourceLineOf(renderAnswer(topic.id, i18n, lng, TODAY).html);
      for (const re of AS_OF) expect(line, `${topic.id}: ${line}`).not.toMatch(re);
      const cited = shortNames.filter((n) => line.includes(n));
      if (cited.length === 0) continue;
      const docGroup = line
        .replace(/^📚 [^ ]+ /, "")
        .replace(/<\/i>$/, "")
        .split("; ")
        .find((g) => shortNames.some((n) => g.includes(n)));
      const count = shortNames.filter((n) => docGroup!.includes(n)).length;
      expect(docGroup, topic.id).toMatch(new RegExp(` — ${escape(undated(lng, count))}, ${escape(read(lng))}$`));
    }
  });

  it("numbered footer (/check, deadlines): every fact's sources dated as they are, never 'as of'", () => {
    const cites = new Citations(lng, TODAY);
    for (const id of loadFacts().keys()) cites.cite(id);
    const lines = cites.footer(t(lng)).replace(/<\/?i>/g, "").split("\n").filter((l) => /^\[\d+\] /.test(l));
    expect(lines.length).toBeGreaterThan(DOC_IDS.length);
    for (const line of lines) {
      for (const re of AS_OF) expect(line).not.toMatch(re);
      if (/\(S00\d\) — /.test(line)) expect(line.endsWith(` — ${undated(lng)}, ${read(lng)}`), line).toBe(true);
      else expect(line, line).toMatch(new RegExp(`\\(.*${escape(t(lng)("facts:sources.checked", { date: "" }).trim())}`));
    }
    // Five documents, each cited by many facts, still give one line each.
    expect(lines.filter((l) => /\(S00\d\) — /.test(l))).toHaveLength(DOC_IDS.length);
  });

  it("a web source shows its published and checked dates", () => {
    const cites = new Citations(lng, TODAY);
    cites.cite(getFact("kz.visa_free.turkey"));
    const line = cites.footer(t(lng)).split("\n")[1]!;
    expect(line).toContain(t(lng)("facts:sources.published", { date: formatDay("2025-08-28", lng) }));
    expect(line).toContain(t(lng)("facts:sources.checked", { date: formatDay("2026-11-01", lng) }));
  });

  it("a fact past its review date is still cited, with 'may have changed'; not before", () => {
    // b9_1.fee.evisa is a fee (12 months) read on 2026-11-21: due 2027-11-21. mrp.2026 is checked 2026-11-01: due 2027-11-01.
    const render = (today: string) => {
      const cites = new Citations(lng, today);
      const marker = cites.cite("b9_1.fee.evisa", "mrp.2026");
      return { marker, footer: cites.footer(t(lng)), compact: cites.compactFooter(t(lng)) };
    };
    const fresh = render("2027-10-31");
    expect(fresh.footer).not.toContain(mayHaveChanged(lng));
    expect(fresh.compact).not.toContain(mayHaveChanged(lng));

    const late = render("2027-12-01");
    expect(late.marker).not.toBe("");
    const lines = late.footer.split("\n").filter((l) => /^\[\d+\] /.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line, line).toContain(mayHaveChanged(lng));
    expect(late.footer).toContain(t(lng)("facts:sources.read_stale", { date: formatDay(DOCS_READ, lng) }));
    expect(late.footer).toContain(t(lng)("facts:sources.checked_stale", { date: formatDay("2026-11-01", lng) }));
    expect(late.compact).toContain(mayHaveChanged(lng));

    // Between the two review dates only the MRP's web sources have aged.
    const between = render("2027-11-15");
    const [docLines, webLines] = partition(between.footer.split("\n").filter((l) => /^\[\d+\] /.test(l)), (l) => /\(S00\d\)/.test(l));
    for (const l of docLines) expect(l).not.toContain(mayHaveChanged(lng));
    for (const l of webLines) expect(l).toContain(mayHaveChanged(lng));
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function partition<T>(xs: readonly T[], p: (x: T) => boolean): [T[], T[]] {
  return [xs.filter(p), xs.filter((x) => !p(x))];
}

describe("sources that give another value", () => {
  it("are cited with the fact, so the photo answer's 'mm slip' names S000 and S002", () => {
    const c = new Citations("en", TODAY);
    c.cite("kz.photo_size");
    const footer = c.footer(t("en"));
    for (const doc of ["S001", "S000", "S002"]) expect(footer).toContain(`(${doc})`);
  });

  it("and the income line cites S004's 'at least' next to S003's 'over'", () => {
    const c = new Citations("en", TODAY);
    c.cite("b12_1.income_monthly");
    const footer = c.footer(t("en"));
    expect(footer).toContain("(S003)");
    expect(footer).toContain("(S004)");
  });
});
