/**
 * The person's last /check outcome as it is stored (stores.outcomes, keyed by String(userId)): per program the
 * verdict, the route, the reason codes and the ids of every fact the outcome cited; the citizenship the verdicts
 * were based on and the currency the income was typed in. Codes and ids only, never an answer as typed, so
 * /plan, /documents, /fees and the rule-change alerts can read it without the check's answers.
 */
import { z } from "zod";
import { isIsoDate } from "../data/schema.js";
import { MISSING_CODES, PROGRAMS, REASON_CODES, STATELESS, VERDICTS } from "../eligibility/codes.js";
import { isIsoAlpha2 } from "../data/iso3166.js";

/** The routes a program's result can lead to; "none" when the program does not fit (not_eligible). */
export const OUTCOME_ROUTES = ["b9_1.residence", "b9_1.evisa", "b12_1.invitation", "b12_1.no_invitation", "none"] as const;
export type OutcomeRoute = (typeof OUTCOME_ROUTES)[number];

/** Bumped when the shape changes; a record of another version is treated as absent. */
export const OUTCOME_RECORD_VERSION = 1;

const isoDate = z.string().refine(isIsoDate, { error: "must be a date written YYYY-MM-DD" });
const citizenship = z.string().refine((c) => c === STATELESS || isIsoAlpha2(c), { error: `must be an ISO 3166-1 alpha-2 code or "${STATELESS}"` });
/** A fact id as the data writes them; not checked against the current facts, so a record outlives a removed fact. */
const factId = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);

export const ProgramOutcomeSchema = z
  .object({
    program: z.enum(PROGRAMS),
    verdict: z.enum(VERDICTS),
    route: z.enum(OUTCOME_ROUTES),
    reasons: z.array(z.enum(REASON_CODES)),
    missing: z.array(z.enum(MISSING_CODES)).optional(),
    /** The citizenship this program's verdict is based on. */
    citizenship: citizenship.optional(),
    /** Every fact this program's result and plan cited. */
    fact_ids: z.array(factId),
  })
  .strict();
export type ProgramOutcome = z.infer<typeof ProgramOutcomeSchema>;

export const OutcomeRecordSchema = z
  .object({
    version: z.literal(OUTCOME_RECORD_VERSION),
    /** The day the check was finished, in Kazakhstan (YYYY-MM-DD). */
    checked_at: isoDate,
    programs: z.array(ProgramOutcomeSchema).min(1),
    /** The citizenship used: the first program's, which is the person's only one unless they have two. */
    citizenship: citizenship.optional(),
    /** The currency the person typed their income in, when not US dollars. */
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    /** Every fact the outcome cited: the programs' ids and those of the other routes shown, once each. */
    fact_ids: z.array(factId),
  })
  .strict();
export type OutcomeRecord = z.infer<typeof OutcomeRecordSchema>;

/** A stored value as an outcome record; undefined when absent or not one (stored data is untrusted). */
export function parseStoredOutcome(value: unknown): OutcomeRecord | undefined {
  const parsed = OutcomeRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The store seam loadOutcome reads through (stores.outcomes in src/store). */
export interface OutcomeSource {
  outcomes: { read(key: string): Promise<unknown> };
}

/** The person's last outcome, validated; undefined when there is none or it cannot be used. */
export async function loadOutcome(stores: OutcomeSource, userId: number): Promise<OutcomeRecord | undefined> {
  return parseStoredOutcome(await stores.outcomes.read(String(userId)));
}

/** The program's part of a record, if it has one. */
export function programOutcome(record: OutcomeRecord, program: (typeof PROGRAMS)[number]): ProgramOutcome | undefined {
  return record.programs.find((p) => p.program === program);
}
