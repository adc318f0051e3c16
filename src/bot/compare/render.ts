import { InlineKeyboard } from "grammy";
import { countryName, getFact, type Fact, type FactId } from "../../rules/index.js";
import { COMPARE_FILTERS, filterRows, filtersToMask, type CompareFilter, type ProgramRow } from "../../rules/compare/index.js";
import type { Locale } from "../../store/index.js";
import { escapeHtml, type TFunction } from "../i18n.js";
import { comparedAmount } from "../render/comparison.js";
import { Citations, formatFactValue, formatMrpFee, formatNumber } from "../render/facts.js";

interface View {
  t: TFunction;
  locale: Locale;
  today: string;
}

/** Rows per page of the comparison: eight rows stay well under Telegram's 4,096 characters in every language. */
export const ROWS_PER_PAGE = 8;

/** Callback data of /compare: Kazakhstan's two programs, or the table with a filter mask and a page. */
export const CMP_CB = {
  kz: "cmp:kz",
  world: (filters: readonly CompareFilter[], page: number) => `cmp:w:${filtersToMask(filters)}:${page}`,
} as const;

const interp = { interpolation: { escapeValue: false } } as const;
const unitText = (t: TFunction, locale: Locale, n: number, unit: string) => t(`facts:units.${unit}`, { count: n, value: formatNumber(n, locale) });
const money = (t: TFunction, locale: Locale, currency: string, n: number) => t("check:money", { currency, value: formatNumber(n, locale) });

/** "over USD 3,000", "at least 6 months": a fact's { amount, comparison } value in words. */
function compared(t: TFunction, locale: Locale, fact: Fact): string {
  const v = fact.value as Record<string, unknown>;
  return comparedAmount(fact, v.amount as number, String(v.comparison), t, locale);
}

/**
 * B9-1 and B12-1 side by side: income, duration, family, path to residence, work, fees and where each is
 * applied for, every line with its sources.
 */
export function renderKazakhstan(view: View): string {
  const { t, locale, today } = view;
  const cites = new Citations(locale, today);
  const c = (...ids: FactId[]) => cites.cite(...ids);
  const f = (id: FactId) => getFact(id);
  const fv = (id: FactId) => formatFactValue(f(id), t, locale);
  const year = Number(today.slice(0, 4));
  const c2 = f("b9_1.family.c2_after_permit").value as Record<string, number>;
  const section = (title: string, b9: string, b12: string) => [`<b>${t(`compare:aspect.${title}`)}</b>`, `• B9-1: ${b9}`, `• B12-1: ${b12}`];
  const lines = [
    `<b>${t("compare:kz_title")}</b>`,
    "",
    ...section("income", t("compare:kz.b9_income") + c("b9_1.income_requirement"), t("compare:kz.b12_income", { amount: compared(t, locale, f("b12_1.income_monthly")), months: compared(t, locale, f("b12_1.income_months")), ...interp }) + c("b12_1.income_monthly", "b12_1.income_months")),
    ...section(
      "duration",
      t("compare:kz.b9_duration", { visa: fv("b9_1.evisa_validity"), permit: fv("b9_1.permit_length"), ...interp }) + c("b9_1.evisa_validity", "b9_1.permit_length", "b9_1.visa_extension"),
      t("compare:kz.b12_duration", { visa: fv("b12_1.validity"), other: formatFactValue({ ...f("b12_1.validity"), value: f("b12_1.validity").alternatives![0]!.value }, t, locale), ...interp }) + c("b12_1.validity", "b12_1.extension"),
    ),
    ...section(
      "family",
      t("compare:kz.b9_family", { years: unitText(t, locale, c2.validity_years ?? 1, "years"), ...interp }) + c("b9_1.family.accompanying_visa", "b9_1.family.c2_after_permit"),
      t("compare:kz.b12_family") + c("b12_1.family.same_visa"),
    ),
    ...section("residence", t("compare:kz.b9_residence", { permit: fv("b9_1.permit_length"), ...interp }) + c("b9_1.stages", "b9_1.permit_length"), t("compare:kz.b12_residence")),
    ...section("work", t("compare:kz.b9_work") + c("b9_1.work.c3_permit"), t("compare:kz.b12_work") + c("b12_1.work_allowed")),
    ...section(
      "fees",
      t("compare:kz.b9_fees", { evisa: fv("b9_1.fee.evisa"), multiple: formatMrpFee(f("b9_1.fee.multiple_entry"), year, t, locale), ...interp }) + c("b9_1.fee.evisa", "b9_1.fee.multiple_entry", "b9_1.fee.residence_state_duty"),
      formatMrpFee(f("b12_1.fee.consular"), year, t, locale) + c("b12_1.fee.consular"),
    ),
    ...section("where", t("compare:kz.b9_where") + c("portal.astana_hub", "portal.egov", "portal.vmp"), t("compare:kz.b12_where") + c("b12_1.where")),
  ];
  return [...lines, "", cites.footer(t)].join("\n");
}

