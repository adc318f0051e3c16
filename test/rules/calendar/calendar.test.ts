/**
 * Working-day arithmetic, computed years, the helpers, invalid input, and agreement with the facts in
 * src/rules/data/facts/general.ts (kz.holidays.*). Dates and sources of the official calendars are in
 * published.test.ts.
 */
import { describe, expect, it } from "vitest";
import { factRecord } from "../../../src/rules/data/load.js";
import {
  addCalendarDays,
  addWorkingDays,
  almatyDateOf,
  calendarStatus,
  calendarYearInfo,
  dayInfo,
  isWorkingDay,
} from "../../../src/rules/calendar/index.js";

describe("addWorkingDays", () => {
  it("does not count the day of the event and skips Nauryz 2026 (21-25 March)", () => {
    // Entry on Friday 2026-03-20; 21-25 March are days off (published.test.ts), so 26, 27, 30 March count.
    expect(addWorkingDays("2026-03-20", 1)).toBe("2026-03-26");
    expect(addWorkingDays("2026-03-20", 2)).toBe("2026-03-27");
    expect(addWorkingDays("2026-03-20", 3)).toBe("2026-03-30");
  });

  it("runs across the new year (1-2 January holidays, 7 January Christmas)", () => {
    expect(addWorkingDays("2025-12-31", 1)).toBe("2026-01-05");
    expect(addWorkingDays("2025-12-30", 3)).toBe("2026-01-06");
    expect(addWorkingDays("2025-12-30", 4)).toBe("2026-01-08"); // skips Wed 7 January
  });

  it("counts from a Friday over a weekend holiday and its transfer", () => {
    // Fri 2026-05-08; Sat 9 May (Victory Day) moves to Mon 11 May.
    expect(addWorkingDays("2026-05-08", 1)).toBe("2026-05-12");
    expect(addWorkingDays("2026-05-08", 3)).toBe("2026-05-14");
    // Fri 2025-03-07; Sat 8 March moves to Mon 10 March.
    expect(addWorkingDays("2025-03-07", 3)).toBe("2025-03-13");
    // Fri 2025-08-29; Sat 30 August 2025 (still Constitution Day) moves to Mon 1 September.
    expect(addWorkingDays("2025-08-29", 1)).toBe("2025-09-02");
    // Fri 2026-08-28; 30 August is no longer a holiday from 2026, so Monday 31 August counts.
    expect(addWorkingDays("2026-08-28", 1)).toBe("2026-08-31");
  });

  it("counts from a holiday", () => {
    expect(addWorkingDays("2026-05-27", 1)).toBe("2026-05-28"); // Kurban Ait, Wed
    expect(addWorkingDays("2026-03-23", 1)).toBe("2026-03-26"); // Nauryz, Mon; 24-25 are transfers
    expect(addWorkingDays("2025-12-16", 2)).toBe("2025-12-18"); // Independence Day, Tue
  });

  it("counts a swapped Sunday as a working day", () => {
    expect(addWorkingDays("2025-01-02", 1)).toBe("2025-01-05"); // Fri 3 Jan off, Sat 4 rest, Sun 5 worked
    expect(addWorkingDays("2025-01-03", 2)).toBe("2025-01-06");
  });

  it("returns the date itself for n = 0, even on a day off", () => {
    expect(addWorkingDays("2026-03-21", 0)).toBe("2026-03-21");
    expect(addWorkingDays("2026-03-26", 0)).toBe("2026-03-26");
  });

  it("counts backward for negative n (the day itself not counted)", () => {
    expect(addWorkingDays("2026-03-26", -1)).toBe("2026-03-20");
    expect(addWorkingDays("2026-01-05", -1)).toBe("2025-12-31");
    expect(addWorkingDays("2025-01-06", -1)).toBe("2025-01-05"); // swapped Sunday
    expect(addWorkingDays("2025-01-08", -2)).toBe("2025-01-05"); // Tue 7 Jan off, Mon 6, Sun 5 (worked)
    expect(addWorkingDays(addWorkingDays("2026-03-20", 3), -3)).toBe("2026-03-20");
  });

  it("runs into a computed year, whose days say so", () => {
    // 2027 (computed): Fri 1 Jan and Sat 2 Jan holidays, Sat 2 Jan moves to Mon 4 Jan.
    const result = addWorkingDays("2026-12-31", 1);
    expect(result).toBe("2027-01-05");
    expect(dayInfo(result).status).toBe("computed");
  });

  it("rejects a count that is not a whole number", () => {
    for (const n of [1.5, Number.NaN, Number.POSITIVE_INFINITY, "3" as unknown as number]) {
      expect(() => addWorkingDays("2026-03-20", n)).toThrow(/number of working days/);
    }
  });

  it("refuses to run outside the calendar's years", () => {
    expect(() => addWorkingDays("2025-01-02", -2)).toThrow(/outside the working-day calendar/);
    expect(() => addWorkingDays("2025-01-06", -2)).toThrow(/outside the working-day calendar/); // 3 Jan off, 1-2 Jan holidays
    expect(() => addWorkingDays("2099-12-30", 2)).toThrow(/outside the working-day calendar/);
  });
});

