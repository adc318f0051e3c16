/**
 * Question words that say what is asked only with the word after them: "how long" asks for a time, "how much" for
 * an amount, "how do I" / "how to" for a procedure. Alone, "how" ("wie", "как", "қалай") is a stop word (it is in
 * nearly every topic's examples, so it tells no topic from another), and then "how do I apply" read like "where
 * do I apply". Folded into one token each, in the index and in questions alike, they weigh by how few topics
 * write them, like any word. Runs on lower-cased, spelling-folded text (fold.ts: "können" is "koennen",
 * "қалай" is "калай").
 */
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
const re = (body: string) => new RegExp(`${START}(?:${body})${END}`, "gu");

/** Tokens: plain Latin letters the English and German stemmers leave as they are. */
export const HOW_LONG = "howlong";
export const HOW_LONG_WAIT = "howlongwait";
export const HOW_MUCH = "howmuch";
export const HOW_TO = "howto";
export const WHAT_TO = "whatto";

/** These tokens and the question words that are no stop words (folded): alone they ask about nothing in particular. */
const QUESTION_WORDS: ReadonlySet<string> = new Set([
  HOW_LONG, HOW_LONG_WAIT, HOW_MUCH, HOW_TO, WHAT_TO,
  "when", "where", "who", "wann", "wo", "wer", "wieso", "сколько", "когда", "где", "кто", "куда", "кашан", "канша", "кайда", "ким",
]);

/** Whether a word (or its token) is a question word. */
export const isQuestionWord = (word: string): boolean => QUESTION_WORDS.has(word);

/** Words after "visa" that name a kind of visa rather than a visa at all (folded; programs are tokens already). */
const VISA_KIND = String.raw`кочевник\p{L}*|номад\p{L}*|нео|цифров\p{L}*|удален\p{L}*|удаленщик\p{L}*|для (?:удален\p{L}*|удаленщик\p{L}*|работ\p{L}*|кочевник\p{L}*|номад\p{L}*|айти|it|progb\p{L}+)|айти|it|digital|neo|nomad\p{L}*|remote|progb\p{L}+|тип\p{L}*|какая|какую|(?:for|fuer|to) (?:digital|nomad\p{L}*|remote|work\p{L}*|arbeit\p{L}*|progb\p{L}+)`;

/**
 * Whether one needs a visa at all ("узбекистанцам нужна виза", "виза керек пе", "do indians need a visa", "brauchen
 * Inder ein Visum"), not which one: "a visa" with no program or kind after it (a nomad visa, "визу для удаленщиков").
 * Runs on the folded tokens joined.
 */
const NEED_VISA = new RegExp(String.raw`${START}(?:нужн[аоы]?(?: ли)?(?: (?:мне|нам|им|ему|ей|вообще))* виз[аы]?(?!\p{L})(?! (?:${VISA_KIND}))|(?<!(?:какая|какую|которая|такая|эта) )виз[аы]? (?:не |вообще )?нужн[аоы]?|(?<!(?:кошпенди|номад|цифрлык|progb\p{L}+) )виза(?:сы)? (?:мулдем |мулде )?керек|needs? (?:a |any )?visa(?!\p{L})(?! (?:${VISA_KIND}))|visa (?:is |be )?(?:required|needed|necessary)|brauch\p{L}*(?: \p{L}+)? (?:ueberhaupt )?(?:ein )?visum(?!\p{L})(?! (?:${VISA_KIND}))|visum (?:noetig|notwendig|erforderlich|benoetigt)|visumpflicht\p{L}*)${END}`, "u");

