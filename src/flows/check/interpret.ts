import {
  countryName,
  getNode,
  isStatelessAnswer,
  matchCountry,
  parseAmount,
  parseDate,
  STATELESS,
  type NodeId,
} from "../../rules/index.js";
import { buildIncome } from "../../rules/eligibility/income.js";
import { parseDuration } from "../../rules/input/duration.js";
import { matchSpecialty } from "../../rules/input/specialty.js";
import type { FlowContext } from "../../bot/context.js";
import { formatDay } from "../../bot/render/dates.js";
import { CB } from "./ask.js";
import { incomeLabel, monthsLabel } from "./labels.js";

/** A "did you mean" option: the answer it gives and its button label. */
export interface Suggestion {
  value: string;
  label: string;
}

/** What an incoming update means for the current question. */
export type Step =
  | { kind: "answer"; raw: unknown; label: string }
  | { kind: "back" }
  | { kind: "restart" }
  /** Options to choose from, under the text of `key`. */
  | { kind: "suggest"; options: Suggestion[]; key: string }
  /** An amount in another currency: the flow fetches the rates (through `external`) and converts it. */
  | { kind: "convert"; parsed: { amount: number; currency: string; period?: "year" } }
  | { kind: "retry"; key: string; vars?: Record<string, string> }
  | { kind: "stale" };

const YES = new Set(["yes", "y", "yep", "yeah", "да", "д", "ага", "иә", "ия", "иа", "ja", "j", "jo", "jawohl"]);
const NO = new Set(["no", "n", "nope", "нет", "н", "неа", "жоқ", "жок", "nein", "ne", "nö"]);

const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s/]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Reads an update as an answer to question `id`: a press on one of the buttons of `messageIds`,
 * or typed text parsed for the question's kind. Pure apart from reading `ctx`.
 */
export function interpret(ctx: FlowContext, id: NodeId, messageIds: readonly number[], today: string): Step {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    if (!messageIds.includes(ctx.callbackQuery?.message?.message_id ?? -1)) return { kind: "stale" };
    if (data === CB.back) return { kind: "back" };
    if (data === CB.restart) return { kind: "restart" };
    if (data === CB.none) return { kind: "retry", key: id === "it_specialty" ? "check:error.unknown_job" : "check:error.invalid_country" };
    if (data.startsWith("chk:a:")) {
      const value = data.slice(6);
      return { kind: "answer", raw: value, label: labelFor(ctx, id, value) };
    }
    return { kind: "stale" };
  }
  const text = ctx.message?.text?.trim();
  if (text === undefined || text === "") return { kind: "retry", key: "check:error.text_only" };
  if (/^\/check(@\w+)?$/i.test(text)) return { kind: "restart" };
  if (text.startsWith("/")) return { kind: "retry", key: "check:error.command_in_flow" };
  return interpretText(ctx, id, text, today);
}

function interpretText(ctx: FlowContext, id: NodeId, text: string, today: string): Step {
  const node = getNode(id);
  switch (node.kind) {
    case "choice": {
      const typed = plain(text);
      const option =
        node.options.find((o) => plain(ctx.t(`check:opt.${o}`)) === typed || o === typed) ??
        (node.options.includes("yes") && YES.has(typed) ? "yes" : undefined) ??
        (node.options.includes("no") && NO.has(typed) ? "no" : undefined);
      if (option) return { kind: "answer", raw: option, label: labelFor(ctx, id, option) };
      return id === "it_specialty" ? interpretJob(ctx, text) : { kind: "retry", key: "check:error.choose_button" };
    }
    case "country": {
      if (id === "citizenship" && isStatelessAnswer(text)) return { kind: "answer", raw: STATELESS, label: labelFor(ctx, id, STATELESS) };
      const match = matchCountry(text);
      if (match.kind === "exact") return { kind: "answer", raw: match.code, label: countryName(match.code, ctx.locale) };
      if (match.kind === "suggest") {
        return { kind: "suggest", key: "check:did_you_mean", options: match.codes.map((c) => ({ value: c, label: countryName(c, ctx.locale) })) };
      }
      return { kind: "retry", key: "check:error.invalid_country" };
    }
    case "amount": {
      const parsed = parseAmount(text);
      // "¥450000": yen or yuan. Asked back naming both codes rather than guessed (the two differ about 20-fold).
      if (!parsed.ok && parsed.error === "ambiguous_currency") {
        return { kind: "retry", key: "check:error.ambiguous_currency" };
      }
      if (!parsed.ok) return { kind: "retry", key: "check:error.invalid_amount" };
      if (parsed.currency && parsed.currency !== "USD") {
        return { kind: "convert", parsed: { amount: parsed.amount, currency: parsed.currency, ...(parsed.period ? { period: parsed.period } : {}) } };
      }
      const built = buildIncome(parsed, undefined);
      return built.ok ? { kind: "answer", raw: built.value, label: incomeLabel(ctx, built.value) } : { kind: "retry", key: "check:error.invalid_amount" };
    }
    case "count": {
      const parsed = parseDuration(text, { today });
      if (parsed.ok) return { kind: "answer", raw: parsed.months, label: monthsLabel(ctx, parsed.months, parsed.since) };
      return { kind: "retry", key: parsed.error === "future" ? "check:error.future_start" : "check:error.invalid_count" };
    }
    case "date": {
      const parsed = parseDate(text, { today, locale: ctx.locale });
      if (parsed.ok) return { kind: "answer", raw: parsed.date, label: formatDay(parsed.date, ctx.locale, "long") };
      const key = { invalid_date: "invalid_date", ambiguous: "ambiguous_date", missing_day: "missing_day", unrecognised: "unrecognised_date" }[parsed.error];
      return { kind: "retry", key: `check:error.${key}` };
    }
  }
}

/** A job typed in the person's words: one field is an answer, two or three a "did you mean", outside IT said plainly. */
function interpretJob(ctx: FlowContext, text: string): Step {
  const match = matchSpecialty(text);
  const option = (code: string) => ({ value: code, label: ctx.t(`check:opt.${code}`) });
  switch (match.kind) {
    case "exact":
      return { kind: "answer", raw: match.code, label: labelFor(ctx, "it_specialty", match.code) };
    case "suggest":
      return { kind: "suggest", key: "check:specialty.did_you_mean", options: match.codes.map(option) };
    case "outside":
      return { kind: "suggest", key: "check:specialty.outside", options: ["none", "other_it"].map(option) };
    case "none":
      return { kind: "retry", key: "check:error.unknown_job" };
  }
}

function labelFor(ctx: FlowContext, id: NodeId, value: string): string {
  if (value === STATELESS) return ctx.t("check:opt.stateless");
  return getNode(id).kind === "country" ? countryName(value, ctx.locale) : ctx.t(`check:opt.${value}`);
}

