export {
  afterAlert,
  askedOn,
  ALERTS_RECORD_VERSION,
  AlertsRecordSchema,
  changedFacts,
  factFingerprint,
  parseStoredAlerts,
  watchFacts,
  watchOutcome,
  withConsent,
} from "./record.js";
export type { AlertsRecord, FactChange, FactLookup, WatchedFact } from "./record.js";
