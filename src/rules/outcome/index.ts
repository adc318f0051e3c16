export {
  loadOutcome,
  OUTCOME_RECORD_VERSION,
  OUTCOME_ROUTES,
  OutcomeRecordSchema,
  parseStoredOutcome,
  programOutcome,
  ProgramOutcomeSchema,
} from "./record.js";
export type { OutcomeRecord, OutcomeRoute, OutcomeSource, ProgramOutcome } from "./record.js";
