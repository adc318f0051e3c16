import { factList, factNumber, factRecord, findFact, getFact, mrpKzt, pilotStatus, type FactId, type Program } from "../../rules/index.js";
import type { Milestones } from "../../rules/deadlines/milestones.js";
import { reasonWeight } from "../../rules/eligibility/codes.js";
import { documentsFactOf } from "../../rules/eligibility/routes.js";
import { programOutcome, type OutcomeRecord } from "../../rules/outcome/index.js";
import { consistencyChecklist, submissionDate, type CheckItem, type PlanStep, type RoutePlan } from "../../rules/plan/index.js";
import type { Locale } from "../../store/index.js";
import { reasonFacts } from "../../flows/check/citations.js";
import { bullet, LEADING_REASONS, reasonText } from "../../flows/check/outcome.js";
import { checkVars } from "../../flows/check/vars.js";
import { PILOT_NOTE_FACTS, pilotNoteOn } from "../faq/statusNote.js";
import type { TFunction } from "../i18n.js";
import { formatDay } from "./dates.js";
import { Citations, formatFactValue, formatMrpFee } from "./facts.js";

interface Lang {
  t: TFunction;
  locale: Locale;
}

/** Steps whose documents are handed in: "prepare" lists the route's documents there. */
const PREPARE_AT: Readonly<Record<RoutePlan["route"], string>> = {
  "b9_1.residence": "astana_hub_application",
  "b9_1.evisa": "gather_documents",
  "b12_1.invitation": "collect_documents",
  "b12_1.no_invitation": "collect_documents",
};

const isReported = (ids: readonly string[]) => ids.some((id) => findFact(id)?.confidence === "reported");

/** A step's state mark: done, a legal deadline, or an estimate. */
function mark(step: PlanStep): string {
  if (step.done !== undefined) return "✅";
  return step.kind === "deadline" ? "⏰" : "🕒";
}

/** When the step is expected, or was done, as the person's language writes the dates. */
function when(lang: Lang, step: PlanStep): string {
  const { t, locale } = lang;
  const day = (d: string) => formatDay(d, locale, "long");
  if (typeof step.done === "string") return t("plan:when.done_on", { date: day(step.done) });
  if (step.done) return t("plan:when.done");
  if (step.counting === undefined) return t("plan:when.from", { date: day(step.start) });
  const key = step.kind === "deadline" ? "deadline" : "expected";
  const text = step.from === step.to ? t(`plan:when.${key}_by`, { date: day(step.to) }) : t(`plan:when.${key}_range`, { from: day(step.from), to: day(step.to) });
  return step.overdue ? `${text} ${t("plan:when.overdue")}` : text;
}

/**
 * A fee as the plan states it: MRP with its KZT of `year` where that MRP is confirmed, and otherwise the MRP
 * with a note that the year's tenge amount is not known (FACTS.md 7: no KZT for 2027 fees); USD as fixed, or
 * "not stated".
 */
function feeText(lang: Lang, id: FactId, year: number): string {
  const fact = getFact(id);
  if (typeof fact.value === "string") return lang.t(`check:value.${fact.value}`);
  if (fact.unit !== "MRP") return formatFactValue(fact, lang.t, lang.locale);
  const fee = formatMrpFee(fact, year, lang.t, lang.locale);
  return mrpKzt(year) === undefined ? `${fee} ${lang.t("fees:no_mrp_year", { year })}` : fee;
}

/** The MRP fact of `year`, cited with an MRP fee when the year's MRP is confirmed (the KZT shown comes from it). */
function mrpFactOf(year: number): FactId | undefined {
  return mrpKzt(year) === undefined ? undefined : (`mrp.${year}` as FactId);
}

/**
 * The year a step's fee is paid in, for its tenge amount: the last day of the step's window (its day when done).
 * A window that runs into a year whose MRP is not confirmed may end with the payment in that year, so that
 * year's (unknown) amount is the one to state, not today's.
 */
const feeYear = (step: PlanStep) => Number(step.to.slice(0, 4));

const programOf = (route: RoutePlan["route"]): Program => (route.startsWith("b9_1") ? "B9-1" : "B12-1");

/**
 * What the last /check said of the plan's program, sent before the plan so that no date comes first: its
 * verdict, and when it is unsure or not eligible, the reasons that made it so, in /check's words with its
 * citations. Its own message, as /check keeps its result apart from its plan: the B9-1 plan alone comes near
 * Telegram's 4,096 characters in German. The pilot's status is read for `today`, not taken from the check: a
 * check made while the pilot ran still gets the warning once it has ended with no extension, and one that
 * carried the warning gets the current note once an extension is confirmed. Undefined when the record has no
 * result for the program.
 */
export function renderPlanVerdict(lang: Lang, plan: RoutePlan, record: OutcomeRecord, today: string): string | undefined {
  const { t, locale } = lang;
  const program = programOf(plan.route);
  const outcome = programOutcome(record, program);
  if (!outcome) return undefined;
  const vars = checkVars(t, locale);
  const cites = new Citations(locale, today);
  const out = [`<b>${t(`check:program.${program}`)}</b> — ${t(`check:verdict.${outcome.verdict}`)}`];
  if (program === "B9-1") {
    const state = pilotStatus(today).state;
    if (state === "unconfirmed") out.push(`⚠️ ${reasonText(t, program, "pilot_status_unconfirmed", vars)}${cites.cite(...reasonFacts(program, "pilot_status_unconfirmed"))}`);
    else if (outcome.reasons.includes("pilot_status_unconfirmed")) out.push(`${pilotNoteOn(today, t, locale)}${cites.cite(...PILOT_NOTE_FACTS)}`);
  }
  // The reasons behind the verdict: blockers for "not eligible", doubts for "unsure". Caveats that change no
  // verdict stay in /check's result.
  const weight = outcome.verdict === "not_eligible" ? "blocker" : outcome.verdict === "unsure" ? "unsure" : undefined;
  for (const code of outcome.reasons.filter((c) => !LEADING_REASONS.has(c) && reasonWeight(c) === weight)) {
    const ids = reasonFacts(program, code);
    out.push(`${bullet(ids)}${reasonText(t, program, code, vars)}${cites.cite(...ids)}`);
  }
  if (!cites.isEmpty) out.push("", cites.footer(t));
  return out.join("\n");
}

