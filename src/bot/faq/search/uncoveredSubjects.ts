/**
 * Subjects next to the programs that no topic covers and the sources say nothing of: bank accounts and cards, money
 * transfers, job hunting and typical salaries, flight prices, pension rights, buying or renting a home, driving
 * licences, schools and kindergartens, phone lines, the weather, the time difference, food, sports, the cost of
 * living. A question about one shares words with a topic ("какой банк лучше для фрилансера" with the B12-1 topic,
 * "Будет ли у меня пенсия, если проживу десять лет на ВНЖ" with the permit's length, "Can I buy a flat there as a
 * foreigner?" with the tax topic) and was answered with it, sources cited: a wrong answer stated as a fact. Such a
 * question gets "not covered" and the official places instead.
 *
 * Only the subject's own phrases are listed, not the words a covered question uses too: "bank statements", "money in
 * the bank" (the income and savings topics), being retired ("на пенсии": the age topic), a pension received as
 * income, children who will go to school, a job offer or work in a school (work rights), tickets already bought (the
 * arrival window), a medical examination or a housing contract (the residence permit's steps), renting a flat as such
 * ("хочу снять квартиру, как сделать регистрацию": registration), "Flughafen" (the entry airports) are not; nor are
 * doctors, whom the B9 visa for in-demand professions names.
 *
 * Matched against the question's tokens (terms.ts: lower case, folded: "ё" as "е", Kazakh letters as their Russian
 * neighbours, "ü" as "ue", "ß" as "ss"; "how much" and "wie viel" are one token, "howmuch", and "қалай" is "howto"),
 * joined by spaces. Russian typed in Latin letters meets the English and German phrases too, so they are whole words:
 * "ya iz kitaya" (from China) once read as German "Kita".
 */
/** A pattern matching any of these phrases as whole words. */
const phrases = (list: readonly string[]) => new RegExp(`(?<!\\p{L})(${list.join("|")})(?!\\p{L})`, "u");

/** Banks, cards and money transfers: a question about bank statements (income, savings) is not one. */
const BANKING = phrases([
  // en
  "open(ing)? (an? )?(bank )?account", "bank (account|card)s?", "(debit|credit) cards?", "(which|what|best|good) banks?", "(transfer|send)(ing)? money", "money transfers?",
  // ru
  "открыть (банковский |текущий )?сч[её]т\\p{L}*", "банковск\\p{L}* карт\\p{L}*", "карт\\p{L}* (казахстанского |местного )?банк(а|ов)?", "как(ой|ие|ом|ого|их) банк(а|е|и|ов|ом|ах|у)?", "лучш\\p{L}* банк(а|е|и|ов|ом|ах|у)?",
  "перевести деньги", "перевод\\p{L}* денег", "денежн\\p{L}* перевод\\p{L}*",
  // kk
  "шот\\p{L}* (howto )?аш\\p{L}*", "банк карта\\p{L}*", "кай банк\\p{L}*", "акша аудар\\p{L}*",
  // de
  "bankkont\\p{L}*", "girokont\\p{L}*", "konto (eroeffn|anleg)\\p{L}*", "bankkarte\\p{L}*", "kreditkarte\\p{L}*", "welche bank\\p{L}*", "geld (ueberweis|send|schick)\\p{L}*", "ueberweisung\\p{L}*",
]);

/** Bank statements and references: what proves income (B12-1) or shows savings. */
const STATEMENT = /(statement|выписк|справк|kontoauszug|uzindi|узинди|анықтама|аныктама)/u;

/**
 * Looking for a job and what jobs pay. With a program named it asks whether the program lets one work there ("can I
 * find work in Kazakhstan on B12-1"), which the work-rights topic answers: only counted with no program named.
 */
const JOBS = phrases([
  "vacanc(y|ies)", "job (search|hunting|openings?|market|boards?)", "(any|remote|english|english speaking) jobs", "find(ing)? (a )?(\\p{L}+ )?(job|work)", "average (salary|salaries|wage|wages|pay)", "typical (salary|salaries)",
  "ваканси\\p{L}*", "найти (\\p{L}+ )?работу", "поиск\\p{L}* (\\p{L}+ )?работы", "средн\\p{L}* зарплат\\p{L}*", "уровень зарплат\\p{L}*",
  "бос жумыс орн\\p{L}*", "жумыс (табу|издеу|таба\\p{L}*)", "орташа жалакы\\p{L}*",
  "stellenangebot\\p{L}*", "stellenanzeig\\p{L}*", "jobsuche", "(job|arbeit|stelle) finden", "durchschnittsgehalt\\p{L}*", "durchschnittlich\\p{L}* gehalt\\p{L}*",
]);

