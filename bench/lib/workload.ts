import { readFileSync } from "node:fs";
import type { I18n } from "../../src/bot/i18n.js";
import type { Script, Step } from "./driver.js";

const LANGS = ["en", "ru", "kk", "de"] as const;

/** Typed answers per language: a typo in the first country (answered by "did you mean"), then a clean one. */
const TYPED = {
  en: { typo: "Germny", pick: "Germany", second: "France", income: "$4,500", months: "8", passport: "31 May 2030" },
  ru: { typo: "Германя", pick: "Германия", second: "Франция", income: "4 500 долларов", months: "8", passport: "31.05.2030" },
  kk: { typo: "Германя", pick: "Германия", second: "Франция", income: "4500$", months: "сегіз", passport: "2030 жылғы 31 мамыр" },
  de: { typo: "Deutschlnd", pick: "Deutschland", second: "Frankreich", income: "4.500 USD", months: "8 Monate", passport: "31. Mai 2030" },
} as const;

/** A whole /check of 11 questions (second citizenship included): typed and pressed answers, a typo. */
function checkScript(i18n: I18n, lang: (typeof LANGS)[number], pressed: boolean): Script {
  const t = i18n.getFixedT(lang);
  const s = TYPED[lang];
  const yes: Step = pressed ? { press: t("check:opt.yes") } : { text: t("check:opt.yes").toLowerCase() };
  const no: Step = pressed ? { press: t("check:opt.no") } : { text: t("check:opt.no").toLowerCase() };
  return {
    name: `check:${lang}:${pressed ? "pressed" : "typed"}`,
    lang,
    kind: "check",
    steps: [
      { text: "/check" },
      { text: s.typo },
      { press: s.pick },
      yes,
      { text: s.second },
      { press: t("check:opt.programming") },
      yes,
      yes,
      yes,
      { text: s.income },
      { text: s.months },
      no,
      { text: s.passport },
    ],
  };
}

/** Commands and the main menu's buttons. */
function commandScript(i18n: I18n, lang: (typeof LANGS)[number]): Script {
  const t = i18n.getFixedT(lang);
  return {
    name: `command:${lang}`,
    lang,
    kind: "command",
    steps: [{ text: "/start" }, { press: t("menu.help") }, { text: "/start" }, { press: t("menu.privacy") }],
  };
}

/** Free-text questions of the second labelled set, three a person, in the set's order. */
function faqScripts(): Script[] {
  const set = JSON.parse(readFileSync(new URL("../../test/data/faq-questions-2.json", import.meta.url), "utf8")) as Array<{ lang: string; q: string }>;
  const out: Script[] = [];
  for (const lang of LANGS) {
    const qs = set.filter((x) => x.lang === lang).map((x) => x.q);
    for (let i = 0; i + 3 <= qs.length; i += 3) {
      out.push({ name: `faq:${lang}:${i}`, lang, kind: "faq", steps: qs.slice(i, i + 3).map((text) => ({ text })) });
    }
  }
  return out;
}

export interface Workload {
  /** Every distinct script once (the reference run). */
  distinct: Script[];
  /** The script of the n-th person: per 10 people 1 /check, 2 command-and-button people, 7 asking questions. */
  scriptOf(n: number): Script;
}

/**
 * The mixed workload: by updates about 50% free-text questions (four languages), 29% /check steps (typed
 * and pressed, countries typed with typos), 12% commands, 9% button presses.
 */
export function mixedWorkload(i18n: I18n): Workload {
  const checks = LANGS.flatMap((l) => [checkScript(i18n, l, false), checkScript(i18n, l, true)]);
  const commands = LANGS.map((l) => commandScript(i18n, l));
  const faqs = faqScripts();
  return {
    distinct: [...checks, ...commands, ...faqs],
    scriptOf(n) {
      const slot = n % 10;
      const k = Math.floor(n / 10);
      if (slot === 0) return checks[k % checks.length]!;
      if (slot <= 2) return commands[(k * 2 + slot) % commands.length]!;
      return faqs[(k * 7 + slot) % faqs.length]!;
    },
  };
}

export { checkScript, LANGS };
