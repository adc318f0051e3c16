/**
 * The ticks of a person's document checklists, as stored in stores.documents: per route, the item ids ticked.
 * Pure: parsing what was read back (untrusted: a value that fails the schema counts as no ticks) and toggling.
 */
import { z } from "zod";
import { checklistItems, DOC_ROUTES, type DocRoute } from "./checklist.js";

const ItemId = z.string().regex(/^[a-z0-9_]{1,40}$/);

export const DocumentTicksSchema = z.object({
  v: z.literal(1),
  routes: z.partialRecord(z.enum(DOC_ROUTES), z.array(ItemId).max(50)),
});
export type DocumentTicks = z.infer<typeof DocumentTicksSchema>;

export const NO_TICKS: DocumentTicks = { v: 1, routes: {} };

/** What was read from the store, or no ticks when it is absent or does not fit the schema. */
export function parseTicks(stored: unknown): DocumentTicks {
  const parsed = DocumentTicksSchema.safeParse(stored);
  return parsed.success ? parsed.data : NO_TICKS;
}

/** The ticked items of a route that are still on its checklist, in checklist order. */
export function tickedOf(ticks: DocumentTicks, route: DocRoute): string[] {
  const ticked = new Set(ticks.routes[route] ?? []);
  return checklistItems(route).filter((id) => ticked.has(id));
}

/** Ticks or unticks one item of a route (an item not on the route's checklist changes nothing). */
export function toggleTick(ticks: DocumentTicks, route: DocRoute, item: string): DocumentTicks {
  if (!checklistItems(route).includes(item)) return ticks;
  const current = tickedOf(ticks, route);
  const next = current.includes(item) ? current.filter((id) => id !== item) : [...current, item];
  return { v: 1, routes: { ...ticks.routes, [route]: checklistItems(route).filter((id) => next.includes(id)) } };
}

/** "7 of 11": how many of a route's documents are ticked. */
export function progress(ticks: DocumentTicks, route: DocRoute): { done: number; total: number } {
  return { done: tickedOf(ticks, route).length, total: checklistItems(route).length };
}
