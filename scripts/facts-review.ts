/**
 * `npm run facts:review [-- --today YYYY-MM-DD]`: which facts are past their review date, and which year-bound
 * data (MRP, working-day calendar, Kurban Ait) is missing for this year or the next. A report: it always exits 0.
 */
import { almatyToday, factsReviewReport, type YearGap } from "../src/rules/index.js";
import { isIsoDate } from "../src/rules/data/schema.js";

function todayArg(argv: readonly string[]): string {
  const i = argv.indexOf("--today");
  const given = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--today="))?.slice("--today=".length);
  if (given === undefined) return almatyToday(Date.now());
  if (!isIsoDate(given)) {
    console.error(`--today must be a date written YYYY-MM-DD (got "${given}"); using today's date instead.`);
    return almatyToday(Date.now());
  }
  return given;
}

const GAP_TEXT: Record<YearGap["what"], string> = {
  mrp: "MRP (mrp.<year> fact): no confirmed value, so fees in MRP are shown without a KZT amount",
  calendar: "working-day calendar (src/rules/calendar): not published, computed by rule",
  kurban_ait: "Kurban Ait (kz.holidays.kurban_ait): date unknown, the calendar counts it as a working day",
};

const report = factsReviewReport(todayArg(process.argv.slice(2)));
console.log(`Facts review on ${report.today} (years ${report.years.join(" and ")})`);
console.log("");
console.log(`Facts past their review date: ${report.pastReview.length}`);
for (const f of report.pastReview) console.log(`  ${f.id}  (${f.review}, checked ${f.checked}, due ${f.due})`);
console.log("");
console.log(`Year-bound data missing: ${report.gaps.length}`);
for (const g of report.gaps) {
  const extra = g.what === "calendar" ? ` (missing: ${g.missing.join(", ")})` : "";
  console.log(`  ${g.year}  ${GAP_TEXT[g.what]}${extra}`);
}
console.log("");
console.log("To update a fact: edit its value, source and `checked` in src/rules/data/facts/, then run npm test.");
