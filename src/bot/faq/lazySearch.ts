import { almatyToday } from "../../rules/index.js";
import type { Clock } from "../../store/index.js";
import type { I18n } from "../i18n.js";
import { FaqSearch } from "./search/index.js";
import { loadSearchData } from "./search/searchData.js";

/** The FAQ search built on the first question rather than at startup. */
export function lazyFaqSearch(i18n: I18n, clock: Clock): () => FaqSearch {
  let search: FaqSearch | undefined;
  return () => (search ??= new FaqSearch(i18n, loadSearchData(), almatyToday(clock.now())));
}
