import type { Api } from "grammy";
import type { BotServices } from "../bot/context.js";
import { ReminderDispatcher } from "../reminders/dispatcher.js";
import type { InteractiveGate } from "../reminders/interactiveGate.js";
import { reminderSender } from "../reminders/sendReminder.js";
import { startRuleAlerts } from "../reminders/ruleAlerts.js";

/** Starts the reminder dispatcher after re-queuing whatever a previous process left claimed. */
export async function startReminders(api: Api, services: BotServices, gate: InteractiveGate, tickMs?: number): Promise<ReminderDispatcher> {
  const { stores, clock, logger, i18n } = services;
  const dispatcher = new ReminderDispatcher({
    reminders: stores.reminders,
    users: stores.users,
    send: reminderSender(api, i18n, clock),
    clock,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    idle: () => gate.idle(),
    logger,
  });
  await dispatcher.catchUp();
  dispatcher.start(tickMs);
  // Rule-change alerts: checked at start (a new release), sent through this client, after interactive updates.
  // They share the dispatcher's limits: together they keep Telegram's 30 a second and one a second per chat.
  startRuleAlerts({ stores, i18n, clock, logger, api, idle: () => gate.idle(), paced: (userId, send) => dispatcher.paced(userId, send) });
  return dispatcher;
}
