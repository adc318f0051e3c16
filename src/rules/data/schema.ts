import { z } from "zod";
import { CONFIDENCES, REVIEW_KINDS, SOURCE_DOC_IDS, UNITS } from "./types.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isoDate = z.string().refine(isIsoDate, { error: "must be a date written YYYY-MM-DD" });

/** True when `s` is YYYY-MM-DD (a real date), YYYY-MM (a real month) or YYYY: a date known only to the month or year. */
export function isPartialDate(s: string): boolean {
  if (/^\d{4}$/.test(s)) return true;
  if (/^\d{4}-\d{2}$/.test(s)) return isIsoDate(`${s}-01`);
  return isIsoDate(s);
}

const partialDate = z.string().refine(isPartialDate, { error: "must be a date written YYYY-MM-DD, YYYY-MM or YYYY" });

const sourceRef = z.union([
  z.enum(SOURCE_DOC_IDS),
  z
    .string()
    .regex(/^https:\/\/[^\s]+$/, { error: "must be S000..S004 or an https URL" }) as z.ZodType<`https://${string}`>,
]);

const sources = z
  .union([sourceRef, z.array(sourceRef).min(1, { error: "needs at least one source" })])
  .transform((v) => (Array.isArray(v) ? v : [v]));

const scalar = z.union([z.number().finite(), z.string().min(1), z.boolean()]);

const value = z.union([
  scalar,
  z.array(z.string().min(1)).min(1),
  z.record(z.string(), scalar).refine((o) => Object.keys(o).length > 0, { error: "must not be empty" }),
]);

const alternative = z.object({
  value,
  unit: z.enum(UNITS).optional(),
  source: sources,
  note: z.string().optional(),
  slip: z.literal(true).optional(),
});

/** Validates one fact; a reported fact must say where to confirm it. */
export const FactSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, { error: "must be a dotted lower-case id like b9_1.fee.evisa" }),
    value,
    unit: z.enum(UNITS).optional(),
    source: sources,
    published: partialDate.optional(),
    checked: isoDate,
    review: z.enum(REVIEW_KINDS),
    confidence: z.enum(CONFIDENCES),
    confirmAt: z.string().regex(/^https:\/\/[^\s]+$/, { error: "must be an https URL" }).optional(),
    alternatives: z.array(alternative).min(1).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((f) => f.published === undefined || f.published <= f.checked, {
    error: "published must not be later than checked",
    path: ["published"],
  })
  .refine((f) => f.confidence !== "reported" || f.confirmAt !== undefined, {
    error: "a reported fact needs confirmAt (where to confirm it)",
    path: ["confirmAt"],
  });
