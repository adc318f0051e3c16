import { countryName, factList, factNumber, factRecord, getFact, NODE_IDS, policyRules } from "../../rules/index.js";
import type { Locale } from "../../store/index.js";
import { formatDay } from "../../bot/render/dates.js";
import { formatFactValue, formatNumber } from "../../bot/render/facts.js";
import type { TFunction } from "../../bot/i18n.js";

type CheckVars = Readonly<Record<string, string | number>>;

/**
 * Rendered once per language: the values depend only on the facts and texts, which are loaded once per
 * process, and a /check update renders them twice (the question it closes, the next one); on the conversations
 * plugin's replays, three or four times, a fifth of the flow's CPU time (bench/README.md, /check replays). Kept per `t` (the bot's
 * i18n hands out one `t` per language, src/bot/i18nCache.ts), so an i18n instance with other resources (a test's)
 * never gets another's values; forgotten when resources change (forgetCheckVars).
 */
let rendered = new WeakMap<TFunction, Map<Locale, CheckVars>>();

/**
 * The numbers and names the check's texts interpolate, all read from the facts data, so a text
 * never states a number of its own. Keys match the {{variables}} of locales/<lng>/check.json.
 * The result is shared between calls: callers spread it when they add their own values.
 */
export function checkVars(t: TFunction, locale: Locale): CheckVars {
  let byLocale = rendered.get(t);
  if (!byLocale) rendered.set(t, (byLocale = new Map()));
  let vars = byLocale.get(locale);
  if (!vars) {
    vars = Object.freeze(renderCheckVars(t, locale));
    byLocale.set(locale, vars);
  }
  return vars;
}

/** Drops every rendered set: called when i18n resources are added or removed (src/flows/check/fixedTexts.ts). */
export function forgetCheckVars(): void {
  rendered = new WeakMap();
}

function renderCheckVars(t: TFunction, locale: Locale): Record<string, string | number> {
  const income = factRecord("b12_1.income_monthly");
  const pilotEnd = String(factRecord("b9_1.pilot_period").end);
  return {
    count: NODE_IDS.length,
    income: t("facts:units.USD", { value: formatNumber(Number(income.amount), locale) }),
    months: Number(factRecord("b12_1.income_months").amount),
    passportDays: Number(factRecord("b9_1.passport_validity_residence").amount),
    monthsAfterVisa: Number(factRecord("visa.passport.validity_after_visa").amount),
    permitYears: Number(factRecord("b9_1.permit_length").max),
    pilotEnd: formatDay(pilotEnd, locale, "long"),
    pilotYear: Number(String(factRecord("b9_1.pilot_period").start).slice(0, 4)),
    evisaCount: factNumber("b9_1.evisa_country_count"),
    noInvitationCount: factNumber("b12_1.no_invitation_country_count"),
    knownNoInvitation: factList("countries.no_invitation_known").length,
    arrivalDays: factNumber("b9_1.time.arrival_window"),
    eaeuCountries: factList("countries.eaeu")
      .filter((c) => c !== "KZ")
      .map((c) => countryName(c, locale))
      .join(", "),
    arrivalWindow: formatFactValue(getFact("b9_1.time.arrival_window"), t, locale),
    hubDays: formatFactValue({ ...getFact("b9_1.time.document_check"), value: policyRules().hubStagesMaxWorkingDays }, t, locale),
    eaeuStayDays: Number(factRecord("kz.eaeu_stay").max_days),
    eaeuWindowDays: Number(factRecord("kz.eaeu_stay").window_days),
    eaeuTrp: formatFactValue(getFact("kz.eaeu_trp_validity"), t, locale),
    eaeuNotify: formatFactValue(getFact("kz.eaeu_notification"), t, locale),
    prStart: formatDay(String(factRecord("kz.pr_procedure.terms").start), locale, "long"),
    prLevel: String(factRecord("kz.pr_procedure.terms").kazakh_level),
    vf30Days: Number(factRecord("kz.visa_free.regime_30").per_entry_days),
    vf30Max: Number(factRecord("kz.visa_free.regime_30").max_days),
    vf30Window: Number(factRecord("kz.visa_free.regime_30").window_days),
    vf14Days: Number(factRecord("kz.visa_free.regime_14").per_entry_days),
    vf14Max: Number(factRecord("kz.visa_free.regime_14").max_days),
    vf14Window: Number(factRecord("kz.visa_free.regime_14").window_days),
    regFrom: formatDay(String(factRecord("kz.registration.visa_free_90").from), locale, "long"),
    regDays: t("facts:units.calendar_days", { count: Number(factRecord("kz.registration.visa_free_90").register_within_calendar_days), value: Number(factRecord("kz.registration.visa_free_90").register_within_calendar_days) }),
    turkeyDays: Number(factRecord("kz.visa_free.turkey").per_entry_days),
    b9Validity: formatFactValue(getFact("b9.validity"), t, locale),
    b9Fields: factList("b9.fields")
      .map((id) => t(`faq:item.${id}`))
      .join(", "),
  };
}
