import { InlineKeyboard } from "grammy";
import { assess, countryName, factList, toProfile, type Answers, type Profile, type Program, type ProgramResult } from "../../rules/index.js";
import { answeredPath } from "../../rules/eligibility/state.js";
import { documentsFactOf, otherRoutes, type OtherRoute } from "../../rules/eligibility/routes.js";
import type { FlowContext } from "../../bot/context.js";
import { ACTION } from "../../bot/keyboards.js";
import { Citations } from "../../bot/render/facts.js";
import { CB } from "./ask.js";
import { answerLabel } from "./labels.js";
import { bullet, portalUrl } from "./outcome.js";
import { checkVars } from "./vars.js";

/**
 * A completed set of answers assessed: the profile, the results, and for a dual citizen each citizenship assessed
 * alone (the comparison under the verdicts). Each is computed once however many messages use it: the record
 * stored, the verdicts, the other routes and the buttons of "Your answers" all read the same results.
 */
export interface Assessment {
  readonly profile: Profile;
  readonly results: readonly ProgramResult[];
  /** The result of `program` for `citizenship` alone (assessed once per citizenship). */
  alone(citizenship: string, program: Program): ProgramResult;
}

export function assessAnswers(answers: Answers, today: string): Assessment {
  const profile = toProfile(answers);
  const { results } = assess(profile, { today });
  const single = new Map<string, readonly ProgramResult[]>();
  return {
    profile,
    results,
    alone(citizenship, program) {
      let one = single.get(citizenship);
      if (!one) single.set(citizenship, (one = assess({ ...profile, citizenships: [citizenship] }, { today }).results));
      return one.find((r) => r.program === program)!;
    },
  };
}

/** "Your answers": each answer on the path, to be changed with the buttons under it. */
export function renderAnswers(ctx: FlowContext, answers: Answers): string {
  const lines = answeredPath(answers).map((id) => `• ${ctx.t(`check:summary.${id}`)}: ${answerLabel(ctx, id, answers)}`);
  return [ctx.t("check:outcome.your_answers"), ...lines, "", ctx.t("check:outcome.change_hint")].join("\n");
}

/** A Change button per answer, then the checklist of each program that may fit, reminders, a question, a new check. */
export function answersKeyboard(ctx: FlowContext, answers: Answers, results: readonly ProgramResult[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  answeredPath(answers).forEach((id, i) => {
    if (i > 0 && i % 2 === 0) kb.row();
    kb.text(ctx.t("check:btn.change", { question: ctx.t(`check:summary.${id}`) }), CB.change(id));
  });
  kb.row();
  for (const r of results) if (r.verdict !== "not_eligible") kb.text(ctx.t("check:btn.checklist", { program: r.program }), CB.docs(r.program)).row();
  return kb.text(ctx.t("menu.remind"), ACTION.remind).text(ctx.t("menu.faq"), ACTION.faq).row().text(ctx.t("check:btn.check_again"), ACTION.check);
}

/** The documents of a program's route, as a plain list with its source. */
export function renderChecklist(ctx: FlowContext, program: ProgramResult["program"], today: string): string {
  const cites = new Citations(ctx.locale, today);
  const fact = documentsFactOf(program);
  const items = factList(fact).map((id) => `☐ ${ctx.t([`faq:item.${id}`, `check:step.${id}`], { defaultValue: id })}`);
  return [`${ctx.t("check:checklist.title", { program })}${cites.cite(fact)}`, ...items, "", cites.footer(ctx.t)].join("\n");
}

/** Other ways to Kazakhstan when a program does not fit, from the facts only, with where each is done. */
export function renderOtherRoutes(ctx: FlowContext, profile: Profile, results: readonly ProgramResult[], today: string): { text: string; keyboard: InlineKeyboard } | undefined {
  const routes = otherRoutes(profile.citizenships, results);
  if (routes.length === 0) return undefined;
  const vars = checkVars(ctx.t, ctx.locale);
  const cites = new Citations(ctx.locale, today);
  const line = (r: OtherRoute) => {
    const country = r.citizenship ? countryName(r.citizenship, ctx.locale) : "";
    return `${bullet(r.facts)}${ctx.t(`check:route.${r.id}`, { ...vars, country })}${cites.cite(...r.facts)}`;
  };
  const text = [ctx.t("check:outcome.other_routes"), ...routes.map(line), "", cites.footer(ctx.t)].join("\n");
  const keyboard = new InlineKeyboard();
  [...new Set(routes.flatMap((r) => (r.where ? [r.where] : [])))].forEach((where, i) => {
    if (i > 0) keyboard.row();
    keyboard.url(ctx.t(`check:portal.${where}`), portalUrl(where));
  });
  return { text, keyboard };
}

/**
 * For a dual citizen: why the result uses the citizenship it names (or, when neither helps, that both gave
 * the same). Compares with each other citizenship assessed alone, so the person sees what it would be.
 */
export function citizenshipWhy(ctx: FlowContext, result: ProgramResult, assessment: Assessment): string | undefined {
  const { citizenships } = assessment.profile;
  if (citizenships.length < 2) return undefined;
  if (!result.citizenship) return ctx.t("check:dual.same_for_both");
  const others = citizenships.filter((c) => c !== result.citizenship);
  return others
    .map((c) => {
      const other = assessment.alone(c, result.program);
      const key = other.verdict === result.verdict ? "check:dual.same_verdict" : "check:dual.other_verdict";
      return ctx.t(key, { country: countryName(c, ctx.locale), verdict: ctx.t(`check:verdict_short.${other.verdict}`) });
    })
    .join(" ");
}
