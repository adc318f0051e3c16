import { InlineKeyboard } from "grammy";
import { DOC_ROUTES, type DocRoute } from "../../rules/documents/index.js";
import type { OutcomeRecord } from "../../rules/outcome/index.js";
import type { TFunction } from "../i18n.js";

/** Short codes of the routes for callback data (Telegram allows 64 bytes): "b9r", "b9e", "b12i", "b12n". */
const CODES: Record<DocRoute, string> = {
  "b9_1.residence": "b9r",
  "b9_1.evisa": "b9e",
  "b12_1.invitation": "b12i",
  "b12_1.no_invitation": "b12n",
};
const BY_CODE = new Map(Object.entries(CODES).map(([route, code]) => [code, route as DocRoute]));

export function routeCode(route: DocRoute): string {
  return CODES[route];
}

/** The route of a code from callback data; undefined for anything else (an old or tampered button). */
export function routeOfCode(code: string | undefined): DocRoute | undefined {
  return code === undefined ? undefined : BY_CODE.get(code);
}

/** The routes the person's last outcome leads to, in its order (none when they have no outcome or none fits). */
export function outcomeRoutes(record: OutcomeRecord | undefined): DocRoute[] {
  if (!record) return [];
  return [...new Set(record.programs.flatMap((p) => (p.route === "none" ? [] : [p.route])))];
}

/** One button per route, each `data(route)`: the person picks the program and path when no outcome says it. */
export function routeKeyboard(t: TFunction, data: (route: DocRoute) => string, routes: readonly DocRoute[] = DOC_ROUTES): InlineKeyboard {
  const kb = new InlineKeyboard();
  routes.forEach((route, i) => {
    if (i > 0) kb.row();
    kb.text(t(`documents:route.${route}`), data(route));
  });
  return kb;
}
