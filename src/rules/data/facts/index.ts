import { B9_1_FACTS } from "./b9_1.js";
import { B9_1_PROCESS_FACTS } from "./b9_1_process.js";
import { B12_1_FACTS } from "./b12_1.js";
import { COUNTRY_FACTS } from "./countries.js";
import { GENERAL_FACTS } from "./general.js";
import { RELATED_FACTS } from "./related.js";
import { ROUTE_FACTS } from "./routes.js";
import { FAQ_EXTRA_FACTS } from "./faqExtra.js";
import { COMPARE_FACTS } from "./compareNomad.js";
import { DOCUMENT_DETAIL_FACTS } from "./documentDetails.js";

/** Every fact as written, unvalidated. Use loadFacts() to read them. */
export const RAW_FACTS = [
  ...B9_1_FACTS,
  ...B9_1_PROCESS_FACTS,
  ...B12_1_FACTS,
  ...GENERAL_FACTS,
  ...COUNTRY_FACTS,
  ...RELATED_FACTS,
  ...ROUTE_FACTS,
  ...FAQ_EXTRA_FACTS,
  ...COMPARE_FACTS,
  ...DOCUMENT_DETAIL_FACTS,
] as const;

/** The id of a fact that exists in the data. */
export type FactId = (typeof RAW_FACTS)[number]["id"];
