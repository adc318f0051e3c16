import type { Fact, ReviewKind } from "./types.js";

/** How many months a fact of each kind stays fresh after it was last checked (issue 8, item 7). */
export const REVIEW_MONTHS: Readonly<Record<ReviewKind, number>> = {
  fee: 12,
  rule: 6,
  news: 3,
};

/** `iso` (YYYY-MM-DD) plus whole months; a day past the month's end falls back to its last day. */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** YYYY-MM-DD: the day a fact is due to be checked again (its `checked` date plus its kind's interval). */
export function reviewDue(fact: Pick<Fact, "checked" | "review">): string {
  return addMonths(fact.checked, REVIEW_MONTHS[fact.review]);
}

/** True when `today` (YYYY-MM-DD) is after the fact's review date: it is still stated, with "may have changed". */
export function isPastReview(fact: Pick<Fact, "checked" | "review">, today: string): boolean {
  return reviewDue(fact) < today;
}
