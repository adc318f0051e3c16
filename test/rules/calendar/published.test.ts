/**
 * The calendar against the official calendars of 2025 and 2026: every holiday, every transfer day and every
 * government swap is asserted explicitly (the tables below are written out by hand from the sources named in the
 * comments, independently of src/rules/calendar/data.ts), and every other day of the year is checked to be an
 * ordinary weekday or weekend day.
 */
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  calendarStatus,
  dayInfo,
  isWorkingDay,
  PUBLISHED_YEARS,
  DAY_SWAPS,
  type DayInfo,
} from "../../../src/rules/calendar/index.js";

type Expected = Omit<DayInfo, "status">;
const hol = (holiday: DayInfo["holiday"]): Expected => ({ working: false, reason: "holiday", holiday });
const moved = (holiday: DayInfo["holiday"]): Expected => ({ working: false, reason: "transfer", holiday });

/** 2025. */
const OFFICIAL_2025: Record<string, Expected> = {
  // egov.kz calendar 2025 as reproduced at https://pobipb.kz/kalendar-vyxodnyx-i-prazdnichnyx-dnej-na-2025-god
  // (246 working days), unless another source is named.
  "2025-01-01": hol("new_year"), // Wed
  "2025-01-02": hol("new_year"), // Thu
  // Swap by order of the Minister of Labour: day off moved from Sunday 5 January to Friday 3 January 2025
  // (https://rus.azattyq-ruhy.kz/index.php/society/77649-prazdniki-i-vykhodnye-kak-kazakhstantsy-otdokhnut-v-2025-godu/amp,
  // https://www.ktk.kz/ru/newsfeed/article/2024/11/28/285210/).
  "2025-01-03": { working: false, reason: "swap_off" }, // Fri
  "2025-01-05": { working: true, reason: "swap_workday" }, // Sun, worked
  "2025-01-07": hol("orthodox_christmas"), // Tue
  "2025-03-08": hol("womens_day"), // Sat
  "2025-03-10": moved("womens_day"), // Mon, for Sat 8 March
  // Nauryz: https://ulysmedia.kz/news/47879-nauryz-2025-skolko-dnei-budut-otdykhat-kazakhstantsy (2025-03-09)
  "2025-03-21": hol("nauryz"), // Fri
  "2025-03-22": hol("nauryz"), // Sat
  "2025-03-23": hol("nauryz"), // Sun
  "2025-03-24": moved("nauryz"), // Mon, for Sat 22 March
  "2025-03-25": moved("nauryz"), // Tue, for Sun 23 March
  "2025-05-01": hol("unity_day"), // Thu
  // 7 and 9 May; 8 May stayed a working day (labour ministry, https://informburo.kz/novosti/pocemu-kazaxstancam-ne-dali-otdoxnut-cetyre-dnia-podriad-na-maiskie-prazdniki-dovody-mintruda)
  "2025-05-07": hol("defender_day"), // Wed
  "2025-05-09": hol("victory_day"), // Fri
  // Kurban Ait, first day, set by the labour ministry: https://kz.kursiv.media/?p=6546974
  "2025-06-06": hol("kurban_ait"), // Fri
  // Capital Day: https://azh.kz/ru/news/view/116754
  "2025-07-06": hol("capital_day"), // Sun
  "2025-07-07": moved("capital_day"), // Mon
  // Constitution Day, last year on 30 August: https://news.mail.ru/society/67550849/ (egov.kz, 2025-08-22)
  "2025-08-30": hol("constitution_day"), // Sat
  "2025-09-01": moved("constitution_day"), // Mon
  // Republic Day: https://www.zakon.kz/pravo/6491038-skolko-dney-kazakhstantsy-otdokhnut-v-oktyabre-2025-goda.html
  "2025-10-25": hol("republic_day"), // Sat
  "2025-10-27": moved("republic_day"), // Mon
  // Independence Day, no other transfer: https://www.zakon.kz/obshestvo/6498789-skolko-dney-kazakhstantsy-otdokhnut-v-dekabre-2025-goda.html
  "2025-12-16": hol("independence_day"), // Tue
};