describe("computed years", () => {
  it("marks 2027 and later as computed", () => {
    expect(calendarStatus(2027)).toBe("computed");
    expect(calendarStatus(2099)).toBe("computed");
    expect(dayInfo("2027-06-01").status).toBe("computed");
    expect(dayInfo("2030-01-01")).toEqual({ working: false, reason: "holiday", holiday: "new_year", status: "computed" });
  });

  it("says what a computed year lacks; a published year lacks nothing", () => {
    const info = calendarYearInfo(2027);
    expect(info.status).toBe("computed");
    expect(info.complete).toBe(false);
    expect(info.missing).toContain("day_swaps");
    const kurban = factRecord("kz.holidays.kurban_ait");
    if (kurban["2027"] === undefined) expect(info.missing).toContain("kurban_ait");
    expect(info.sources.length).toBeGreaterThan(0);
    expect(calendarYearInfo(2026)).toMatchObject({ status: "published", complete: true, missing: [] });
    expect(calendarYearInfo(2025).sources.length).toBeGreaterThan(0);
  });

  it("applies the rules in 2027: 15 March Constitution Day, weekend transfers, 7 January not moved", () => {
    expect(dayInfo("2027-03-15")).toEqual({ working: false, reason: "holiday", holiday: "constitution_day", status: "computed" });
    expect(dayInfo("2027-01-04")).toMatchObject({ working: false, reason: "transfer", holiday: "new_year" }); // for Sat 2 Jan
    expect(dayInfo("2027-03-24")).toMatchObject({ working: false, reason: "transfer", holiday: "nauryz" }); // for Sun 21 Mar
    expect(dayInfo("2027-05-03")).toMatchObject({ working: false, reason: "transfer", holiday: "unity_day" }); // Sat 1 May
    expect(dayInfo("2027-05-10")).toMatchObject({ working: false, reason: "transfer", holiday: "victory_day" }); // Sun 9 May
    expect(isWorkingDay("2027-08-30")).toBe(true); // Monday, no longer a holiday
    // 7 January is never moved: Sunday 2029-01-07 leaves Monday 8 January a working day.
    expect(dayInfo("2029-01-07")).toMatchObject({ working: false, reason: "holiday", holiday: "orthodox_christmas" });
    expect(isWorkingDay("2029-01-08")).toBe(true);
  });
});

describe("dayInfo", () => {
  it("describes ordinary days", () => {
    expect(dayInfo("2026-03-26")).toEqual({ working: true, status: "published" });
    expect(dayInfo("2026-03-28")).toEqual({ working: false, reason: "weekend", status: "published" });
  });
});

describe("helpers", () => {
  it("addCalendarDays adds plain days, across months, leap days and years", () => {
    expect(addCalendarDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addCalendarDays("2026-03-20", 0)).toBe("2026-03-20");
    expect(addCalendarDays("2026-11-21", 30)).toBe("2026-12-21");
    expect(() => addCalendarDays("2026-03-20", 0.5)).toThrow(/whole number/);
    expect(() => addCalendarDays("9999-12-31", 1)).toThrow(/out of range/);
  });

  it("almatyDateOf gives the date in Kazakhstan (UTC+5)", () => {
    expect(almatyDateOf(Date.UTC(2026, 2, 20, 18, 59, 59, 999))).toBe("2026-03-20");
    expect(almatyDateOf(Date.UTC(2026, 2, 20, 19, 0, 0, 0))).toBe("2026-03-21");
    expect(almatyDateOf(Date.UTC(2026, 11, 31, 19, 0, 0, 0))).toBe("2027-01-01");
    expect(almatyDateOf(Date.UTC(2024, 2, 1, 12, 0))).toBe("2024-03-01");
  });

  it("almatyDateOf rejects non-numbers and instants before the single time zone (2024-03-01)", () => {
    expect(() => almatyDateOf(Number.NaN)).toThrow(/Invalid instant/);
    expect(() => almatyDateOf("2026-03-20" as unknown as number)).toThrow(/Invalid instant/);
    expect(() => almatyDateOf(Date.UTC(2024, 0, 15))).toThrow(/single time zone/);
  });
});

describe("invalid input throws a clear Error", () => {
  const bad = ["2026-02-30", "2026-13-01", "2026-3-20", "20.03.2026", "2026-03-20T00:00:00Z", "", " 2026-03-20"];
  it.each(bad)("%j", (date) => {
    expect(() => isWorkingDay(date)).toThrow(/Invalid date/);
    expect(() => dayInfo(date)).toThrow(/Invalid date/);
    expect(() => addWorkingDays(date, 1)).toThrow(/Invalid date/);
    expect(() => addCalendarDays(date, 1)).toThrow(/Invalid date/);
  });

  it("rejects non-strings", () => {
    for (const v of [undefined, null, 20260320, new Date()]) {
      expect(() => isWorkingDay(v as unknown as string)).toThrow(/Invalid date/);
    }
  });

  it("rejects dates and years outside 2025-2099", () => {
    expect(() => isWorkingDay("2024-12-31")).toThrow(/outside the working-day calendar/);
    expect(() => dayInfo("2100-01-01")).toThrow(/outside the working-day calendar/);
    expect(() => calendarStatus(2024)).toThrow(/outside the working-day calendar/);
    expect(() => calendarStatus(2026.5)).toThrow(/whole number/);
    expect(() => calendarYearInfo(2100)).toThrow(/outside the working-day calendar/);
  });
});

describe("agreement with the facts (src/rules/data/facts/general.ts)", () => {
  it("kz.holidays.day_swaps: every listed day off is off and every listed working day is worked", () => {
    const swaps = factRecord("kz.holidays.day_swaps");
    for (const [date, kind] of Object.entries(swaps)) {
      expect(kind === "day_off" || kind === "working_day", date).toBe(true);
      expect(isWorkingDay(date), date).toBe(kind === "working_day");
    }
  });

  it("kz.holidays.kurban_ait: every date is a Kurban Ait holiday", () => {
    for (const date of Object.values(factRecord("kz.holidays.kurban_ait"))) {
      expect(dayInfo(String(date))).toMatchObject({ working: false, reason: "holiday", holiday: "kurban_ait" });
    }
  });
});
