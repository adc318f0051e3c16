import { describe, expect, it } from "vitest";
import type { FlowContext } from "../../../src/bot/context.js";
import { createI18n, loadResources } from "../../../src/bot/i18n.js";
import { renderProgramOutcome, renderProgramPlan } from "../../../src/flows/check/outcome.js";
import { REASON_FACTS } from "../../../src/flows/check/citations.js";
import { assess, factList, MISSING_CODES, REASON_CODES, type Profile } from "../../../src/rules/index.js";
import { SUPPORTED_LOCALES } from "../../../src/store/index.js";

const i18n = createI18n();
const TODAY = "2026-11-21";
const ctxFor = (locale: (typeof SUPPORTED_LOCALES)[number]) => ({ locale, t: i18n.getFixedT(locale) }) as unknown as FlowContext;

const base: Profile = {
  citizenships: ["KE"],
  itSpecialty: "programming",
  hasDegree: true,
  hasPortfolio: true,
  remoteForeignIncome: true,
  monthlyIncomeUsd: 5000,
  incomeMonths: 12,
  criminalRecord: false,
  passportExpiry: "2032-01-01",
};

/** Profiles that together produce every verdict and most reasons. */
const PROFILES: Profile[] = [
  base,
  { ...base, citizenships: ["DE"] },
  { ...base, citizenships: ["CN"], itSpecialty: "other_it", hasDegree: false, hasPortfolio: false },
  { ...base, citizenships: ["RU", "BR"] },
  { ...base, citizenships: ["AM"], remoteForeignIncome: false },
  { ...base, criminalRecord: true },
  { ...base, passportExpiry: "2027-03-01" },
  { ...base, passportExpiry: "2026-01-01" },
  { ...base, monthlyIncomeUsd: 3000, incomeMonths: 3, itSpecialty: "none" },
  { ...base, citizenships: ["KZ"] },
];

