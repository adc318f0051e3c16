/**
 * Dated, sourced data of Kazakhstan's working-day calendar that the facts in src/rules/data do not hold:
 * the government's day swaps, and the official (published) calendars of 2025 and 2026 as lists of dated days.
 *
 * The rules themselves (which month-days are holidays, Kurban Ait's date, the weekend-transfer rule, Constitution
 * Day's move) are read from the facts (kz.holidays.*), never repeated here. The published lists below are the
 * record the rule-derived calendar is checked against in test/rules/calendar: if a fact changes so that the
 * calendar no longer matches an official year, the tests fail.
 *
 * Every entry names its source(s) and the date it is known to hold ("asOf"). A source page that carries no date
 * of its own is dated by the day it was read (CHECKED_ON).
 */
import type { SourceRef } from "../data/types.js";

/** The day the sources below were read; used as "asOf" for pages that carry no date of their own. */
export const CHECKED_ON = "2026-11-21";

/**
 * The years the calendar answers for. Before 2025 the data is not kept (and Kazakhstan had two time zones until
 * 2024-03-01); far-future years are refused rather than guessed.
 */
export const CALENDAR_FIRST_YEAR = 2025;
export const CALENDAR_LAST_YEAR = 2099;

/** Ids of Kazakhstan's public holidays (days off), as the bot names them (locale keys may build on them). */
export const HOLIDAY_IDS = [
  "new_year",
  "orthodox_christmas",
  "womens_day",
  "constitution_day",
  "nauryz",
  "unity_day",
  "defender_day",
  "victory_day",
  "kurban_ait",
  "capital_day",
  "republic_day",
  "independence_day",
] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

/**
 * Which holiday each fixed month-day is (Law on Holidays, arts. 1-2). The month-days that are holidays in a given
 * year come from facts kz.holidays.fixed and kz.holidays.constitution_day; this table only names them. A month-day
 * in the facts that is missing here makes the calendar throw, so a new holiday cannot be silently ignored.
 */
export const FIXED_HOLIDAY_IDS: Readonly<Record<string, HolidayId>> = {
  "01-01": "new_year",
  "01-02": "new_year",
  "01-07": "orthodox_christmas",
  "03-08": "womens_day",
  "03-15": "constitution_day",
  "03-21": "nauryz",
  "03-22": "nauryz",
  "03-23": "nauryz",
  "05-01": "unity_day",
  "05-07": "defender_day",
  "05-09": "victory_day",
  "07-06": "capital_day",
  "08-30": "constitution_day",
  "10-25": "republic_day",
  "12-16": "independence_day",
};

