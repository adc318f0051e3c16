import { InlineKeyboard } from "grammy";
import { findFact } from "../../rules/index.js";
import { askedOn, parseStoredAlerts, watchOutcome, withConsent, type AlertsRecord, type FactLookup } from "../../rules/alerts/index.js";
import { loadOutcome } from "../../rules/outcome/index.js";
import type { Stores } from "../../store/index.js";
import type { TFunction } from "../i18n.js";

/** Callback data of the consent buttons (the question after a result, and /alerts). */
export const ALERTS_CB = { on: "alrt:on", off: "alrt:off" } as const;

export type AlertsStores = Pick<Stores, "alerts" | "outcomes">;

/** The person's alerts record; undefined when none, or when what is stored cannot be used (never a crash). */
export async function loadAlerts(stores: Pick<Stores, "alerts">, userId: number): Promise<AlertsRecord | undefined> {
  return parseStoredAlerts(await stores.alerts.read(String(userId)));
}

/**
 * Records the person's yes or no; with yes, the facts of their last outcome (stores.outcomes) are watched
 * as they are in the running release. Returns the record written.
 */
export async function setConsent(stores: AlertsStores, userId: number, consent: boolean, today: string, facts: FactLookup = findFact): Promise<AlertsRecord> {
  const previous = await loadAlerts(stores, userId);
  const outcome = consent ? await loadOutcome(stores, userId) : undefined;
  const record = withConsent(previous, consent, today, outcome, facts);
  await stores.alerts.write(String(userId), record);
  return record;
}

/**
 * After /check stored a new outcome: a consenting person now watches its facts. Returns true when the person
 * was never asked (or what is stored can no longer be read): the result is followed by the question, and that
 * it was asked is kept, so it is asked once even if never answered.
 */
export async function alertsAfterOutcome(stores: AlertsStores, userId: number, today: string, facts: FactLookup = findFact): Promise<boolean> {
  const record = await loadAlerts(stores, userId);
  if (!record) {
    await stores.alerts.write(String(userId), askedOn(today));
    return true;
  }
  const outcome = await loadOutcome(stores, userId);
  const updated = outcome ? watchOutcome(record, outcome, facts) : record;
  if (updated !== record && updated) await stores.alerts.write(String(userId), updated);
  return false;
}

/** The question asked once after a /check result. */
export function consentQuestion(t: TFunction): { text: string; keyboard: InlineKeyboard } {
  return {
    text: t("alerts:ask.text"),
    keyboard: new InlineKeyboard().text(t("alerts:ask.yes"), ALERTS_CB.on).text(t("alerts:ask.no"), ALERTS_CB.off),
  };
}

/** What the bot says once the person answered (from the question or /alerts). */
export function consentReply(t: TFunction, consent: boolean): string {
  return t(consent ? "alerts:answer.on" : "alerts:answer.off");
}
