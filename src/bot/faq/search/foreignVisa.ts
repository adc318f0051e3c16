/**
 * Questions about another country's visa ("spain digital nomad visa income", "виза кочевника в Грузию",
 * "Жапонияға туристік виза керек пе"): a country other than Kazakhstan is named as a place, and nothing in
 * the question says it is where the asker comes from, that Kazakhstan or its visa-free entry is meant, or that
 * the asker applies at a Kazakh embassy there. Such a question is outside the bot's scope; without this test it reaches
 * the citizenship or income topics, whose words it shares. So is getting another country's citizenship
 * ("получить гражданство Грузии"): there "citizenship" is the goal, not the asker's origin.
 */
const ORIGIN_OR_KAZAKHSTAN =
  /(\bfrom\b|\bcitizen|\bpassport|\bnational|\bi'?m\b|\bi am\b|\bas an? |kazakh|astana|almaty|embass|consul|(?<![\p{L}])из(?![\p{L}])|граждан|паспорт|(?<![\p{L}])iz(?![\p{L}])|grazhdan|казах|астан|алмат|посольств|консульств|азамат|төлқұжат|толкужат|паспорт|қазақ|казак|елшіл|консулд|(?<![\p{L}])aus(?![\p{L}])|bürger|buerger|(?<![\p{L}])pass(?![\p{L}])|reisepass|herkunft|безвиз|без виз|визасыз|visa.?free|visumfrei|kasach|botschaft|konsulat|[bвб]\s?-?\s?(9|12)|neo\s?nomad|нео\s?номад)/iu;

/**
 * A Kazakh place name with an ablative ending says "from" ("Үндістаннан"), also with the personal ending of
 * "I am" / "we are" after it ("Нигерияданмын", "Үндістаннанбыз"). Words come folded (і as и) but are matched
 * in both spellings. (A nationality word, "Нигериялықпын", is no place word and never reaches this test.)
 */
const KAZAKH_FROM = /^(нан|нен|дан|ден|тан|тен)([мбп][ыіи][нз])?$/iu;

/**
 * The asker lives, works or is in the country named: a question about applying from there, not about its visa
 * ("Германияда тұрамын, B12-1 қайда тапсырамын", "I live in Germany, where do I apply", "если я сейчас в германии").
 * First person only: "Германияда тұру үшін виза" (a visa to live in Germany) is another country's visa.
 */
const LIVES_THERE =
  /(тұрамын|турамын|тұрамыз|турамыз|тұрып жатыр|турып жатыр|жүрмін|журмин|жүрміз|журмиз|істеймін|истеймин|істейміз|истеймиз|\bi live\b|\bwe live\b|\bi'?m living\b|\bi am living\b|\bi'?m based\b|\bi work in\b|живу|живём|живем|проживаю|работаю в|нахожусь|находимся|(?<!\p{L})(я|мы) (сейчас |пока |щас |уже )?в(?!\p{L})|\bi'?m (currently |now )?in\b|\bi am (currently |now )?in\b|ich wohne|ich lebe|wir wohnen|wir leben|ich arbeite in|ich bin (gerade |derzeit |jetzt )?in\b)/iu;

/**
 * The country is a way into Kazakhstan ("въехать на машине через Кыргызстан", "enter via Kyrgyzstan", "über
 * Usbekistan einreisen", "Қырғызстан арқылы"): entering Kazakhstan is asked about, not the other country's visa.
 */
const ROUTE = /(?<!\p{L})(через|cherez|транзит\p{L}*|tranzit\p{L}*|transit\p{L}*|via|through|über|ueber|арқылы|аркылы|arkyly)(?!\p{L})/iu;

/**
 * The list of countries whose citizens may apply ("Is Nigeria on the list of countries for the Digital Nomad
 * residency?", "Нигерия есть в списке стран", "auf der Länderliste"): the country named is the asker's citizenship.
 */
const COUNTRY_LIST =
  /(list of (the )?(countries|nationalities)|countries list|country list|(список|перечень|списке|перечне|списка)\s+(\p{L}+\s+)?стран|länderliste|laenderliste|liste der (länder|laender|staaten)|(елдер|мемлекеттер)\s+тізім\p{L}*|(елдер|мемлекеттер)\s+тизим\p{L}*)/iu;

/** The citizenship word ("citizenship", not "citizen"), and the verbs of getting it, before it (en, ru) or after it (de, kk). */
const CITIZENSHIP = /^(citizenship|гражданств|азаматтығ|азаматтыг|staatsbürgerschaft|staatsbuergerschaft|staatsangehörigkeit|staatsangehoerigkeit)/u;
const GETTING_BEFORE = /^(get|getting|obtain|acquir|получ)/u;
const GETTING_AFTER = /^(ал(у|ам|амын|уға|уга)?$|bekomm|erhalt|erhält|erwerb)/u;
/** How many words may stand between the verb and "citizenship" ("Түркия азаматтығын қалай аламын"). */
const GETTING_GAP = 2;

/**
 * The question without the citizenship words that it asks to get ("получить гражданство Грузии"): those name
 * another country's citizenship as the goal, not the asker's origin. Taken clause by clause, so "у меня гражданство
 * Турции, могу ли я получить визу" keeps its origin.
 */
function withoutCitizenshipGoal(question: string): string {
  // Words, and the punctuation that ends a clause ("," included) as a word of its own.
  const tokens = [...question.toLowerCase().matchAll(/\p{L}+|[,.;:!?]/gu)].map((m) => m[0]);
  const goal = new Set<number>();
  tokens.forEach((word, i) => {
    if (!CITIZENSHIP.test(word)) return;
    const near = (from: number, to: number, verb: RegExp) => {
      for (let j = from; j >= 0 && j < tokens.length && j !== to; j += Math.sign(to - from)) {
        if (/^[,.;:!?]$/u.test(tokens[j]!)) return false;
        if (verb.test(tokens[j]!)) return true;
      }
      return false;
    };
    if (near(i - 1, i - 2 - GETTING_GAP, GETTING_BEFORE) || near(i + 1, i + 2 + GETTING_GAP, GETTING_AFTER)) goal.add(i);
  });
  if (goal.size === 0) return question;
  let n = -1;
  return question.replace(/\p{L}+|[,.;:!?]/gu, (word) => (goal.has(++n) ? " " : word));
}

/**
 * `placeTails`: for each word naming a place, what it adds after the name ("нан" for "Үндістаннан", "" for
 * "Узбекистан", whose own "-тан" is no ending). The Kazakh ablative is read from these.
 */
export function asksAboutForeignVisa(question: string, placeTails: readonly string[]): boolean {
  if (placeTails.length === 0) return false;
  // Getting another country's citizenship ("Түркия азаматтығын қалай аламын") names no origin by the word
  // "citizenship"; "a citizen of India" still does.
  if (ORIGIN_OR_KAZAKHSTAN.test(withoutCitizenshipGoal(question)) || LIVES_THERE.test(question) || ROUTE.test(question) || COUNTRY_LIST.test(question)) return false;
  return !placeTails.some((tail) => KAZAKH_FROM.test(tail.toLowerCase()));
}

/**
 * The asker is a citizen of Kazakhstan ("гражданам Казахстана", "казахстанцам", "қазақстандықтарға", "Kazakh
 * citizens"), folded tokens joined. Such an asker needs none of the visas the bot is about: going to another
 * country ("виза в Россию для граждан Казахстана"), it asks about that country's visa; the words "граждан" and
 * "Казахстан" otherwise read as the origin and Kazakhstan that keep a question in scope (ORIGIN_OR_KAZAKHSTAN).
 */
const KAZAKHSTANI =
  /(?<!\p{L})(граждан\p{L}* (рк|казахстана?|республики казахстан)|казахстанц\p{L}*|казахстанк(а|е|ам|ами)|казакстандык\p{L}*|казахстандык\p{L}*|казакстан азамат\p{L}*|кр азамат\p{L}*|kazakhstanis?|kazakh citizens?|citizens? of kazakhstan|kasachische[rn]? staatsbuerger\p{L}*)(?!\p{L})/u;

/** A citizen of Kazakhstan (KAZAKHSTANI) asking about going to another country (`goesAbroad`: a destination is named). */
export const kazakhstaniGoingAbroad = (folded: string, goesAbroad: boolean): boolean => goesAbroad && KAZAKHSTANI.test(folded);

/**
 * Another kind of Kazakh visa named as what is asked about ("продлить туристическую визу", "студенческая виза",
 * "tourist visa", "Touristenvisum", "туристік виза"), folded tokens joined: the sources say nothing of those, and the
 * programs' topics, which share "visa", "extend", "fee", answered them ("как продлить туристическую визу" got both
 * programs' extension rules). Whether one needs such a visa at all is left to the search (the visa-free stay).
 */
const OTHER_VISA =
  /(?<!\p{L})(туристическ\p{L}*|студенческ\p{L}*|учебн\p{L}*|делов\p{L}*|бизнес|транзитн\p{L}*|tourist|student|business|transit|туристик|студенттик|іскерлік|искерлик) (виз\p{L}*|visas?|визасы)(?!\p{L})|(?<!\p{L})(touristen|studenten|geschaefts|transit)visum(?!\p{L})/u;
const NEED = /(?<!\p{L})(нужн\p{L}*|надо|need\p{L}*|brauch\p{L}*|керек)(?!\p{L})/u;

/** Whether the question asks about another kind of visa than the programs (OTHER_VISA), not whether one is needed. */
export const asksAboutOtherVisa = (folded: string): boolean => OTHER_VISA.test(folded) && !NEED.test(folded);

/** A visa as the thing asked for, folded tokens ("visa", "визу", "визасы", "Visum"). */
const VISA_WORD = /(?<!\p{L})(visa\p{L}*|visum|виз(у|ы|е|ой|ам|ами|ах)?|виза\p{L}*|viz[auy])(?!\p{L})/u;
/** Kazakhstan, its cities, or the programs: then the visa asked about is Kazakhstan's. */
const KAZAKHSTAN_WORD = /(казах|казак|kazakh|kasach|астан|astana|алмат|almaty|progb|нур-султан|шымкент)/u;

/**
 * A visa into another country, whoever asks ("визу в Турцию для гражданина Индии", "visa to Turkey for Indians",
 * "Түркияға виза"): the country is named as a destination (destinations.ts) and nothing names Kazakhstan, its cities
 * or a program. The asker's citizenship, which ORIGIN_OR_KAZAKHSTAN takes as a sign the question is about coming to
 * Kazakhstan, does not make it so: a citizenship and a destination, with a visa, is another country's visa.
 */
export const visaIntoAnotherCountry = (folded: string, goesAbroad: boolean): boolean =>
  goesAbroad && VISA_WORD.test(folded) && !KAZAKHSTAN_WORD.test(folded);
