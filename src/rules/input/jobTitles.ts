import type { ItSpecialty } from "../eligibility/codes.js";

/**
 * Job titles, stacks and abbreviations in en/ru/kk/de -> the /check specialty codes (IT_SPECIALTIES).
 *
 * Each term is a sequence of word stems, written folded as `foldCase` + `foldKazakh` fold them (Latin without
 * diacritics, Kazakh letters as their Russian look-alikes, "ё" as "е"). A stem matches a word that starts with
 * it, so one stem covers the inflections ("разработчик" matches "разработчиком", "entwickler" matches
 * "entwicklerin"); a stem of six letters or more also matches inside a word, for German compounds
 * ("softwareentwicklerin", "grafikdesignerin"). Stems shorter than four letters ("qa", "ml", "ux") match only a
 * whole word. A term of several stems covers its words, and shorter terms inside it are then ignored
 * ("data analyst" wins over "analyst").
 *
 * Two codes on one term mean "either fits": the bot asks "did you mean". `none` marks jobs outside IT; such an
 * answer is said back plainly as outside the in-demand IT list. Written by hand: no library maps job titles in
 * these four languages to this program's specialty list.
 */
export interface JobTerm {
  readonly stems: readonly string[];
  readonly codes: readonly ItSpecialty[];
}

const T = (phrase: string, ...codes: ItSpecialty[]): JobTerm => ({ stems: phrase.split(" "), codes });

export const JOB_TERMS: readonly JobTerm[] = [
  // Programming: roles
  ...["developer", "programmer", "coder", "software engineer", "software developer", "backend", "back end", "frontend", "front end",
    "fullstack", "full stack", "webdev", "web developer", "mobile developer", "game developer", "gamedev", "1c", "sde", "swe"].map((p) => T(p, "programming")),
  ...["разработчик", "программист", "кодер", "бэкенд", "бекенд", "фронтенд", "фулстек", "фуллстек", "веб разработчик", "геймдев",
    "инженер программист", "1с"].map((p) => T(p, "programming")),
  ...["багдарламашы", "багдарламалаушы", "азирлеуши", "бағдарламашы"].map((p) => T(p, "programming")),
  ...["entwickler", "programmierer", "softwareingenieur", "anwendungsentwickler", "informatiker"].map((p) => T(p, "programming")),
  // Programming: stacks
  ...["python", "java", "javascript", "typescript", "golang", "go developer", "rust", "php", "ruby", "kotlin", "swift", "flutter",
    "react", "angular", "vue", "node", "nodejs", "dotnet", "net developer", "c#", "c++", "cpp", "ios", "android", "django", "laravel",
    "spring", "unity", "unreal", "питон", "джава"].map((p) => T(p, "programming")),
  // Testing: automated testing is automation; manual testing is IT outside the named fields
  ...["qa", "tester", "testing", "quality assurance", "тестировщик", "тестировщица", "тестер", "тестилеуши", "тестилеуші", "softwaretester",
    "testingenieur"].map((p) => T(p, "automation", "other_it")),
  ...["qa automation", "automation qa", "rpa developer", "автотестировщик", "test automation", "automation tester", "sdet", "автотест", "автоматизатор тестирования",
    "testautomatisierer", "testautomatisierung"].map((p) => T(p, "automation")),
  // Automation
  ...["automation engineer", "rpa", "robotic process", "инженер автоматизации", "автоматизация", "автоматтандыру",
    "automatisierung"].map((p) => T(p, "automation")),
  // Data and AI
  ...["data scientist", "data science", "дата сайентист", "датасайентист", "data scientistin", "datenwissenschaftler"].map((p) =>
    T(p, "ai", "bigdata"),
  ),
  ...["data analyst", "data engineer", "big data", "bigdata", "bi analyst", "bi developer", "hadoop", "spark", "etl", "dwh",
    "аналитик данных", "дата аналитик", "инженер данных", "дата инженер", "большие данные", "деректер талдаушы", "деректер",
    "datenanalyst", "datenanalytiker", "dateningenieur", "datenbank"].map((p) => T(p, "bigdata")),
  ...["ml", "mlops", "machine learning", "ml engineer", "ai engineer", "ai", "artificial intelligence", "deep learning", "nlp",
    "computer vision", "llm", "pytorch", "tensorflow", "prompt engineer", "машинное обучение", "искусственный интеллект", "ии",
    "нейросет", "жасанды интеллект", "машиналык оку", "kunstliche intelligenz", "ki", "maschinelles lernen", "ki ingenieur"].map((p) =>
    T(p, "ai"),
  ),
  // Security
  ...["security", "cybersecurity", "cyber security", "infosec", "pentester", "pentest", "penetration tester", "soc analyst",
    "security analyst", "security engineer", "appsec", "безопасност", "кибербезопасност", "информационная безопасность", "пентестер",
    "иб", "киберкауипсиздик", "кауипсиздик", "sicherheitsanalyst", "it sicherheit", "cybersicherheit", "informationssicherheit",
    "sicherheitsingenieur"].map((p) => T(p, "cybersecurity")),
  // DevOps
  ...["devops", "dev ops", "sre", "site reliability", "platform engineer", "cloud engineer", "kubernetes", "docker", "terraform",
    "aws", "azure", "gcp", "девопс", "девопс инженер", "облач"].map((p) => T(p, "devops")),
  ...["system administrator", "sysadmin", "системный администратор", "сисадмин", "жуйелик администратор",
    "systemadministrator", "administrator"].map((p) => T(p, "devops", "other_it")),
  // Design
  ...["ui", "ux", "ui ux", "uiux", "ux ui", "ui designer", "ux designer", "product designer", "interaction designer", "web designer",
    "figma", "ux researcher", "ui дизайнер", "ux дизайнер", "продуктовый дизайнер", "веб дизайнер", "дизайнер интерфейсов",
    "интерфейс дизайнери", "ux designerin", "produktdesigner", "webdesigner", "interaktionsdesigner"].map((p) => T(p, "uiux")),
  ...["designer", "graphic designer", "дизайнер", "графический дизайнер", "графикалык дизайнер", "grafikdesigner", "designerin",
    "mediengestalter"].map((p) => T(p, "uiux", "other_it")),
  // Other IT
  ...["it", "айти", "ит", "network engineer", "сетевой инженер", "netzwerk", "business analyst", "системный аналитик", "бизнес аналитик",
    "technical writer", "технический писатель", "project manager", "product manager", "scrum master", "продакт", "проджект",
    "support engineer", "техподдержк", "tech lead", "cto", "architect", "архитектор", "solution architect", "analyst", "аналитик",
    "талдаушы", "analytiker", "it berater", "consultant", "erp", "sap", "crm"].map((p) => T(p, "other_it")),
  // Outside IT
  ...["teacher", "doctor", "nurse", "lawyer", "accountant", "driver", "cook", "chef", "sales", "marketing", "marketer", "translator",
    "journalist", "photographer", "builder", "economist", "учитель", "преподаватель", "врач", "медсестра", "юрист", "адвокат",
    "бухгалтер", "водитель", "повар", "продаж", "маркетолог", "переводчик", "журналист", "фотограф", "строитель", "экономист",
    "мугалим", "дариге", "есепши", "заңгер", "зангер", "аудармашы", "журналшы", "курылысшы", "lehrer", "arzt", "arztin", "pfleger",
    "krankenschwester", "anwalt", "anwaltin", "rechtsanwalt", "buchhalter", "fahrer", "koch", "verkauf", "vertrieb", "ubersetzer",
    "fotograf", "bauarbeiter", "okonom"].map((p) => T(p, "none")),
];
