import type { RoutePlan } from "../../rules/plan/index.js";
import type { Locale } from "../../store/index.js";
import type { TFunction } from "../i18n.js";
import { intlLocale } from "./dates.js";
import { timelineSvg, type TimelineSvg } from "./timelineSvg.js";

const tickFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "21 Nov", "21 нояб.", "21 қар.", "21. Nov.": one cached formatter per language. */
function tick(locale: Locale): (iso: string) => string {
  let f = tickFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", timeZone: "UTC" });
    tickFormats.set(locale, f);
  }
  const format = f;
  return (iso) => format.format(new Date(`${iso}T00:00:00Z`));
}

/** The plan's timeline as SVG, every label in the person's language. */
export function planTimelineSvg(t: TFunction, locale: Locale, plan: RoutePlan, today: string): TimelineSvg {
  return timelineSvg({
    title: t("plan:route." + plan.route),
    rows: plan.steps.map((s) => ({
      label: t(`plan:bar.${s.id}`),
      start: s.start,
      end: s.to,
      kind: s.kind,
      done: s.done !== undefined,
      dated: !s.undated,
    })),
    today,
    todayLabel: t("plan:picture.today"),
    legend: { done: t("plan:picture.done"), deadline: t("plan:picture.deadline"), estimate: t("plan:picture.estimate") },
    tick: tick(locale),
  });
}
