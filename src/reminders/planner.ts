import {
  almatyToday,
  computeDeadlines,
  deadlineEnd,
  parseStoredMilestones,
  planReminders,
  procedureStart,
  reminderDays,
  leadRule,
  offsetId,
  type Deadline,
  type Milestones,
} from "../rules/index.js";
import type { Clock, DeadlinePlan, PlanChanges, ReminderPayload, Stores } from "../store/index.js";
import { DEFAULT_TIME_ZONE } from "./dispatcher.js";

/** A user's saved milestones (empty when none or unreadable). */
export async function loadMilestones(stores: Pick<Stores, "milestones">, userId: number): Promise<Milestones> {
  return parseStoredMilestones(await stores.milestones.read(String(userId))) ?? {};
}

/** The user's deadlines as of now, from their saved milestones. */
export async function userDeadlines(stores: Pick<Stores, "milestones">, userId: number, clock: Clock): Promise<Deadline[]> {
  return computeDeadlines(await loadMilestones(stores, userId), almatyToday(clock.now()));
}

/** What a reminder of the deadline carries: its date, how it was worked out, and the day to start its procedure by. */
function payloadOf(d: Deadline, m: Milestones): ReminderPayload {
  const rule = leadRule(d.id);
  const started = rule?.startedBy?.some((id) => m[id] !== undefined) ?? false;
  const startBy = started ? undefined : procedureStart(d.id, d.date);
  return {
    deadlineId: d.id,
    date: d.date,
    ...(d.latestPossible ? { latestPossible: true, limitedBy: d.limitedBy } : {}),
    ...(startBy ? { startBy } : {}),
    ...(started ? { started: true } : {}),
  };
}

/**
 * Brings a user's reminders in line with their milestones, time zone and lead-time choices: every legal
 * deadline still ahead gets the reminders of its lead times (estimates and thresholds are shown, not
 * reminded). What the person chose in /reminders holds (see ReminderStore.applyPlan). Returns what changed.
 */
export async function replanReminders(stores: Pick<Stores, "milestones" | "users" | "reminders">, userId: number, clock: Clock): Promise<PlanChanges> {
  const now = clock.now();
  const timeZone = (await stores.users.get(userId)).timezone ?? DEFAULT_TIME_ZONE;
  const milestones = await loadMilestones(stores, userId);
  const choices = new Map((await stores.reminders.choices(userId)).map((c) => [c.deadlineId, c]));
  const plans: DeadlinePlan[] = computeDeadlines(milestones, almatyToday(now))
    .filter((d) => d.kind === "deadline" && d.status !== "passed")
    .map((d) => {
      const days = reminderDays(d.id, d.date, choices.get(d.id)?.lead);
      return {
        deadlineId: d.id,
        date: d.date,
        deadlineEnd: deadlineEnd(d.date, timeZone),
        payload: payloadOf(d, milestones),
        offsets: days.map(offsetId),
        rows: planReminders(d.date, timeZone, now, days).map((r) => ({ offsetId: r.offset, dueAt: r.dueAt })),
      };
    });
  return stores.reminders.applyPlan(userId, plans);
}
