/**
 * Words a question names as where the asker goes ("travel to Kyrgyzstan", "visit Uzbekistan", "съездить в
 * Кыргызстан", "nach Usbekistan", "Қырғызстанға барсам"), not as where the asker comes from. A country named so
 * says nothing of the asker's citizenship: without this, a trip to a neighbouring country set the country and
 * EAEU markers and the question landed on the EAEU citizens' topic. Works on the tokens of terms.ts (lower-cased,
 * folded: "қ" is "к").
 */
const EN_DE_BEFORE = new Set(["to", "into", "visit", "visiting", "visits", "nach"]);
/** Russian "в / во / на" before a name in the accusative ("в Кыргызстан", "в Германию"), not the locative ("в Германии"). */
const RU_BEFORE = new Set(["в", "во", "на"]);
const RU_LOCATIVE = /[еи]$/u;
/** Kazakh dative ("Қырғызстанға", "Германияға", "Түркияға"), folded. */
const KK_DATIVE = /(га|ге|ка|ке)$/u;

/** The tokens named as a destination; `isPlace` tells a country's name from other words. */
export function destinationWords(tokens: readonly string[], isPlace: (token: string) => boolean): Set<string> {
  const out = new Set<string>();
  tokens.forEach((token, i) => {
    if (!isPlace(token)) return;
    const before = tokens[i - 1];
    const cyrillic = /\p{Script=Cyrillic}/u.test(token);
    if (!cyrillic && before !== undefined && EN_DE_BEFORE.has(before)) out.add(token);
    else if (cyrillic && before !== undefined && RU_BEFORE.has(before) && !RU_LOCATIVE.test(token)) out.add(token);
    else if (cyrillic && KK_DATIVE.test(token)) out.add(token);
  });
  return out;
}

/**
 * A means of travel ("на поезде", "на машине", "by train", "поезбен", "машинамен"), folded: with one in the question,
 * a country in the "from" case is where the trip starts ("из России на поезде", "Ресейден поезбен келсем"), not the
 * asker's citizenship, which "я из России" / "I'm from" say instead. Not a car as a thing ("машину из России",
 * "mein Auto aus Deutschland mitbringen"): that is brought, not travelled in.
 */
const TRAVEL_MEANS =
  /^(поезд\p{L}*|автобус\p{L}*|самол[её]т\p{L}*|рейс\p{L}*|маршрутк\p{L}*|пешком|поез(бен|пен)|пойыз\p{L}*|автобуспен|машинамен|коликпен|ушакпен|train|bus|plane|flight|overland|drive|driving)$/u;
/**
 * "by land", "by road", "by car": the word after "by" is the means of travel, as "overland" and "drive" are (in
 * TRAVEL_MEANS). "Can I enter Kazakhstan by land from Kyrgyzstan with the e-visa?" read Kyrgyzstan as the asker's
 * citizenship (EAEU marker) and was answered "not covered" instead of with the e-visa's entry points.
 */
const EN_BY_LAND = /^(land|road|car|bus|train|plane|air|sea|taxi|foot)$/u;
/** "на машине", "на авто": the locative after "на" is the means of travel. */
const RU_BY_CAR = /^(машине|авто|тачке)$/u;
/** Words before "from" that make it the person's origin: "я из", "мы из", "i'm from" (tokens "i m"), "we are from". */
const PERSON_FROM = new Set(["я", "мы", "im", "m", "am", "are", "re"]);
const RU_FROM = new Set(["из", "изо"]);
const EN_FROM = new Set(["from"]);
/** Kazakh ablative without a personal ending ("Ресейден", not "Ресейденмін", I am from Russia), folded. */
const KK_ABLATIVE = /(нан|нен|дан|ден|тан|тен)$/u;

