export { routeFeeFacts, routeFees } from "./fees.js";
export type { Conversion, FeeLine, RouteFees } from "./fees.js";
