import { describe, expect, it } from "vitest";
import { matchSpecialty } from "../../../src/rules/input/specialty.js";

/** Job titles as people type them, in four languages, with the specialty code they mean. */
const EXACT: Array<[string, string]> = [
  // English
  ["I'm a backend developer", "programming"],
  ["backend developer", "programming"],
  ["Frontend Developer", "programming"],
  ["full-stack developer", "programming"],
  ["programmer", "programming"],
  ["software engineer", "programming"],
  ["Senior Python developer", "programming"],
  ["iOS developer", "programming"],
  ["C++ developer", "programming"],
  [".NET developer", "programming"],
  ["React", "programming"],
  ["ML engineer", "ai"],
  ["machine learning engineer", "ai"],
  ["AI engineer", "ai"],
  ["NLP", "ai"],
  ["data analyst", "bigdata"],
  ["data engineer", "bigdata"],
  ["big data", "bigdata"],
  ["DevOps", "devops"],
  ["DevOps/SRE", "devops"],
  ["SRE", "devops"],
  ["cloud engineer", "devops"],
  ["security analyst", "cybersecurity"],
  ["pentester", "cybersecurity"],
  ["cybersecurity specialist", "cybersecurity"],
  ["UI/UX", "uiux"],
  ["UX designer", "uiux"],
  ["product designer", "uiux"],
  ["QA automation", "automation"],
  ["SDET", "automation"],
  ["RPA developer", "automation"],
  ["business analyst", "other_it"],
  ["project manager", "other_it"],
  // Russian
  ["программист", "programming"],
  ["я бэкенд-разработчик", "programming"],
  ["frontend-разработчик", "programming"],
  ["работаю разработчиком", "programming"],
  ["1С программист", "programming"],
  ["аналитик данных", "bigdata"],
  ["инженер данных", "bigdata"],
  ["специалист по информационной безопасности", "cybersecurity"],
  ["девопс инженер", "devops"],
  ["ui/ux дизайнер", "uiux"],
  ["машинное обучение", "ai"],
  ["автотестировщик", "automation"],
  // Kazakh
  ["бағдарламашы", "programming"],
  ["мен бағдарламашымын", "programming"],
  ["бэкенд әзірлеуші", "programming"],
  ["деректер талдаушы", "bigdata"],
  ["киберқауіпсіздік маманы", "cybersecurity"],
  ["жасанды интеллект", "ai"],
  // German
  ["Softwareentwicklerin", "programming"],
  ["Ich bin Backend-Entwickler", "programming"],
  ["Programmiererin", "programming"],
  ["Datenanalystin", "bigdata"],
  ["Sicherheitsanalyst", "cybersecurity"],
  ["Produktdesigner", "uiux"],
  ["Testautomatisierer", "automation"],
  ["maschinelles Lernen", "ai"],
];

/** Answers where two fields fit: the bot asks "did you mean" with these. */
const SUGGEST: Array<[string, string[]]> = [
  ["data scientist", ["ai", "bigdata"]],
  ["Data Scientist", ["ai", "bigdata"]],
  ["дата сайентист", ["ai", "bigdata"]],
  ["тестировщик", ["automation", "other_it"]],
  ["QA", ["automation", "other_it"]],
  ["tester", ["automation", "other_it"]],
  ["Ich bin Grafikdesignerin", ["uiux", "other_it"]],
  ["graphic designer", ["uiux", "other_it"]],
  ["дизайнер", ["uiux", "other_it"]],
  ["системный администратор", ["devops", "other_it"]],
  ["frontend developer and designer", ["programming", "uiux", "other_it"]],
];

const OUTSIDE = ["teacher", "учитель", "бухгалтер", "Lehrerin", "Ärztin", "мұғалім", "sales manager", "маркетолог", "Fahrer"];
const UNKNOWN = ["", "banana", "asdf qwer", "ничего", "42", "x".repeat(300)];

describe("matchSpecialty", () => {
  it(`has at least 60 job titles across four languages (${EXACT.length + SUGGEST.length + OUTSIDE.length})`, () => {
    expect(EXACT.length + SUGGEST.length + OUTSIDE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(EXACT)("%j -> %s", (text, code) => {
    expect(matchSpecialty(text)).toEqual({ kind: "exact", code });
  });

  it.each(SUGGEST)("%j -> did you mean %j", (text, codes) => {
    expect(matchSpecialty(text)).toEqual({ kind: "suggest", codes });
  });

  it.each(OUTSIDE)("%j is said to be outside the IT list", (text) => {
    expect(matchSpecialty(text)).toEqual({ kind: "outside" });
  });

  it.each(UNKNOWN)("%j is not understood", (text) => {
    expect(matchSpecialty(text)).toEqual({ kind: "none" });
  });
});
