import { InlineKeyboard } from "grammy";
import { countryName, getFact, outcomeFacts, type FactId, type ProgramResult, type ReasonCode } from "../../rules/index.js";
import type { FlowContext } from "../../bot/context.js";
import { ACTION } from "../../bot/keyboards.js";
import { Citations, formatFactValue, formatMrpFee } from "../../bot/render/facts.js";
import { reasonFacts } from "./citations.js";
import { checkVars } from "./vars.js";

const programKey = (p: ProgramResult["program"]) => (p === "B9-1" ? "b91" : "b121");

/** Reasons shown above the verdict rather than among the others. */
const LEADING_REASONS: ReadonlySet<ReasonCode> = new Set(["pilot_status_unconfirmed"]);

function reasonText(ctx: FlowContext, result: ProgramResult, code: ReasonCode, vars: Record<string, string | number>): string {
  return ctx.t([`check:reason.${programKey(result.program)}.${code}`, `check:reason.${code}`], vars);
}

/**
 * One program's result as a message: a status that puts the whole program in doubt first (the pilot after its
 * end), then the verdict, the reasons in plain words, what is missing,
 * the next three steps, fees and timings; every fact cited with its source and "as of" date.
 */
export function renderProgramOutcome(ctx: FlowContext, result: ProgramResult, today: string): string {
  const { t, locale } = ctx;
  const vars = checkVars(t, locale);
  const cites = new Citations(locale, today);
  const cite = (ids: readonly string[]) => cites.cite(...ids);
  const out: string[] = [`<b>${t(`check:program.${result.program}`)}</b>`];
  // A status that makes every answer uncertain comes before the verdict, with where to confirm it.
  const leading = result.reasons.filter((code) => LEADING_REASONS.has(code));
  for (const code of leading) out.push(`⚠️ ${reasonText(ctx, result, code, vars)}${cite(reasonFacts(result.program, code))}`);
  out.push(t(`check:verdict.${result.verdict}`));
  if (result.citizenship) out.push(t("check:based_on_citizenship", { country: countryName(result.citizenship, locale) }));

  const reasons = result.reasons.filter((code) => !LEADING_REASONS.has(code));
  if (reasons.length > 0) {
    out.push("", t("check:outcome.why"));
    for (const code of reasons) out.push(`• ${reasonText(ctx, result, code, vars)}${cite(reasonFacts(result.program, code))}`);
  }
  if (result.missing?.length) {
    out.push("", t("check:outcome.missing"), ...result.missing.map((code) => `• ${t(`check:missing.${code}`)}`));
  }

  const facts = outcomeFacts(result.program, result, { today });
  if (facts) {
    out.push("", `${t("check:outcome.next_steps")}${cite([facts.stepsFact])}`);
    facts.nextSteps.forEach((step, i) => out.push(`${i + 1}. ${t(`check:step.${step}`, vars)}`));
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
      out.push(`• ${t(`check:label.${id}`)}: ${value}${cite(sources)}`);
    }
    out.push("", t("check:outcome.timings"));
    for (const id of facts.timings) out.push(`• ${t(`check:label.${id}`)}: ${formatFactValue(getFact(id as FactId), t, locale)}${cite([id])}`);
  }
  if (!cites.isEmpty) out.push("", cites.footer(t));
  return out.join("\n");
}

/** Buttons under the last result message: questions, reminders for the deadlines ahead, or another check. */
export function outcomeKeyboard(ctx: FlowContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("menu.faq"), ACTION.faq)
    .row()
    .text(ctx.t("menu.remind"), ACTION.remind)
    .row()
    .text(ctx.t("check:btn.check_again"), ACTION.check);
}