/** 2026. */
const OFFICIAL_2026: Record<string, Expected> = {
  // egov.kz calendar 2026 as reported by Kazinform, https://www.inform.kz/ru/kak-budut-otdihat-kazahstantsi-v-2026-godu-947dd6
  // (2026-01-02) and https://alau.kz/perenosy-vyhodnyh-prazdnichnyj-kalendar-kazahstana-na-2026-god/, unless another
  // source is named. No government swap for 2026 was found.
  "2026-01-01": hol("new_year"), // Thu
  "2026-01-02": hol("new_year"), // Fri
  "2026-01-07": hol("orthodox_christmas"), // Wed
  // March: https://news.mail.ru/society/69646456/ (NUR.KZ citing egov.kz, 2026-02-02)
  "2026-03-08": hol("womens_day"), // Sun
  "2026-03-09": moved("womens_day"), // Mon
  "2026-03-21": hol("nauryz"), // Sat
  "2026-03-22": hol("nauryz"), // Sun
  "2026-03-23": hol("nauryz"), // Mon
  "2026-03-24": moved("nauryz"), // Tue, for Sat 21 March
  "2026-03-25": moved("nauryz"), // Wed, for Sun 22 March
  "2026-05-01": hol("unity_day"), // Fri
  "2026-05-07": hol("defender_day"), // Thu
  "2026-05-09": hol("victory_day"), // Sat
  "2026-05-11": moved("victory_day"), // Mon
  // Kurban Ait: egov.kz calendar above; DUMK https://www.zakon.kz/obshestvo/6496885-ramazan2026-oraza-i-kurban-ayt-opublikovan-kalendar-musulmanskikh-prazdnikov-v-kazakhstane.html
  "2026-05-27": hol("kurban_ait"), // Wed
  "2026-07-06": hol("capital_day"), // Mon
  "2026-10-25": hol("republic_day"), // Sun
  "2026-10-26": moved("republic_day"), // Mon
  "2026-12-16": hol("independence_day"), // Wed
};

/**
 * Days that are ordinary in 2026 although an earlier calendar or a guess says otherwise.
 * 30/31 August: the labour ministry said 30 August is no longer Constitution Day from 2026
 * (https://taspanews.kz/novosti-kazakhstana/v-etom-godu-u-kazakhstantsev-ne-budet-odnogo-vykhodnogo-795514517615, 2026-03-18),
 * so the transfer to Monday 31 August printed in the January 2026 calendar no longer applies.
 * 15/16 March: Constitution Day on 15 March is celebrated from 2027 (same source).
 * 8 May, 31 December: no swap.
 */
const ORDINARY_2026: Record<string, Expected> = {
  "2026-08-30": { working: false, reason: "weekend" }, // Sun
  "2026-08-31": { working: true }, // Mon
  "2026-03-15": { working: false, reason: "weekend" }, // Sun
  "2026-03-16": { working: true }, // Mon
  "2026-05-08": { working: true }, // Fri
  "2026-12-31": { working: true }, // Thu
  "2026-01-03": { working: false, reason: "weekend" }, // Sat
  "2026-01-05": { working: true }, // Mon
};

function check(table: Record<string, Expected>): void {
  for (const [date, expected] of Object.entries(table)) {
    expect({ date, ...dayInfo(date) }).toEqual({ date, ...expected, status: "published" });
    expect(isWorkingDay(date)).toBe(expected.working);
  }
}

/** Every day of the year not in the table is an ordinary Monday-Friday working day or Saturday/Sunday rest. */
function sweep(year: number, table: Record<string, Expected>): number {
  let working = 0;
  for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = addCalendarDays(date, 1)) {
    const info = dayInfo(date);
    if (info.working) working += 1;
    if (table[date]) continue;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    expect({ date, ...info }).toEqual(
      weekend ? { date, working: false, reason: "weekend", status: "published" } : { date, working: true, status: "published" },
    );
  }
  return working;
}