/** The tokens named as where a trip starts, when the question names a means of travel (TRAVEL_MEANS). */
export function travelOrigins(tokens: readonly string[], isPlace: (token: string) => boolean): Set<string> {
  const out = new Set<string>();
  if (!tokens.some((t, i) => TRAVEL_MEANS.test(t) || (RU_BY_CAR.test(t) && tokens[i - 1] === "на") || (EN_BY_LAND.test(t) && tokens[i - 1] === "by"))) return out;
  tokens.forEach((token, i) => {
    if (!isPlace(token)) return;
    const before = tokens[i - 1];
    const person = tokens[i - 2] !== undefined && PERSON_FROM.has(tokens[i - 2]!);
    const cyrillic = /\p{Script=Cyrillic}/u.test(token);
    if (before !== undefined && !person && (cyrillic ? RU_FROM : EN_FROM).has(before)) out.add(token);
    else if (cyrillic && KK_ABLATIVE.test(token)) out.add(token);
  });
  return out;
}

/** Words that open a condition: "если", "if", "wenn", "falls", Kazakh "егер". */
const CONDITION = new Set(["если", "if", "wenn", "falls", "егер"]);
/** How far after it a country is still in the condition ("если я гражданин Канады", "if I am from Canada"). */
const CONDITION_WORDS = 4;

/**
 * Countries named in a condition that follows a question word ("как быстро дают b12, если я из Канады", "how much is
 * it if I'm from India"): what is asked is what the question word asks (how long, how much), the asker's country is
 * a circumstance of it. As the asker's citizenship it outweighed the question and the answer was who needs an
 * invitation. A condition with no question word before it ("если я из Индии, нужно ли приглашение") is left alone.
 */
export function conditionCountries(
  tokens: readonly string[],
  isCountry: (token: string) => boolean,
  isQuestionWord: (token: string) => boolean,
): Set<string> {
  const out = new Set<string>();
  tokens.forEach((token, i) => {
    if (!CONDITION.has(token) || !tokens.slice(0, i).some(isQuestionWord)) return;
    for (const next of tokens.slice(i + 1, i + 1 + CONDITION_WORDS)) if (isCountry(next)) out.add(next);
  });
  return out;
}

/** A family member of the asker (folded): "жена", "мужа", "ребёнок", "wife", "husband", "Frau", "әйелім". */
const RELATIVE =
  /^(жена|жены|жене|жену|женой|муж|мужа|мужу|мужем|супруг\p{L}*|реб[её]н\p{L}*|дети|детей|сын\p{L}*|доч\p{L}*|wife|husband|spouse|partner|son|daughter|child|children|kids?|frau|ehefrau|mann|ehemann|kind|kinder|аиел\p{L}*|куйеу\p{L}*|бала\p{L}*|жубай\p{L}*)$/u;
/** How far after the relative their country is still theirs ("жена гражданка России", "my wife is from Russia"). */
const RELATIVE_WORDS = 3;

/**
 * Countries named as a family member's ("жена гражданка России, ей нужна отдельная виза если я на b12", "my wife is
 * Russian"): the asker's relative's citizenship, not the asker's. Questions where the asker shares it ("мы с женой из
 * России", "we are") are left alone.
 */
export function relativesCountries(tokens: readonly string[], isCountry: (token: string) => boolean): Set<string> {
  const out = new Set<string>();
  if (tokens.some((t) => t === "мы" || t === "we" || t === "wir" || t === "биз")) return out;
  tokens.forEach((token, i) => {
    if (!RELATIVE.test(token)) return;
    for (const next of tokens.slice(i + 1, i + 1 + RELATIVE_WORDS)) if (isCountry(next)) out.add(next);
  });
  return out;
}

/** English and German words before a place ("in", "from", "nach", "aus"). */
const PLACE_BEFORE = new Set(["in", "from", "near", "around", "nach", "aus", "bei"]);

/**
 * Latin words written with a capital after a preposition of place ("in Lagos", "from Tbilisi", "nach Berlin").
 * The callers weigh such a word as a place only when no topic holds it, so "in English" or "from abroad" are
 * untouched; a lower-case "in ethereum" is no place. `capitalized`: the question's capitalized words, as tokens.
 */
export function placeNames(tokens: readonly string[], capitalized: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  tokens.forEach((token, i) => {
    const before = tokens[i - 1];
    if (before !== undefined && PLACE_BEFORE.has(before) && capitalized.has(token) && /^[a-z]{3,}$/.test(token)) out.add(token);
  });
  return out;
}
