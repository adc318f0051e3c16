import { addCalendarDays as addDays } from "../calendar/index.js";
import { factRecord } from "../data/load.js";

/**
 * The length of the tax-residency window in months, read from the fact (`any_<n>_consecutive_months`),
 * so texts can name it without typing a number. Throws when the fact holds another kind of window,
 * because the day count the bot asks for (days in the last <n> months) would no longer fit it.
 */
export function taxWindowMonths(): number {
  const window = String(factRecord("tax.resident_days").window);
  const match = /^any_(\d+)_consecutive_months$/.exec(window);
  if (!match) throw new Error(`Fact "tax.resident_days" has window "${window}": the tax line counts days in any N consecutive months; update src/rules/deadlines/taxLine.ts for this window`);
  return Number(match[1]);
}

/**
 * The day the tax-residency line is reached by someone who has spent `daysInKz` days in Kazakhstan in
 * the last window of months (today included, the days of arrival and departure counting) and stays on:
 * the day the count reaches the line ("at_least") or passes it ("over"). Today when already reached.
 * It is the earliest the line can come: days that fall out of the window as it moves push it later.
 */
export function taxLine(daysInKz: number, today: string): { date: string; reached: boolean } {
  const fact = factRecord("tax.resident_days");
  taxWindowMonths();
  const needed = Number(fact.amount) + (fact.comparison === "over" ? 1 : 0);
  return daysInKz >= needed ? { date: today, reached: true } : { date: addDays(today, needed - daysInKz), reached: false };
}
