import { factRecord, getFact } from "./load.js";

/**
 * Where the Digital Nomad Residency pilot stands on a given day, read from two facts: its published period
 * (b9_1.pilot_period) and what is known of an extension (b9_1.pilot_extension).
 * - "running": `today` is inside the published period;
 * - "extended": an extension is confirmed in the data (value "extended", confidence "confirmed");
 * - "unconfirmed": the period has ended and no extension is confirmed. B9-1 can then not be called eligible.
 */
export type PilotState = "running" | "extended" | "unconfirmed";

export interface PilotStatus {
  readonly state: PilotState;
  /** YYYY-MM-DD: the last day of the published period. */
  readonly end: string;
}

/** True when the data confirms that the pilot was extended past its published end. */
export function pilotExtensionConfirmed(): boolean {
  const fact = getFact("b9_1.pilot_extension");
  return fact.value === "extended" && fact.confidence === "confirmed";
}

/** The pilot's published last day. */
export function pilotEnd(): string {
  const { end } = factRecord("b9_1.pilot_period");
  if (typeof end !== "string") throw new Error(`Fact "b9_1.pilot_period" should have an end date`);
  return end;
}

/** The pilot's state on `today` (YYYY-MM-DD); the FAQ note and the /check outcome both read this. */
export function pilotStatus(today: string): PilotStatus {
  const end = pilotEnd();
  if (today <= end) return { state: "running", end };
  return { state: pilotExtensionConfirmed() ? "extended" : "unconfirmed", end };
}
