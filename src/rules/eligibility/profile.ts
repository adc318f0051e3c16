import { z } from "zod";
import { isIsoAlpha2 } from "../data/iso3166.js";
import { IT_SPECIALTIES, type ItSpecialty, STATELESS } from "./codes.js";
import { isIsoDate } from "./dates.js";

/** Everything the eligibility policy needs to know about a person. */
export interface Profile {
  /**
   * ISO 3166-1 alpha-2, one or more; the first is the one the person named first. A stateless person gives
   * `["stateless"]` (STATELESS), on its own.
   */
  citizenships: string[];
  itSpecialty: ItSpecialty;
  hasDegree: boolean;
  hasPortfolio: boolean;
  remoteForeignIncome: boolean;
  monthlyIncomeUsd: number;
  /** True when the income was converted from another currency: near the line, the rate then decides. */
  incomeConverted?: boolean;
  incomeMonths: number;
  criminalRecord: boolean;
  /** YYYY-MM-DD, of the passport the person would apply with. */
  passportExpiry: string;
}

const COUNTRY_ERROR = `must be an ISO 3166-1 alpha-2 code or "${STATELESS}"`;
const country = z
  .string({ error: COUNTRY_ERROR })
  .transform((s) => (s.trim().toLowerCase() === STATELESS ? STATELESS : s.trim().toUpperCase()))
  .refine((c) => c === STATELESS || isIsoAlpha2(c), { error: COUNTRY_ERROR });

const bool = z.boolean({ error: "must be true or false" });

/**
 * Validates and normalizes a profile: country codes are trimmed, upper-cased and de-duplicated.
 * Use it at the edge (a stored profile, a test table); `assess` applies it itself.
 */
export const ProfileSchema = z.object({
  citizenships: z
    .array(country, { error: "must be a list of ISO 3166-1 alpha-2 codes" })
    .min(1, { error: "must list at least one citizenship" })
    .max(10, { error: "must list at most 10 citizenships" })
    .transform((codes) => [...new Set(codes)])
    .refine((codes) => !codes.includes(STATELESS) || codes.length === 1, {
      error: `"${STATELESS}" cannot be combined with a citizenship`,
    }),
  itSpecialty: z.enum(IT_SPECIALTIES, { error: `must be one of ${IT_SPECIALTIES.join(", ")}` }),
  hasDegree: bool,
  hasPortfolio: bool,
  remoteForeignIncome: bool,
  monthlyIncomeUsd: z
    .number({ error: "must be a number of US dollars" })
    .refine((n) => Number.isFinite(n) && n >= 0, { error: "must be a finite amount of 0 or more" }),
  incomeConverted: z.boolean({ error: "must be true or false" }).optional(),
  incomeMonths: z
    .number({ error: "must be a number of months" })
    .int({ error: "must be a whole number of months" })
    .min(0, { error: "must be 0 or more" })
    .max(600, { error: "must be 600 or less" }),
  criminalRecord: bool,
  passportExpiry: z.string({ error: "must be a date written YYYY-MM-DD" }).refine(isIsoDate, {
    error: "must be a date written YYYY-MM-DD",
  }),
}) satisfies z.ZodType<Profile, unknown>;

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");
}

/** Parses a profile or throws one Error naming every wrong field, e.g. "Invalid profile: citizenships[0] must be …". */
export function parseProfile(input: unknown): Profile {
  const parsed = ProfileSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => `${formatPath(i.path) || "profile"} ${i.message}`);
  throw new Error(`Invalid profile: ${details.join("; ")}`);
}