const OTHER = phrases([
  // en
  "cheap (flights?|tickets?)", "(book|buy)(ing)? (a |the )?(flights?|tickets?|plane tickets?)", "(flight|ticket|airfare)s? prices?", "(price|cost)s? of (a |the )?(flights?|tickets?)", "airfares?",
  "(get|receive|earn|build|accrue|entitled to) (a |my )?pensions?", "pension (rights|contributions|fund|system|insurance)",
  "mortgages?", "buy(ing)? (a |an )?(flat|apartment|house|home|property)", "real estate", "(cost|price)s? of rent(ing)?", "rent prices?", "(howmuch|how much) (is |are |does )?(the )?(rent|flights?|tickets?|a flight|a ticket|a flat|an apartment)",
  "driv(ing|er s|ers) licen[cs]es?", "driving permits?",
  "(international|private|public) schools?", "schools? for (my |our )?(kids|children|child|son|daughter)", "kindergartens?", "daycare",
  "sim cards?", "esim", "mobile (operators?|plans?|carriers?)",
  "weather", "climate", "temperatures?", "time difference",
  "food", "cuisine", "restaurants?", "dishes", "football", "soccer", "hockey",
  "cost of living", "living costs", "expensive to live", "(which|what) city is better", "better (city|place) to live",
  // ru
  "как(ой|ом) город\\p{L}* лучше", "лучше (для жизни|жить)",
  "(сколь?ко стоит|сколь?ко стоят|цен(а|ы)|стоимость|купить|куплю|покупать|забронировать|дешев\\p{L}*|дешёв\\p{L}*) (на )?(авиа)?билет\\p{L}*",
  "(будет ли|будет|право на|размер\\p{L}*|начисл\\p{L}*|накоп\\p{L}*|заработа\\p{L}*) (у меня |мне )?пенси(я|и|ю|ей)", "пенсионн\\p{L}* (накоплен|взнос|отчислен|стаж|фонд)\\p{L}*",
  "ипотек\\p{L}*", "(купить|покупк\\p{L}*|покупать) (квартир|дом|жиль|недвижимост)\\p{L}*", "(стоимость|цены?|сколько стоит) (на )?аренд\\p{L}*",
  "водительск\\p{L}*", "права на вождение",
  "(устроить|отдать|записать) (ребенка |детей |сына |дочь )?в школу", "как(ая|ие|ую|ой) школ\\p{L}*", "школ\\p{L}* для (детей|ребенка|сына|дочери)", "(международн|частн|английск|русскоязычн)\\p{L}* школ\\p{L}*", "детск\\p{L}* сад\\p{L}*", "садик\\p{L}*",
  "сим карт\\p{L}*", "симк\\p{L}*", "(сотов|мобильн)\\p{L}* (связ|оператор)\\p{L}*",
  "погод\\p{L}*", "климат\\p{L}*", "разниц\\p{L}* во времени",
  "ед(а|у|ы)", "кухн(я|ю|и|ей)", "ресторан\\p{L}*", "блюд(о|а)", "футбол\\p{L}*", "хоккей\\p{L}*",
  "стоимость жизни", "(денег|деньги|нужно|надо|хватит|хватает|тратить|потратить|уходит) (в месяц )?на жизн\\p{L}*", "дорого (ли )?жить",
  // kk
  "зейнетакы\\p{L}* (жинак|аударым|кор)\\p{L}*",
  "ипотека\\p{L}*", "(патер|уй) сатып\\p{L}*", "жылжымайтын мулик\\p{L}* сатып\\p{L}*",
  "жургизуши куалиг\\p{L}*",
  "мектепке", "балабакша\\p{L}*",
  "ауа райы\\p{L}*", "тагам\\p{L}*", "мейрамхана\\p{L}*", "футбол\\p{L}*",
  // de
  "welche stadt (ist )?besser",
  "(billige|guenstige) fluege?", "flug (buchen|kaufen)", "flugticket\\p{L}*", "flugpreis\\p{L}*",
  "renten(versicherung|anspruch|ansprueche|kasse)\\p{L}*", "anspruch auf (eine )?rente",
  "hypothek\\p{L}*", "(wohnung|haus|immobilie\\p{L}*) kaufen", "immobilienkauf\\p{L}*", "eigentumswohnung\\p{L}*", "mietpreis\\p{L}*", "(howmuch|wie hoch|wie teuer) (ist |sind |kostet |kosten )?(die |der |eine |ein )?(miete|mieten|flug|fluege|flugticket)",
  "fuehrerschein\\p{L}*",
  "(internationale|private)n? schule\\p{L}*", "schule\\p{L}* fuer (mein|unser)\\p{L}* (kind|kinder|sohn|tochter)", "kindergarten\\p{L}*", "kitas?", "kitaplatz\\p{L}*",
  "sim ?karte\\p{L}*", "handyvertrag\\p{L}*", "mobilfunk\\p{L}*",
  "wetter\\p{L}*", "klima", "zeitverschiebung\\p{L}*", "restaurant\\p{L}*", "kueche", "fussball\\p{L}*", "eishockey",
  "lebenshaltungskosten", "lebenskosten",
]);

/**
 * Whether a question asks about a subject no topic covers. `joined`: its tokens joined by spaces; `read`: the same
 * with Russian typed in Latin letters read in Cyrillic ("pensiya", "bilet"), made only when `joined` is no such
 * question (undefined when the question has no Latin word); `programNamed`: the question names B9-1 or B12-1.
 */
export function asksAboutUncoveredSubject(joined: string, read: () => string | undefined, programNamed: boolean): boolean {
  const about = (text: string) => OTHER.test(text) || (BANKING.test(text) && !STATEMENT.test(text)) || (!programNamed && JOBS.test(text));
  if (about(joined)) return true;
  const cyrillic = read();
  return cyrillic !== undefined && about(cyrillic);
}
