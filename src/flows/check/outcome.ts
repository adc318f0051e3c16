import { InlineKeyboard } from "grammy";
import { countryName, findFact, getFact, outcomeFacts, type FactId, type Program, type ProgramResult, type ReasonCode } from "../../rules/index.js";
import { pathSteps, routeOf, routePortals, stepsFactOf, type PortalFactId } from "../../rules/eligibility/routes.js";
import type { FlowContext } from "../../bot/context.js";
import type { TFunction } from "../../bot/i18n.js";
import { Citations, formatFactValue, formatMrpFee } from "../../bot/render/facts.js";
import { reasonFacts } from "./citations.js";
import { checkVars } from "./vars.js";

const programKey = (p: ProgramResult["program"]) => (p === "B9-1" ? "b91" : "b121");

/** Reasons shown right under the verdict, before the others: a status that puts the whole program in doubt. */
export const LEADING_REASONS: ReadonlySet<ReasonCode> = new Set(["pilot_status_unconfirmed"]);

/** A reason in plain words, the program's own wording where it has one; /plan repeats them under the verdict. */
export function reasonText(t: TFunction, program: Program, code: ReasonCode, vars: Readonly<Record<string, string | number>>): string {
  return t([`check:reason.${programKey(program)}.${code}`, `check:reason.${code}`], vars);
}

/** "⚠️ " for a line that states a reported fact (the footnote explains the mark), "• " otherwise. */
export function bullet(ids: readonly string[]): string {
  return ids.some((id) => findFact(id)?.confidence === "reported") ? "⚠️ " : "• ";
}

/** The portal's name and address, from its fact. */
export function portalUrl(id: PortalFactId): string {
  return String(getFact(id).value);
}

/** Extra lines a result carries from outside the policy (the dual citizen's comparison, the rate used). */
export interface OutcomeExtras {
  /** Said under "Based on your citizenship of …": why that one was used. */
  citizenshipWhy?: string;
  /** Said with the income reasons: the rate and its date, when the income was converted. */
  rate?: string;
}

/**
 * One program's result as a message: the verdict in one line first, a status that puts the whole program in
 * doubt right under it, the reasons in plain words and what is missing; every fact cited with its source and
 * date, and every line stating a reported fact marked ⚠️. The plan follows in its own message
 * (renderProgramPlan): together they would pass Telegram's 4,096 characters.
 */
export function renderProgramOutcome(ctx: FlowContext, result: ProgramResult, today: string, extras: OutcomeExtras = {}): string {
  const { t, locale } = ctx;
  const vars = checkVars(t, locale);
  const cites = new Citations(locale, today);
  const cite = (ids: readonly string[]) => cites.cite(...ids);
  const out: string[] = [`<b>${t(`check:program.${result.program}`)}</b> — ${t(`check:verdict.${result.verdict}`)}`];
  const leading = result.reasons.filter((code) => LEADING_REASONS.has(code));
  for (const code of leading) out.push(`⚠️ ${reasonText(t, result.program, code, vars)}${cite(reasonFacts(result.program, code))}`);
  if (result.citizenship) {
    out.push(t("check:based_on_citizenship", { country: countryName(result.citizenship, locale) }) + (extras.citizenshipWhy ? ` ${extras.citizenshipWhy}` : ""));
  } else if (extras.citizenshipWhy) out.push(extras.citizenshipWhy);

  const reasons = result.reasons.filter((code) => !LEADING_REASONS.has(code));
  if (reasons.length > 0) {
    out.push("", t("check:outcome.why"));
    for (const code of reasons) {
      const ids = reasonFacts(result.program, code);
      const rate = extras.rate && (code === "income_depends_on_rate" || code === "income_below_threshold") ? ` ${extras.rate}` : "";
      out.push(`${bullet(ids)}${reasonText(t, result.program, code, vars)}${rate}${cite(ids)}`);
    }
  }
  if (result.missing?.length) {
    out.push("", t("check:outcome.missing"), ...result.missing.map((code) => `• ${t(`check:missing.${code}`)}`));
  }

  if (!cites.isEmpty) out.push("", cites.footer(t));
  return out.join("\n");
}

/**
 * The plan for a result that may fit: the whole path of its route, each step an action with where it is done
 * and how long it takes, then fees and the overall timings; cited like the result. Undefined for not_eligible.
 */
export function renderProgramPlan(ctx: FlowContext, result: ProgramResult, today: string): string | undefined {
  const { t, locale } = ctx;
  const vars = checkVars(t, locale);
  const cites = new Citations(locale, today);
  const cite = (ids: readonly string[]) => cites.cite(...ids);
  const route = routeOf(result);
  const facts = outcomeFacts(result.program, result, { today });
  if (!route || !facts) return undefined;
  const out: string[] = [];
  out.push(`${t("check:outcome.path", { program: result.program })}${cite([stepsFactOf(route)])}`);
  pathSteps(route).forEach((step, i) => {
    const where = step.where ? ` — ${t(`check:where.${step.where}`)}` : "";
    const time = step.time ? ` (${formatFactValue(getFact(step.time), t, locale)})` : "";
    const ids = [step.where, step.time].filter((x): x is FactId => x !== undefined);
    const mark = bullet(ids) === "⚠️ " ? "⚠️ " : "";
    out.push(`${i + 1}. ${mark}${t(`check:step.${step.id}`, vars)}${where}${time}${cite(ids)}`);
  });
  if (result.program === "B9-1") out.push(`${t("check:outcome.evisa_path", { time: formatFactValue(getFact("b9_1.time.visa_path"), t, locale) })}${cite(["b9_1.time.visa_path", "b9_1.steps.visa_path"])}`);

  const year = Number(today.slice(0, 4));
  const mrpFact = facts.fees.find((id) => id.startsWith("mrp."));
  out.push("", t("check:outcome.fees"));
  for (const id of facts.fees.filter((f) => !f.startsWith("mrp."))) {
    const fact = getFact(id);
    const value =
      typeof fact.value === "string"
        ? t(`check:value.${fact.value}`)
        : fact.unit === "MRP"
          ? formatMrpFee(fact, year, t, locale)
          : formatFactValue(fact, t, locale);
    const sources = fact.unit === "MRP" && mrpFact ? [id, mrpFact] : [id];
    out.push(`${bullet(sources)}${t(`check:label.${id}`)}: ${value}${cite(sources)}`);
  }
  const totals = facts.timings.filter((id) => !pathSteps(route).some((s) => s.time === id));
  if (totals.length > 0) {
    out.push("", t("check:outcome.timings"));
    for (const id of totals) out.push(`${bullet([id])}${t(`check:label.${id}`)}: ${formatFactValue(getFact(id as FactId), t, locale)}${cite([id])}`);
  }
  if (!cites.isEmpty) out.push("", cites.footer(t));
  return out.join("\n");
}

/** URL buttons for the places a result's route is done (Astana Hub, eGov, the Visa-Migration Portal, embassies). */
export function programKeyboard(ctx: FlowContext, result: ProgramResult): InlineKeyboard | undefined {
  const route = routeOf(result);
  if (!route) return undefined;
  const kb = new InlineKeyboard();
  routePortals(route).forEach((id, i) => {
    if (i > 0 && i % 2 === 0) kb.row();
    kb.url(ctx.t(`check:portal.${id}`), portalUrl(id));
  });
  return kb;
}