/** Sources, named once. */
export const CALENDAR_SOURCES = {
  /** Law "On holidays in the Republic of Kazakhstan" No. 267-II of 2001-12-13 (art. 5: days off and transfers). */
  lawOnHolidays: "https://adilet.zan.kz/rus/docs/Z010000267_",
  /** 2025 calendar (holidays and weekend transfers) as published on egov.kz, reproduced by a state body's site. */
  calendar2025: "https://pobipb.kz/kalendar-vyxodnyx-i-prazdnichnyx-dnej-na-2025-god",
  /** Labour ministry order: day off moved from Sunday 2025-01-05 to Friday 2025-01-03. */
  swap2025Azattyq:
    "https://rus.azattyq-ruhy.kz/index.php/society/77649-prazdniki-i-vykhodnye-kak-kazakhstantsy-otdokhnut-v-2025-godu/amp",
  swap2025Ktk: "https://www.ktk.kz/ru/newsfeed/article/2024/11/28/285210/",
  swap2025EnergyCity: "https://energy-city.kz/pavlodar/kazahstanczy-poluchat-chetyre-vyhodnyh-dnya-na-novyj-god",
  /** Labour ministry: no swap of Thursday 2025-05-08 (8 May 2025 was a working day). */
  noSwapMay2025:
    "https://informburo.kz/novosti/pocemu-kazaxstancam-ne-dali-otdoxnut-cetyre-dnia-podriad-na-maiskie-prazdniki-dovody-mintruda",
  nauryz2025: "https://ulysmedia.kz/news/47879-nauryz-2025-skolko-dnei-budut-otdykhat-kazakhstantsy",
  kurbanAit2025: "https://kz.kursiv.media/?p=6546974",
  capitalDay2025: "https://azh.kz/ru/news/view/116754",
  constitutionDay2025: "https://news.mail.ru/society/67550849/",
  republicDay2025: "https://www.zakon.kz/pravo/6491038-skolko-dney-kazakhstantsy-otdokhnut-v-oktyabre-2025-goda.html",
  december2025: "https://www.zakon.kz/obshestvo/6498789-skolko-dney-kazakhstantsy-otdokhnut-v-dekabre-2025-goda.html",
  /** 2026 calendar as published on egov.kz (Kazinform, 2026-01-02). */
  calendar2026: "https://www.inform.kz/ru/kak-budut-otdihat-kazahstantsi-v-2026-godu-947dd6",
  calendar2026Alau: "https://alau.kz/perenosy-vyhodnyh-prazdnichnyj-kalendar-kazahstana-na-2026-god/",
  /** 246 working days in 2026 (Tengrinews via alau.kz, 2025-12-11), counted before 30 August was dropped. */
  workingDays2026: "https://alau.kz/kalendar-2026-dlinnye-vyhodnye-perenosy-i-idealnye-dni-dlja-otpuska/",
  newYear2026: "https://www.inform.kz/ru/kak-kazahstantsi-otdohnut-na-noviy-god-73a9c2",
  march2026: "https://news.mail.ru/society/69646456/",
  kurbanAit2026:
    "https://www.zakon.kz/obshestvo/6496885-ramazan2026-oraza-i-kurban-ayt-opublikovan-kalendar-musulmanskikh-prazdnikov-v-kazakhstane.html",
  /** Labour ministry (via Taspanews, 2026-03-18): 30 August is no longer a holiday from 2026; 15 March from 2027. */
  constitutionDayMoved:
    "https://taspanews.kz/novosti-kazakhstana/v-etom-godu-u-kazakhstantsev-ne-budet-odnogo-vykhodnogo-795514517615",
} as const satisfies Record<string, SourceRef>;

const S = CALENDAR_SOURCES;

/**
 * A government (labour ministry) order moving a day off: a weekday made a day off ("day_off") in exchange for a
 * weekend day made a working day ("working_day"). Both halves are listed, each pointing at the other.
 */
export interface DaySwap {
  readonly date: string;
  readonly kind: "day_off" | "working_day";
  readonly pairedWith: string;
  readonly order: string;
  readonly source: readonly SourceRef[];
  readonly asOf: string;
}

/**
 * Every government day swap known for the calendar's years. 2026: none found in the sources read (the latest of
 * them dated 2026-03-18); a swap ordered later would be missing here.
 */
export const DAY_SWAPS: readonly DaySwap[] = [
  {
    date: "2025-01-03",
    kind: "day_off",
    pairedWith: "2025-01-05",
    order: "Order of the Minister of Labour and Social Protection: day off moved from Sunday 5 to Friday 3 January 2025",
    source: [S.swap2025Azattyq, S.swap2025Ktk, S.swap2025EnergyCity],
    asOf: "2024-11-28",
  },
  {
    date: "2025-01-05",
    kind: "working_day",
    pairedWith: "2025-01-03",
    order: "Order of the Minister of Labour and Social Protection: day off moved from Sunday 5 to Friday 3 January 2025",
    source: [S.swap2025Azattyq, S.swap2025Ktk, S.swap2025EnergyCity],
    asOf: "2024-11-28",
  },
];