/**
 * The plan of one route as a message: each step with its mark (done, legal deadline, estimate), its dates,
 * where it is done, what to prepare and its fee, every fact cited with its source; reported facts marked ⚠️.
 */
export function renderPlan(lang: Lang, plan: RoutePlan, record: OutcomeRecord, today: string): string {
  const { t, locale } = lang;
  const vars = checkVars(t, locale);
  const cites = new Citations(locale, today);
  const out: string[] = [
    `${t("plan:title", { route: t(`plan:route.${plan.route}`) })}${cites.cite(plan.stepsFact)}`,
    t("plan:based_on", { checked: formatDay(record.checked_at, locale, "long"), today: formatDay(today, locale, "long") }),
    "",
  ];
  plan.steps.forEach((step, i) => {
    const timeFacts = step.times;
    const reported = isReported(step.facts) ? "⚠️ " : "";
    const time = timeFacts.length > 0 ? ` (${timeFacts.map((id) => formatFactValue(getFact(id), t, locale)).join("; ")})` : "";
    const lines = [`${mark(step)} ${i + 1}. ${reported}${t(`check:step.${step.id}`, vars)}`, `   ${when(lang, step)}${time}${cites.cite(...timeFacts)}`];
    if (step.where) lines.push(`   ${t("plan:where", { place: t(`check:where.${step.where}`) })}${cites.cite(step.where)}`);
    if (PREPARE_AT[plan.route] === step.id && step.done === undefined) {
      const program = plan.route.startsWith("b9_1") ? "B9-1" : "B12-1";
      const docs = documentsFactOf(program);
      const items = factList(docs).map((id) => t([`faq:item.${id}`, `check:step.${id}`], { defaultValue: id }));
      lines.push(`   ${t("plan:prepare", { items: items.join(", "), interpolation: { escapeValue: false } })}${cites.cite(docs)}`);
    }
    for (const fee of step.fees) {
      const year = feeYear(step);
      const mrp = getFact(fee).unit === "MRP" ? mrpFactOf(year) : undefined;
      lines.push(`   ${t("plan:fee", { fee: feeText(lang, fee, year), interpolation: { escapeValue: false } })}${cites.cite(fee, ...(mrp ? [mrp] : []))}`);
    }
    out.push(lines.join("\n"));
  });
  out.push("", t("plan:legend"));
  if (plan.computedCalendar) out.push(t("plan:computed_calendar"));
  if (plan.steps.some((s) => s.kind === "deadline" && s.done === undefined)) out.push(t("plan:reminders"));
  out.push("", cites.footer(t));
  return out.join("\n");
}

/** One checklist line: its status mark and text, ⚠️ where it states a reported fact. */
function itemLine(lang: Lang, plan: RoutePlan, item: CheckItem, cites: Citations): string {
  const { t, locale } = lang;
  const day = (d: string | undefined) => (d === undefined ? "" : formatDay(d, locale, "long"));
  const visa = plan.route !== "b9_1.residence";
  const b91 = plan.route.startsWith("b9_1");
  const vars = {
    date: day(item.date),
    submission: day(item.submission),
    days: Number(factRecord("b9_1.passport_validity_residence").amount),
    months: Number(factRecord("visa.passport.validity_after_visa").amount),
    policeDays: factNumber("kz.police_clearance_validity"),
    confirm: findFact("kz.police_clearance_validity")?.confirmAt ?? "",
  };
  let key: string;
  switch (item.id) {
    case "names_dates":
      key = b91 ? "plan:checklist.names_dates_b91" : "plan:checklist.names_dates";
      break;
    case "passport_validity":
      key = `plan:checklist.passport.${visa ? "visa_" : ""}${item.status}`;
      break;
    default:
      key = `plan:checklist.${item.id}`;
  }
  const status = item.status === "ok" ? "✅" : item.status === "problem" ? "❌" : item.status === "short" ? "❗" : item.status === "unknown" ? "❔" : "☐";
  const reported = isReported(item.facts) ? "⚠️ " : "";
  return `${status} ${reported}${t(key, vars)}${item.facts.length ? cites.cite(...item.facts) : ""}`;
}

/** The pre-submission consistency checklist of a plan as a message, cited. */
export function renderChecklist(lang: Lang, plan: RoutePlan, milestones: Milestones, today: string): string {
  const cites = new Citations(lang.locale, today);
  const submission = submissionDate(plan);
  const head = submission
    ? lang.t("plan:checklist.title_on", { date: formatDay(submission, lang.locale, "long") })
    : lang.t("plan:checklist.title");
  const lines = consistencyChecklist(plan, milestones).map((item) => itemLine(lang, plan, item, cites));
  return [head, ...lines, "", cites.footer(lang.t)].join("\n");
}
