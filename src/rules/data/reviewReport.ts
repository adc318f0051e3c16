import { calendarYearInfo, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, type CalendarGap } from "../calendar/index.js";
import { factRecord, loadFacts } from "./load.js";
import { mrpKzt } from "./mrp.js";
import { isPastReview, reviewDue } from "./review.js";
import type { ReviewKind } from "./types.js";

/** A fact whose review date has passed: it is still stated, with "may have changed". */
export interface StaleFact {
  readonly id: string;
  readonly review: ReviewKind;
  readonly checked: string;
  /** YYYY-MM-DD: the day it was due to be checked again. */
  readonly due: string;
}

/** Data bound to a year that the facts do not hold yet. */
export type YearGap =
  | { readonly year: number; readonly what: "mrp" }
  | { readonly year: number; readonly what: "kurban_ait" }
  | { readonly year: number; readonly what: "calendar"; readonly missing: readonly CalendarGap[] };

export interface FactsReviewReport {
  readonly today: string;
  /** The years looked at: the current one and the next. */
  readonly years: readonly number[];
  readonly pastReview: readonly StaleFact[];
  readonly gaps: readonly YearGap[];
}

/**
 * What needs a maintainer's attention on `today` (YYYY-MM-DD): facts past their review date, and year-bound data
 * missing for this year or the next (the MRP, the official working-day calendar, the date of Kurban Ait).
 * Pure: `npm run facts:review` passes the date in.
 */
export function factsReviewReport(today: string): FactsReviewReport {
  const year = Number(today.slice(0, 4));
  const years = [year, year + 1];
  const pastReview: StaleFact[] = [];
  for (const f of loadFacts().values()) {
    if (isPastReview(f, today)) pastReview.push({ id: f.id, review: f.review, checked: f.checked, due: reviewDue(f) });
  }
  pastReview.sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));

  const kurbanAit = factRecord("kz.holidays.kurban_ait");
  const gaps: YearGap[] = [];
  for (const y of years) {
    if (mrpKzt(y) === undefined) gaps.push({ year: y, what: "mrp" });
    if (y >= CALENDAR_FIRST_YEAR && y <= CALENDAR_LAST_YEAR) {
      const info = calendarYearInfo(y);
      if (info.status !== "published") gaps.push({ year: y, what: "calendar", missing: info.missing });
    } else {
      gaps.push({ year: y, what: "calendar", missing: ["kurban_ait", "day_swaps"] });
    }
    if (kurbanAit[String(y)] === undefined) gaps.push({ year: y, what: "kurban_ait" });
  }
  return { today, years, pastReview, gaps };
}