/** The flag of an ISO 3166 alpha-2 code (regional indicator letters). */
function flag(code: string): string {
  return String.fromCodePoint(...[...code].map((ch) => 0x1f1e6 + ch.charCodeAt(0) - 65));
}

function durationText(t: TFunction, locale: Locale, row: ProgramRow): string {
  const max = unitText(t, locale, row.duration_max, row.duration_max_unit);
  return row.duration_min !== undefined && row.duration_min_unit ? `${unitText(t, locale, row.duration_min, row.duration_min_unit)} – ${max}` : max;
}

function incomeText(t: TFunction, locale: Locale, row: ProgramRow): string {
  let text: string;
  if (row.income === "amount") {
    text = t(`compare:per.${row.income_period}`, { amount: money(t, locale, row.income_currency!, row.income_amount!), ...interp });
  } else text = t(`compare:income.${row.income}`) + (row.cut_off ? ` ${t("compare:cut_off")}` : "");
  if (row.savings_amount !== undefined && row.savings_currency) {
    text += `, ${t("compare:savings", { amount: money(t, locale, row.savings_currency, row.savings_amount), ...interp })}`;
  }
  return text;
}

/** One program in two lines: country and name, then income · duration · family · path, with its source marker. */
function rowText(view: View, row: ProgramRow, cites: Citations): string {
  const { t, locale } = view;
  const name = row.program ? escapeHtml(row.program) : t("compare:unnamed");
  const path =
    row.residence_path === "yes"
      ? t("compare:path.residence")
      : t(`compare:path.${row.citizenship_path}`) +
        (row.citizenship_years ? ` (${unitText(t, locale, row.citizenship_years, "years")})` : "");
  const facts = [incomeText(t, locale, row), durationText(t, locale, row), t(`compare:family.${row.dependants}`), path];
  return `${flag(row.country)} <b>${escapeHtml(countryName(row.country, locale))}</b> — ${name}${cites.cite(row.fact)}\n${facts.join(" · ")}`;
}

/** One page of the comparison under the filters set, with the sources' dates at the foot. */
export function renderWorld(view: View, filters: readonly CompareFilter[], page: number): { text: string; pages: number } {
  const { t, locale, today } = view;
  const rows = filterRows(filters);
  const pages = Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE));
  const shown = rows.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE);
  const cites = new Citations(locale, today);
  const head = [`<b>${t("compare:world_title")}</b>`];
  if (filters.length > 0) head.push(t("compare:filters_set", { filters: filters.map((f) => t(`compare:filter.${f}`)).join(", ") }));
  head.push(t("compare:count", { count: rows.length, shown: formatNumber(rows.length, locale) }) + (pages > 1 ? ` ${t("compare:page", { page: formatNumber(page + 1, locale), pages: formatNumber(pages, locale) })}` : ""));
  const body = shown.length > 0 ? shown.map((row) => rowText(view, row, cites)) : [t("compare:none")];
  const foot = cites.isEmpty ? [] : ["", cites.footer(t)];
  return { text: [...head, "", body.join("\n\n"), "", t("compare:legend"), ...foot].join("\n"), pages };
}

/** Filters as toggles, the pages, and back to Kazakhstan's two programs. */
export function worldKeyboard(t: TFunction, filters: readonly CompareFilter[], page: number, pages: number): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const f of COMPARE_FILTERS) {
    const on = filters.includes(f);
    const next = on ? filters.filter((x) => x !== f) : [...filters, f];
    kb.text(`${on ? "✅" : "⬜"} ${t(`compare:filter.${f}`)}`, CMP_CB.world(next, 0)).row();
  }
  if (pages > 1) {
    if (page > 0) kb.text(t("compare:btn.prev"), CMP_CB.world(filters, page - 1));
    if (page < pages - 1) kb.text(t("compare:btn.next"), CMP_CB.world(filters, page + 1));
    kb.row();
  }
  return kb.text(t("compare:btn.kz"), CMP_CB.kz);
}

export function kazakhstanKeyboard(t: TFunction): InlineKeyboard {
  return new InlineKeyboard().text(t("compare:btn.world"), CMP_CB.world([], 0));
}
