import { describe, expect, it } from "vitest";
import { parseDate } from "../../../src/rules/input/index.js";

const today = "2026-05-20";
const parse = (text: string, locale?: "en" | "ru" | "kk" | "de") =>
  parseDate(text, locale ? { today, locale } : { today });

describe("parseDate: formats people type", () => {
  it.each([
    // numeric
    ["2027-03-15", "2027-03-15"],
    ["2027/03/15", "2027-03-15"],
    ["2027.3.15", "2027-03-15"],
    ["15.03.2027", "2027-03-15"],
    ["15/03/2027", "2027-03-15"],
    ["15-03-2027", "2027-03-15"],
    ["15.03.27", "2027-03-15"],
    ["15.3.2027", "2027-03-15"],
    ["5.3.2027", "2027-03-05"],
    ["15 . 03 . 2027", "2027-03-15"],
    ["15 03 2027", "2027-03-15"],
    ["15.03.2027.", "2027-03-15"],
    ["15.03.2027 г.", "2027-03-15"],
    ["  15.03.2027!  ", "2027-03-15"],
    ["03/15/2027", "2027-03-15"], // month first only because 15 cannot be a month
    ["12/31/2027", "2027-12-31"],
    ["29.02.2028", "2028-02-29"], // leap year
    // English
    ["15 March 2027", "2027-03-15"],
    ["March 15, 2027", "2027-03-15"],
    ["15 Mar 2027", "2027-03-15"],
    ["15 mar. 2027", "2027-03-15"],
    ["Mar 15 2027", "2027-03-15"],
    ["15th of March 2027", "2027-03-15"],
    ["March 15th, 2027", "2027-03-15"],
    ["1st May 2027", "2027-05-01"],
    ["the 2nd of September 2027", "2027-09-02"],
    ["15-Mar-2027", "2027-03-15"],
    ["15 MARCH 2027", "2027-03-15"],
    ["Sept 3, 2027", "2027-09-03"],
    ["15 March 27", "2027-03-15"],
    // Russian
    ["15 марта 2027", "2027-03-15"],
    ["15 март 2027 г.", "2027-03-15"],
    ["15 марта 2027 года", "2027-03-15"],
    ["15-го марта 2027", "2027-03-15"],
    ["1 сентября 2027 г.", "2027-09-01"],
    ["31 декабря 2027", "2027-12-31"],
    ["3 мая 2027", "2027-05-03"],
    ["3 янв 2027", "2027-01-03"],
    ["15 Марта 2027", "2027-03-15"],
    // Kazakh
    ["2027 жылғы 15 наурыз", "2027-03-15"],
    ["15 наурыз 2027", "2027-03-15"],
    ["15 наурыз 2027 ж.", "2027-03-15"],
    ["2027 жылғы наурыздың 15-і", "2027-03-15"],
    ["1 қаңтар 2027", "2027-01-01"],
    ["1 кантар 2027", "2027-01-01"], // typed without Kazakh letters
    ["10 қыркүйек 2027", "2027-09-10"],
    ["25 желтоқсан 2027", "2027-12-25"],
    ["5 сәуір 2027", "2027-04-05"],
    ["15 марта 2027 ж.", "2027-03-15"], // Kazakh user, Russian month name
    // German
    ["15. März 2027", "2027-03-15"],
    ["15. Maerz 2027", "2027-03-15"],
    ["15. Marz 2027", "2027-03-15"],
    ["15. Mrz. 2027", "2027-03-15"],
    ["1. Oktober 2027", "2027-10-01"],
    ["am 3. Dezember 2027", "2027-12-03"],
    ["24. Dez. 2027", "2027-12-24"],
    ["15. Jänner 2027", "2027-01-15"],
  ])("%s -> %s", (text, date) => {
    expect(parse(text)).toEqual({ ok: true, date });
  });
});

describe("parseDate: relative words", () => {
  it.each([
    ["today", "2026-05-20"],
    ["Today!", "2026-05-20"],
    ["сегодня", "2026-05-20"],
    ["Бүгін", "2026-05-20"],
    ["heute", "2026-05-20"],
    ["tomorrow", "2026-05-21"],
    ["Завтра", "2026-05-21"],
    ["ертең", "2026-05-21"],
    ["morgen", "2026-05-21"],
    ["yesterday", "2026-05-19"],
    ["вчера", "2026-05-19"],
    ["übermorgen", "2026-05-22"],
    ["послезавтра", "2026-05-22"],
  ])("%s -> %s", (text, date) => {
    expect(parse(text)).toEqual({ ok: true, date });
  });

  it("rolls over month and year ends", () => {
    expect(parseDate("tomorrow", { today: "2026-12-31" })).toEqual({ ok: true, date: "2027-01-01" });
    expect(parseDate("завтра", { today: "2028-02-28" })).toEqual({ ok: true, date: "2028-02-29" });
  });
});