/** One day of an official calendar: a holiday (on any weekday) or the weekday off that replaces a weekend holiday. */
export interface PublishedDay {
  readonly date: string;
  readonly kind: "holiday" | "transfer";
  readonly holiday: HolidayId;
  /** For a transfer: the weekend holiday date it replaces. */
  readonly transferOf?: string;
  readonly source: readonly SourceRef[];
  readonly asOf: string;
}

/** A day an earlier calendar showed as a holiday or day off that is no longer one. */
export interface WithdrawnDay {
  readonly date: string;
  readonly was: "holiday" | "transfer";
  readonly holiday: HolidayId;
  readonly source: readonly SourceRef[];
  readonly asOf: string;
  readonly note: string;
}

/** An official (published) calendar year. Its swaps are in DAY_SWAPS. */
export interface PublishedYear {
  readonly year: number;
  readonly sources: readonly SourceRef[];
  /** The latest date the year's data is known to hold. */
  readonly asOf: string;
  /** Every holiday and every transfer day of the year. */
  readonly days: readonly PublishedDay[];
  readonly withdrawn: readonly WithdrawnDay[];
  /** Working days of the five-day week as the source counts them. */
  readonly workingDays: { readonly count: number; readonly source: SourceRef; readonly note?: string };
  readonly note: string;
}

function holiday(date: string, id: HolidayId, source: readonly SourceRef[], asOf: string): PublishedDay {
  return { date, kind: "holiday", holiday: id, source, asOf };
}

function transfer(date: string, id: HolidayId, of: string, source: readonly SourceRef[], asOf: string): PublishedDay {
  return { date, kind: "transfer", holiday: id, transferOf: of, source, asOf };
}

const Y2025 = [S.calendar2025] as const;
const Y2026 = [S.calendar2026, S.calendar2026Alau] as const;

