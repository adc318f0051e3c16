export { planRoute } from "./schedule.js";
export type { PlanStep, PlanStepKind, RoutePlan } from "./schedule.js";
export { consistencyChecklist, submissionDate } from "./checklist.js";
export type { CheckItem, CheckItemId, CheckItemStatus } from "./checklist.js";
export { planRouteOf, planChoices } from "./choose.js";