describe("parseDate: day/month order", () => {
  it("reads DD/MM when both parts could be a month", () => {
    expect(parse("03/04/2027")).toEqual({ ok: true, date: "2027-04-03" });
    expect(parse("03/04/2027", "ru")).toEqual({ ok: true, date: "2027-04-03" });
    expect(parse("03/04/2027", "kk")).toEqual({ ok: true, date: "2027-04-03" });
    expect(parse("03/04/2027", "de")).toEqual({ ok: true, date: "2027-04-03" });
  });

  it("for English speakers, a slash date readable both ways is ambiguous", () => {
    expect(parse("03/04/2027", "en")).toEqual({ ok: false, error: "ambiguous" });
    // ...but not when only one reading exists, the two parts are equal, or dots are used
    expect(parse("03/15/2027", "en")).toEqual({ ok: true, date: "2027-03-15" });
    expect(parse("15/03/2027", "en")).toEqual({ ok: true, date: "2027-03-15" });
    expect(parse("05/05/2027", "en")).toEqual({ ok: true, date: "2027-05-05" });
    expect(parse("03.04.2027", "en")).toEqual({ ok: true, date: "2027-04-03" });
  });

  it("for English speakers, a dash date readable both ways is ambiguous too; ISO and other languages are not", () => {
    expect(parse("05-06-2030", "en")).toEqual({ ok: false, error: "ambiguous" });
    expect(parse("5-6-30", "en")).toEqual({ ok: false, error: "ambiguous" });
    expect(parse("05-15-2030", "en")).toEqual({ ok: true, date: "2030-05-15" });
    expect(parse("15-05-2030", "en")).toEqual({ ok: true, date: "2030-05-15" });
    expect(parse("05-05-2030", "en")).toEqual({ ok: true, date: "2030-05-05" });
    expect(parse("2030-05-06", "en")).toEqual({ ok: true, date: "2030-05-06" });
    expect(parse("05.06.2030", "en")).toEqual({ ok: true, date: "2030-06-05" }); // dots: day first, as the prompts show
    for (const lng of ["ru", "kk", "de"] as const) expect(parse("05-06-2030", lng)).toEqual({ ok: true, date: "2030-06-05" });
  });

  it("the examples the missing-day messages give are read", () => {
    expect(parse("31 May 2029", "en")).toEqual({ ok: true, date: "2029-05-31" });
    expect(parse("31 мая 2029", "ru")).toEqual({ ok: true, date: "2029-05-31" });
    expect(parse("2029 жылғы 31 мамыр", "kk")).toEqual({ ok: true, date: "2029-05-31" });
    expect(parse("31. Mai 2029", "de")).toEqual({ ok: true, date: "2029-05-31" });
    expect(parse("15 марта 2026", "ru")).toEqual({ ok: true, date: "2026-03-15" });
    expect(parse("2026 жылғы 15 наурыз", "kk")).toEqual({ ok: true, date: "2026-03-15" });
    expect(parse("15. März 2026", "de")).toEqual({ ok: true, date: "2026-03-15" });
  });

  it("two-digit years near today are 20YY, far-future ones 19YY", () => {
    expect(parse("15.03.27")).toEqual({ ok: true, date: "2027-03-15" });
    expect(parse("15.03.85")).toEqual({ ok: true, date: "1985-03-15" });
    expect(parse("01.01.00")).toEqual({ ok: true, date: "2000-01-01" });
  });
});

describe("parseDate: rejections", () => {
  it.each([
    ["2027-02-30"],
    ["30.02.2027"],
    ["29.02.2027"], // not a leap year
    ["31.04.2027"],
    ["32.01.2027"],
    ["00.01.2027"],
    ["15.13.2027"],
    ["13/13/2027"],
    ["2027-13-01"],
    ["30 February 2027"],
    ["31 июня 2027"],
    ["15.03.1850"],
  ])("%s is an invalid date", (text) => {
    expect(parse(text)).toEqual({ ok: false, error: "invalid_date" });
  });

  it.each([
    ["15 March"], // no year
    ["15 марта"],
    ["15.03"],
  ])("%s is ambiguous (incomplete)", (text) => {
    expect(parse(text)).toEqual({ ok: false, error: "ambiguous" });
  });

  it.each([["March 2027"], ["Dec 2099"], ["December 2030"], ["2030 December"], ["март 2027"], ["2027 жылғы наурыз"], ["März 2027"], ["03/2027"], ["2027-03"]])(
    "%s has no day: missing_day, not 'could be read two ways'",
    (text) => {
      expect(parse(text)).toEqual({ ok: false, error: "missing_day" });
      expect(parse(text, "en")).toEqual({ ok: false, error: "missing_day" });
    },
  );

  it.each([
    [""],
    ["   "],
    ["hello"],
    ["next week"],
    ["15 Foo 2027"],
    ["15 March 2027 or 16 March 2027"],
    ["15.03/2027"],
    ["15..03.2027"],
    ["2027"],
    ["15032027"],
    ["15.03.027"],
    ["15 марта 2027 и 16"],
    ["1/2/3/4"],
    ["$15.03.2027"],
    ["constructor"], // object prototype keys are not relative-day words
    ["15 toString 2027"],
    ["15.03.2027 ".repeat(30)],
  ])("%j is unrecognised", (text) => {
    expect(parse(text)).toEqual({ ok: false, error: "unrecognised" });
  });

  it("throws on a malformed today (a programming error, not user input)", () => {
    expect(() => parseDate("today", { today: "20.05.2026" })).toThrow(RangeError);
  });
});
