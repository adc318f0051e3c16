export { checklistFacts, checklistItems, CORE_ASPECTS, DOC_ASPECTS, DOC_ROUTES, documentDetails, isDocRoute, programOfRoute } from "./checklist.js";
export type { DocAspect, DocDetail, DocRoute } from "./checklist.js";
export { DocumentTicksSchema, NO_TICKS, parseTicks, progress, tickedOf, toggleTick } from "./ticks.js";
export type { DocumentTicks } from "./ticks.js";