/** Lines that state a fact: reasons, fees, timings and the next-steps header. */
const factLines = (text: string) =>
  text.split("\n").filter((l) => /^(• |⚠️ ).*\d/.test(l) || /^\d+\. .*\(/.test(l) || /^<b>.*<\/b> \[/.test(l));

/** The result message and, when the program may fit, its plan. */
const messages = (lng: (typeof SUPPORTED_LOCALES)[number], result: Parameters<typeof renderProgramOutcome>[1], today = TODAY) =>
  [renderProgramOutcome(ctxFor(lng), result, today), renderProgramPlan(ctxFor(lng), result, today)].filter((x): x is string => x !== undefined);

describe("outcome messages", () => {
  it.each(SUPPORTED_LOCALES)("cite a source with its read or checked date for every fact they state (%s)", (lng) => {
    const t = i18n.getFixedT(lng);
    const dated = [t("facts:sources.read", { date: "" }).trim(), t("facts:sources.checked", { date: "" }).trim()];
    for (const profile of PROFILES) {
      for (const text of assess(profile, { today: TODAY }).results.flatMap((r) => messages(lng, r))) {
        expect(text.length, "Telegram's limit").toBeLessThanOrEqual(4096);
        const footer = text.slice(text.lastIndexOf(t("facts:sources.title")));
        for (const line of factLines(text)) {
          const marker = /\[(\d+(?:, \d+)*)\]$/.exec(line);
          expect(marker, `no citation on: ${line}`).not.toBeNull();
          for (const n of marker![1]!.split(", ")) {
            const source = footer.split("\n").find((l) => l.startsWith(`[${n}] `));
            expect(source, `footnote [${n}] missing`).toBeDefined();
            expect(dated.some((w) => source!.includes(w)), `footnote [${n}] undated: ${source}`).toBe(true);
          }
        }
        expect(text).not.toMatch(/\{\{|undefined|NaN|\b(check|facts|common):[a-z_]+\./);
      }
    }
  });

  it("show reported data with its caveat", () => {
    const t = i18n.getFixedT("en");
    const [b91] = assess({ ...base, citizenships: ["KE"] }, { today: TODAY }).results;
    const text = renderProgramOutcome(ctxFor("en"), b91!, TODAY);
    expect(text).toContain(t("check:reason.citizenship_on_reported_evisa_list"));
    expect(text).toContain(t("facts:sources.reported"));
  });

  it("show the B12-1 fee in KZT of the current year, and only MRP where the year's MRP is unknown", () => {
    const b121 = assess(base, { today: TODAY }).results[1]!;
    expect(renderProgramPlan(ctxFor("en"), b121, TODAY)).toContain("30 MRP (129,750 KZT in 2026)");
    const later = assess(base, { today: "2028-02-01" }).results[1]!;
    const text = renderProgramPlan(ctxFor("en"), later, "2028-02-01")!;
    expect(text).toContain("• Consular fee: 30 MRP [");
    expect(text).not.toContain("KZT in 2028");
  });

  it.each(SUPPORTED_LOCALES)("mark each line that states a reported fact with ⚠️, and show the footnote only then (%s)", (lng) => {
    const t = i18n.getFixedT(lng);
    let marked = 0;
    for (const profile of PROFILES) {
      for (const text of assess(profile, { today: TODAY }).results.flatMap((r) => messages(lng, r))) {
        const body = text.slice(0, text.lastIndexOf(t("facts:sources.title")));
        const hasMark = body.split("\n").some((l) => l.startsWith("⚠️") || /^\d+\. ⚠️/.test(l));
        expect(text.includes(t("facts:sources.reported")), text.slice(0, 80)).toBe(hasMark);
        if (hasMark) marked++;
      }
    }
    expect(marked).toBeGreaterThan(0);
  });

  it("name the citizenship a dual citizen should use", () => {
    const b121 = assess({ ...base, citizenships: ["RU", "BR"] }, { today: TODAY }).results[1]!;
    expect(renderProgramOutcome(ctxFor("ru"), b121, TODAY)).toContain("Бразил");
  });
});

describe("texts for every code", () => {
  const resources = loadResources();
  it.each(SUPPORTED_LOCALES)("%s has a text for each reason, missing item, step and option", (lng) => {
    const t = i18n.getFixedT(lng);
    const has = (key: string) => i18n.exists(key, { lng, fallbackLng: false });
    for (const code of REASON_CODES) expect(has(`check:reason.${code}`) || has(`check:reason.b91.${code}`), code).toBe(true);
    for (const code of MISSING_CODES) expect(has(`check:missing.${code}`), code).toBe(true);
    for (const list of ["b9_1.steps.residence_path", "b9_1.steps.visa_path", "b12_1.steps.no_invitation", "b12_1.steps.with_invitation"] as const) {
      for (const step of factList(list)) expect(has(`check:step.${step}`), step).toBe(true);
    }
    expect(t("check:opt.yes")).not.toBe("");
    expect(Object.keys(resources[lng] ?? {})).toEqual(expect.arrayContaining(["common", "check", "facts"]));
  });

  it("every reason is mapped to the facts it rests on", () => {
    expect(Object.keys(REASON_FACTS).sort()).toEqual([...REASON_CODES].sort());
  });
});

describe("locale texts state no numbers of their own", () => {
  it.each(SUPPORTED_LOCALES)("%s check.json: digits only in examples (<i>…</i>) and names such as B9-1", (lng) => {
    const check = loadResources()[lng]?.check as Record<string, unknown>;
    const walk = (node: unknown, path: string): string[] =>
      typeof node === "string"
        ? [`${path}: ${node}`]
        : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => walk(v, `${path}.${k}`));
    const offenders = walk(check, "check")
      .map((line) => line.replace(/<i>[^<]*<\/i>/g, "").replace(/\{\{[^}]+\}\}/g, "").replace(/\b[A-Z]\d+(-\d+)?\b/g, ""))
      .filter((line) => /\d/.test(line.slice(line.indexOf(": ") + 2)));
    expect(offenders).toEqual([]);
  });
});