/** Whether the question asks if a visa is needed at all (NEED_VISA). */
export const asksIfVisaNeeded = (folded: string): boolean => NEED_VISA.test(folded);

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // The step after one done: "what's next", "what now", "then what", "what do I do next", "wie geht es weiter", "was
  // kommt jetzt", "что дальше" ask for the next step, and are read as these words ("next step", "nächster Schritt",
  // "следующий шаг"), which the steps topics write. Each word alone ("next", "now", "weiter", "дальше") is an
  // everyday word that also says "next month" or "still running". First: HOW_TO would take the "wie" of "wie geht
  // es weiter", WHAT_TO the "what" of "what do I do next".
  [re(String.raw`what(?:'?s| is| comes| happens)? next|what (?:(?:do|should|must|can) (?:i|we) do )?now|what (?:do|should|must|can) (?:i|we) do next|(?:then|now) what`), " next step "],
  [re(String.raw`wie geht(?:'?s|\s+es)?(?:\s+[\p{L}\p{N}]+){0,4}\s+weiter|was (?:kommt|mache ich|tue ich) (?:jetzt|als naechstes|danach)`), " naechster schritt "],
  [re(String.raw`что (?:(?:мне |нам )?делать )?дальше`), " следующий шаг "],
  // How long something takes to come (the wait) is another question than how long something lasts or may be
  // stayed on: "how long does the hub take", "how long to get it", "how long until", "how soon can I get it",
  // "wie lange dauert", "как быстро" ask for the processing time; "how long is the permit valid", "how long can I
  // stay" for a span, "how soon must I register" for a deadline. One token for both let a question about the wait
  // for a stage (the invitation, the petition) tie with that stage's topic, and "how long to get the permit" go to
  // how long the permit lasts.
  [re(String.raw`how (?:long|many (?:days|weeks|months))(?=(?:\s+[\p{L}\p{N}'-]+){0,7}?\s+(?:take|takes|taking|took)${END})|how long(?= (?:to (?:get|receive|obtain|hear|process|issue|approve)|until|till|before (?:i|we|you|they|it)|is the wait|(?:do|will|would|must|should) (?:i|we|you) (?:have to )?wait)${END})|how (?:soon|quickly|fast)(?!\s+(?:do|does|must|should)\s+\S+\s+(?:need|have|got)\s+to|\s+(?:must|should|have to|need to)${END})|wie (?:lange?(?= dauer\p{L}*${END})|schnell|bald)|как (?:быстро|скоро)|за сколько(?: (?:примерно|всего|обычно))? времени|сколько(?: примерно| обычно)? (?:времени )?(?:занимает|займ[её]т)`), ` ${HOW_LONG_WAIT} `],
  [re(String.raw`how (?:long|soon|quickly|fast)|wie (?:lange?|schnell|bald)|как (?:долго|быстро|скоро)|канша уакыт\p{L}*`), ` ${HOW_LONG} `],
  [re(String.raw`how (?:much|many)|wie ?viele?n?|wie hoch`), ` ${HOW_MUCH} `],
  // "РК" (Республика Казахстан) is Kazakhstan, which every topic writes; as a rare word of its own it drew "сидеть в
  // рк" to the one topic whose examples say "гражданство РК".
  [re(String.raw`рк|республик\p{L}* казахстан\p{L}*`), " казахстан "],
  // Chat Russian for "сколько" ("скока стоит", "скоко ждать", "скок дней"), which no stemmer or typo rule reaches.
  [re(String.raw`скок[ао]?|сколька|сколка`), " сколько "],
  // The procedure: "how" before an auxiliary or "to", German "wie" before a verb of doing or getting, Russian
  // "как" before an infinitive or "можно / мне / нам", Kazakh "қалай" always (its verb follows later).
  [re(String.raw`how(?= (?:do|does|did|can|could|should|would|to|i|we)${END})`), ` ${HOW_TO} `],
  [re(String.raw`wie(?= (?:kann|koennen|koennte|muss|muessen|soll|sollte|bekomm\p{L}*|beantrag\p{L}*|geh\p{L}*|funktionier\p{L}*|mach\p{L}*|komm\p{L}*|stell\p{L}*|reich\p{L}*|lauf\p{L}*|erhalt\p{L}*|erhaelt|verlaenger\p{L}*)${END})`), ` ${HOW_TO} `],
  [re(String.raw`как(?= (?:\p{L}+(?:ть|ти|чь)(?:ся)?|можно|мне|нам)${END})`), ` ${HOW_TO} `],
  [re(String.raw`калай`), ` ${HOW_TO} `],
  // What something "sets me back" is what it costs.
  [re(String.raw`set+s? (?:me|us|you|one) back`), " cost "],
  // Russian "стоит" is "costs" only as the price of something ("сколько стоит виза", "виза стоит дорого"); "стоит
  // ли", "стоит того" and "стоит" before an infinitive with no "сколько" before it say "is it worth / should I"
  // ("стоит ли подавать на b12", "чарын стоит того"), and read as the price they were answered with the fees.
  // (The second branch: "стоит ли" after a price asked in the same sentence, "сколько стоит? стоит ли её делать".)
  [re(String.raw`(?<!(?:скольк|скок|почем)[^.?!]*)(?:не )?сто(?:ит|ило|ят)(?= (?:ли|того|этого|\p{L}+(?:ть|ти|чь)(?:ся)?)${END})|(?:не )?сто(?:ит|ило)(?= (?:ли|того|этого)${END})`), " "],
  // What one must do or hand in: "what do I need", "was brauche ich", "что нужно", "не керек".
  [re(String.raw`what(?= (?:do|does|should|must|have|need|to)${END})|was(?= (?:muss|muessen|brauch\p{L}*|soll|benoetig\p{L}*)${END})|что(?= (?:нужно|надо|нужны|требуется|необходимо)${END})|не(?= керек${END})`), ` ${WHAT_TO} `],
];

export function foldQuestionPhrases(text: string): string {
  let out = text;
  for (const [pattern, token] of PATTERNS) out = out.replace(pattern, token);
  return out;
}
