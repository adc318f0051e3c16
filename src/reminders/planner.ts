import { almatyToday, computeDeadlines, deadlineEnd, parseStoredMilestones, planReminders, type Deadline, type Milestones } from "../rules/index.js";
import type { Clock, Stores } from "../store/index.js";
import { DEFAULT_TIME_ZONE } from "./dispatcher.js";

/** A user's saved milestones (empty when none or unreadable). */
export async function loadMilestones(stores: Pick<Stores, "milestones">, userId: number): Promise<Milestones> {
  return parseStoredMilestones(await stores.milestones.read(String(userId))) ?? {};
}

/** The user's deadlines as of now, from their saved milestones. */
export async function userDeadlines(stores: Pick<Stores, "milestones">, userId: number, clock: Clock): Promise<Deadline[]> {
  return computeDeadlines(await loadMilestones(stores, userId), almatyToday(clock.now()));
}

/**
 * Recomputes a user's reminders from their milestones and time zone: every legal deadline still
 * ahead gets its reminders (estimates and thresholds are shown, not reminded). Returns how many.
 */
export async function replanReminders(stores: Pick<Stores, "milestones" | "users" | "reminders">, userId: number, clock: Clock): Promise<number> {
  const now = clock.now();
  const timeZone = (await stores.users.get(userId)).timezone ?? DEFAULT_TIME_ZONE;
  const rows = (await userDeadlines(stores, userId, clock))
    .filter((d) => d.kind === "deadline" && d.status !== "passed")
    .flatMap((d) =>
      planReminders(d.date, timeZone, now).map((r) => ({
        deadlineId: d.id,
        offsetId: r.offset,
        dueAt: r.dueAt,
        deadlineEnd: deadlineEnd(d.date, timeZone),
        payload: { deadlineId: d.id, date: d.date, ...(d.latestPossible ? { latestPossible: true, limitedBy: d.limitedBy } : {}) },
      })),
    );
  await stores.reminders.replacePlan(userId, rows);
  return rows.length;
}
