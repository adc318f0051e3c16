/**
 * The search's own index terms: the program tokens that programNames.ts folds every spelling of B9-1 and B12-1
 * into, and the markers the rules in index.ts add when they fire (a country named, an EAEU country, a language
 * asked about as a requirement, becoming a citizen, both programs named). They are not words: they are never
 * stemmed, never typo-corrected and weigh only as the rules give them weight.
 *
 * Listed by name, not told by a prefix: the prefixes used before ("prog", "q") also begin words people type
 * ("programmer", "question", "qualification", Kazakh in Latin letters "qalai", "qujat"), which were then neither
 * stemmed nor weighed.
 */
export const PROGRAM_B9_1 = "progbnine";
export const PROGRAM_B12_1 = "progbtwelve";
export const COUNTRY_MARK = "qcountry";
export const EAEU_MARK = "qeaeu";
export const LANGUAGE_MARK = "qlang";
export const CITIZENSHIP_MARK = "qcitizen";
export const BOTH_MARK = "qboth";
export const NEED_VISA_MARK = "qneedvisa";

const MARKERS: ReadonlySet<string> = new Set([PROGRAM_B9_1, PROGRAM_B12_1, COUNTRY_MARK, EAEU_MARK, LANGUAGE_MARK, CITIZENSHIP_MARK, BOTH_MARK, NEED_VISA_MARK]);

/** Whether an index term is one of the search's own tokens rather than a word. */
export const isMarkerTerm = (term: string): boolean => MARKERS.has(term);

/** Whether an index term is a program token. */
export const isProgramTerm = (term: string): boolean => term === PROGRAM_B9_1 || term === PROGRAM_B12_1;
