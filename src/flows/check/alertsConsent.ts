import type { BotServices, FlowContext } from "../../bot/context.js";
import { ALERTS_CB, alertsAfterOutcome, consentReply, setConsent } from "../../bot/alerts/consent.js";

type Deps = Partial<Pick<BotServices, "stores" | "logger">>;

/** True for a press on the alerts question's buttons. */
export function isAlertsPress(data: string): data is (typeof ALERTS_CB)[keyof typeof ALERTS_CB] {
  return data === ALERTS_CB.on || data === ALERTS_CB.off;
}

/**
 * Run (through `external`) right after the outcome was stored: a consenting person watches the new outcome's
 * facts; true when the person was never asked. A store that fails costs the question, never the result.
 */
export async function alertsStep(services: Deps, userId: number | undefined, today: string): Promise<boolean> {
  if (userId === undefined || !services.stores) return false;
  try {
    return await alertsAfterOutcome(services.stores, userId, today);
  } catch (error) {
    services.logger?.warn({ err: error }, "rule-change alerts could not be read after an outcome");
    return false;
  }
}

/** Run through `external`: stores the person's answer to the question. */
export async function storeAlertsAnswer(services: Deps, userId: number | undefined, consent: boolean, today: string): Promise<void> {
  if (userId === undefined || !services.stores) return;
  await setConsent(services.stores, userId, consent, today);
}

/** Says the answer was taken, in place of the question (its buttons go). */
export async function confirmAlertsAnswer(ctx: FlowContext, consent: boolean): Promise<void> {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(consentReply(ctx.t, consent), { parse_mode: "HTML" });
}
