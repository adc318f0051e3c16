import { PROGRAMS } from "./codes.js";
import { almatyToday, isIsoDate } from "./dates.js";
import { evaluateProgram, type ProgramResult } from "./policy.js";
import { parseProfile, type Profile } from "./profile.js";
import { policyRules } from "./rules.js";

export type { Profile } from "./profile.js";
export type { ProgramResult } from "./policy.js";

/** The verdict for every program, in PROGRAMS order (B9-1, then B12-1). */
export interface AssessResult {
  results: ProgramResult[];
}

export interface AssessOptions {
  /** YYYY-MM-DD; defaults to today in Kazakhstan (UTC+5), read from the clock at call time. */
  today?: string;
}

/** Resolves the "today" of a check: the given date, or the current date in Asia/Almaty. */
export function resolveToday(opts?: AssessOptions): string {
  if (opts?.today === undefined) return almatyToday(Date.now());
  if (!isIsoDate(opts.today)) throw new Error(`Invalid option today: "${opts.today}" must be a date written YYYY-MM-DD`);
  return opts.today;
}

/**
 * Decides, for each nomad program, whether the person is eligible, and why. It is the one entry point the bot
 * and the tests use; it validates the profile first (lower-case country codes are accepted) and throws an
 * Error naming the wrong field otherwise.
 */
export function assess(profile: Profile, opts?: AssessOptions): AssessResult {
  const p = parseProfile(profile);
  const today = resolveToday(opts);
  const rules = policyRules();
  return { results: PROGRAMS.map((program) => evaluateProgram(program, p, today, rules)) };
}
