import {
  countryName,
  getNode,
  isStatelessAnswer,
  matchCountry,
  parseAmount,
  parseCount,
  parseDate,
  STATELESS,
  type NodeId,
} from "../../rules/index.js";
import type { FlowContext } from "../../bot/context.js";
import { formatDay } from "../../bot/render/dates.js";
import { CB } from "./ask.js";

/** What an incoming update means for the current question. */
export type Step =
  | { kind: "answer"; raw: string | number; label: string }
  | { kind: "back" }
  | { kind: "restart" }
  | { kind: "suggest"; codes: string[] }
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
    if (data === CB.none) return { kind: "retry", key: `check:error.invalid_country` };
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
      return option ? { kind: "answer", raw: option, label: labelFor(ctx, id, option) } : { kind: "retry", key: "check:error.choose_button" };
    }
    case "country": {
      if (id === "citizenship" && isStatelessAnswer(text)) return { kind: "answer", raw: STATELESS, label: labelFor(ctx, id, STATELESS) };
      const match = matchCountry(text);
      if (match.kind === "exact") return { kind: "answer", raw: match.code, label: countryName(match.code, ctx.locale) };
      if (match.kind === "suggest") return { kind: "suggest", codes: match.codes };
      return { kind: "retry", key: "check:error.invalid_country" };
    }
    case "amount": {
      const parsed = parseAmount(text);
      if (!parsed.ok) return { kind: "retry", key: "check:error.invalid_amount" };
      if (parsed.currency && parsed.currency !== "USD") {
        return { kind: "retry", key: "check:error.other_currency", vars: { currency: parsed.currency } };
      }
      return { kind: "answer", raw: parsed.amount, label: ctx.t("facts:units.USD", { value: new Intl.NumberFormat(ctx.locale).format(parsed.amount) }) };
    }
    case "count": {
      const parsed = parseCount(text);
      return parsed.ok
        ? { kind: "answer", raw: parsed.value, label: ctx.t("facts:units.months", { count: parsed.value, value: parsed.value }) }
        : { kind: "retry", key: "check:error.invalid_count" };
    }
    case "date": {
      const parsed = parseDate(text, { today, locale: ctx.locale });
      if (parsed.ok) return { kind: "answer", raw: parsed.date, label: formatDay(parsed.date, ctx.locale, "long") };
      const key = { invalid_date: "invalid_date", ambiguous: "ambiguous_date", unrecognised: "unrecognised_date" }[parsed.error];
      return { kind: "retry", key: `check:error.${key}` };
    }
  }
}

function labelFor(ctx: FlowContext, id: NodeId, value: string): string {
  if (value === STATELESS) return ctx.t("check:opt.stateless");
  return getNode(id).kind === "country" ? countryName(value, ctx.locale) : ctx.t(`check:opt.${value}`);
}