/** The official calendars. A year not listed here is "computed": derived by rule from the facts. */
export const PUBLISHED_YEARS: readonly PublishedYear[] = [
  {
    year: 2025,
    sources: [S.calendar2025, S.swap2025Azattyq, S.lawOnHolidays],
    asOf: "2025-11-24",
    days: [
      holiday("2025-01-01", "new_year", Y2025, CHECKED_ON),
      holiday("2025-01-02", "new_year", Y2025, CHECKED_ON),
      holiday("2025-01-07", "orthodox_christmas", Y2025, CHECKED_ON),
      holiday("2025-03-08", "womens_day", Y2025, CHECKED_ON),
      transfer("2025-03-10", "womens_day", "2025-03-08", Y2025, CHECKED_ON),
      holiday("2025-03-21", "nauryz", [S.calendar2025, S.nauryz2025], "2025-03-09"),
      holiday("2025-03-22", "nauryz", [S.calendar2025, S.nauryz2025], "2025-03-09"),
      holiday("2025-03-23", "nauryz", [S.calendar2025, S.nauryz2025], "2025-03-09"),
      transfer("2025-03-24", "nauryz", "2025-03-22", [S.calendar2025, S.nauryz2025], "2025-03-09"),
      transfer("2025-03-25", "nauryz", "2025-03-23", [S.calendar2025, S.nauryz2025], "2025-03-09"),
      holiday("2025-05-01", "unity_day", Y2025, CHECKED_ON),
      holiday("2025-05-07", "defender_day", [S.calendar2025, S.noSwapMay2025], CHECKED_ON),
      holiday("2025-05-09", "victory_day", [S.calendar2025, S.noSwapMay2025], CHECKED_ON),
      holiday("2025-06-06", "kurban_ait", [S.calendar2025, S.kurbanAit2025], CHECKED_ON),
      holiday("2025-07-06", "capital_day", [S.calendar2025, S.capitalDay2025], CHECKED_ON),
      transfer("2025-07-07", "capital_day", "2025-07-06", [S.calendar2025, S.capitalDay2025], CHECKED_ON),
      holiday("2025-08-30", "constitution_day", [S.calendar2025, S.constitutionDay2025], "2025-08-22"),
      transfer("2025-09-01", "constitution_day", "2025-08-30", [S.calendar2025, S.constitutionDay2025], "2025-08-22"),
      holiday("2025-10-25", "republic_day", [S.calendar2025, S.republicDay2025], "2025-09-16"),
      transfer("2025-10-27", "republic_day", "2025-10-25", [S.calendar2025, S.republicDay2025], "2025-09-16"),
      holiday("2025-12-16", "independence_day", [S.calendar2025, S.december2025], "2025-11-24"),
    ],
    withdrawn: [],
    workingDays: { count: 246, source: S.calendar2025 },
    note:
      "One government swap (2025-01-03 off, Sunday 2025-01-05 worked). The labour ministry confirmed there was no " +
      "swap of 2025-05-08. No swap ordered later in 2025 was found.",
  },
  {
    year: 2026,
    sources: [S.calendar2026, S.calendar2026Alau, S.constitutionDayMoved, S.lawOnHolidays],
    asOf: "2026-03-18",
    days: [
      holiday("2026-01-01", "new_year", [...Y2026, S.newYear2026], "2026-01-02"),
      holiday("2026-01-02", "new_year", [...Y2026, S.newYear2026], "2026-01-02"),
      holiday("2026-01-07", "orthodox_christmas", [...Y2026, S.newYear2026], "2026-01-02"),
      holiday("2026-03-08", "womens_day", [...Y2026, S.march2026], "2026-02-02"),
      transfer("2026-03-09", "womens_day", "2026-03-08", [...Y2026, S.march2026], "2026-02-02"),
      holiday("2026-03-21", "nauryz", [...Y2026, S.march2026], "2026-02-02"),
      holiday("2026-03-22", "nauryz", [...Y2026, S.march2026], "2026-02-02"),
      holiday("2026-03-23", "nauryz", [...Y2026, S.march2026], "2026-02-02"),
      transfer("2026-03-24", "nauryz", "2026-03-21", [...Y2026, S.march2026], "2026-02-02"),
      transfer("2026-03-25", "nauryz", "2026-03-22", [...Y2026, S.march2026], "2026-02-02"),
      holiday("2026-05-01", "unity_day", Y2026, "2026-01-02"),
      holiday("2026-05-07", "defender_day", Y2026, "2026-01-02"),
      holiday("2026-05-09", "victory_day", Y2026, "2026-01-02"),
      transfer("2026-05-11", "victory_day", "2026-05-09", Y2026, "2026-01-02"),
      holiday("2026-05-27", "kurban_ait", [...Y2026, S.kurbanAit2026], "2026-01-02"),
      holiday("2026-07-06", "capital_day", Y2026, "2026-01-02"),
      holiday("2026-10-25", "republic_day", Y2026, "2026-01-02"),
      transfer("2026-10-26", "republic_day", "2026-10-25", Y2026, "2026-01-02"),
      holiday("2026-12-16", "independence_day", Y2026, "2026-01-02"),
    ],
    withdrawn: [
      {
        date: "2026-08-30",
        was: "holiday",
        holiday: "constitution_day",
        source: [S.constitutionDayMoved],
        asOf: "2026-03-18",
        note: "Constitution Day moved to 15 March (new Constitution, referendum 2026-03-15), celebrated from 2027.",
      },
      {
        date: "2026-08-31",
        was: "transfer",
        holiday: "constitution_day",
        source: [S.constitutionDayMoved, S.calendar2026],
        asOf: "2026-03-18",
        note: "The egov.kz calendar of January 2026 moved Sunday 30 August to Monday 31 August; with 30 August no " +
          "longer a holiday, 31 August 2026 is a working day.",
      },
    ],
    workingDays: {
      count: 246,
      source: S.workingDays2026,
      note: "Counted before 30 August was dropped; with 2026-08-31 a working day the year has 247.",
    },
    note:
      "No government swap for 2026 was found in the sources read (the latest dated 2026-03-18). 15 March 2026 " +
      "(the referendum day, a Sunday) is not a holiday: Constitution Day on 15 March is celebrated from 2027.",
  },
];
