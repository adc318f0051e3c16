export { COMPARE_FILTERS, comparisonRows, filterRows, filtersToMask, maskToFilters, passes } from "./programs.js";
export type { CompareFilter, ProgramRow } from "./programs.js";