describe("official calendar 2025", () => {
  it("is published", () => {
    expect(calendarStatus(2025)).toBe("published");
  });

  it("has every holiday, transfer and swap of the official calendar", () => {
    check(OFFICIAL_2025);
  });

  it("has no other day off, and 246 working days (pobipb.kz / egov.kz count)", () => {
    expect(sweep(2025, OFFICIAL_2025)).toBe(246);
  });

  it("makes the swapped Sunday 2025-01-05 a working day and Friday 2025-01-03 a day off", () => {
    expect(isWorkingDay("2025-01-05")).toBe(true);
    expect(isWorkingDay("2025-01-03")).toBe(false);
    expect(isWorkingDay("2025-01-04")).toBe(false); // Saturday stays a rest day
  });

  it("keeps 7 January and Kurban Ait without transfer (Law on Holidays art. 5)", () => {
    // 2025: neither falls on a weekend; the rule shows in 2026 and 2027 below. 8 May 2025 stayed a working day.
    expect(isWorkingDay("2025-05-08")).toBe(true);
    expect(isWorkingDay("2025-06-09")).toBe(true); // Monday after Kurban Ait (Fri 6 June)
  });
});

describe("official calendar 2026", () => {
  it("is published", () => {
    expect(calendarStatus(2026)).toBe("published");
  });

  it("has every holiday and transfer of the official calendar", () => {
    check(OFFICIAL_2026);
  });

  it("treats 30-31 August, 15-16 March, 8 May and 31 December 2026 as ordinary days", () => {
    check(ORDINARY_2026);
  });

  it("has no other day off: 246 working days as published, plus 31 August (no longer a transfer) = 247", () => {
    // 246: Tengrinews via https://alau.kz/kalendar-2026-dlinnye-vyhodnye-perenosy-i-idealnye-dni-dlja-otpuska/ (2025-12-11)
    expect(sweep(2026, { ...OFFICIAL_2026, ...ORDINARY_2026 })).toBe(246 + 1);
  });

  it("gives Nauryz 2026 five days off in a row, 21-25 March (npm date-holidays got 24-25 March wrong)", () => {
    expect(["2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26"].map(isWorkingDay)).toEqual(
      [true, false, false, false, false, false, true],
    );
  });
});

describe("src/rules/calendar/data.ts agrees with the calendar", () => {
  it("lists the published years 2025 and 2026", () => {
    expect(PUBLISHED_YEARS.map((p) => p.year)).toEqual([2025, 2026]);
  });

  it("matches the hand-written tables above, day for day", () => {
    const tables: Record<number, Record<string, Expected>> = { 2025: OFFICIAL_2025, 2026: OFFICIAL_2026 };
    for (const year of PUBLISHED_YEARS) {
      const table = tables[year.year] ?? {};
      const fromData: Record<string, Expected> = {};
      for (const d of year.days) fromData[d.date] = d.kind === "holiday" ? hol(d.holiday) : moved(d.holiday);
      for (const s of DAY_SWAPS.filter((s) => s.date.startsWith(`${year.year}-`))) {
        fromData[s.date] = s.kind === "day_off" ? { working: false, reason: "swap_off" } : { working: true, reason: "swap_workday" };
      }
      expect(fromData).toEqual(table);
    }
  });

  it("has sourced, dated entries, and transfers that point at a weekend holiday of the same holiday", () => {
    for (const year of PUBLISHED_YEARS) {
      expect(year.sources.length).toBeGreaterThan(0);
      for (const d of [...year.days, ...year.withdrawn]) {
        expect(d.source.length, d.date).toBeGreaterThan(0);
        for (const s of d.source) expect(s).toMatch(/^https:\/\//);
        expect(d.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      for (const d of year.days.filter((d) => d.kind === "transfer")) {
        const of = year.days.find((h) => h.date === d.transferOf);
        expect(of?.kind, d.date).toBe("holiday");
        expect(of?.holiday).toBe(d.holiday);
        expect(dayInfo(d.transferOf ?? "").working).toBe(false);
      }
      for (const w of year.withdrawn) expect(dayInfo(w.date).reason ?? "working").not.toMatch(/holiday|transfer/);
    }
    for (const s of DAY_SWAPS) {
      expect(s.source.length).toBeGreaterThan(0);
      expect(DAY_SWAPS.find((p) => p.date === s.pairedWith)?.pairedWith).toBe(s.date);
    }
  });
});
