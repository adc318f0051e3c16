/**
 * Currency symbols and words (en/ru/kk/de, lower-case, Latin diacritics stripped) -> ISO 4217 code.
 * "Dollar" in any language is taken as USD; other dollars need their ISO code (CAD, AUD, ...).
 * Any other ISO 4217 code known to Intl (e.g. "chf", "gbp") is accepted as well, see amount.ts.
 */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  // USD
  $: "USD",
  usd: "USD",
  us$: "USD",
  dollar: "USD",
  dollars: "USD",
  bucks: "USD",
  doll: "USD",
  долл: "USD",
  дол: "USD",
  доллара: "USD",
  долларов: "USD",
  долларах: "USD",
  доллары: "USD",
  долларды: "USD",
  бакс: "USD",
  бакса: "USD",
  баксов: "USD",
  // EUR
  "€": "EUR",
  eur: "EUR",
  euro: "EUR",
  euros: "EUR",
  евро: "EUR",
  еуро: "EUR",
  // KZT
  "₸": "KZT",
  kzt: "KZT",
  tenge: "KZT",
  тенге: "KZT",
  теңге: "KZT",
  тг: "KZT",
  тнг: "KZT",
  // RUB
  "₽": "RUB",
  rub: "RUB",
  rubles: "RUB",
  roubles: "RUB",
  rubel: "RUB",
  руб: "RUB",
  рубль: "RUB",
  рубля: "RUB",
  рублей: "RUB",
  р: "RUB",
  // A few more currencies neighbours use
  "£": "GBP",
  pound: "GBP",
  pounds: "GBP",
  фунт: "GBP",
  фунтов: "GBP",
  фунта: "GBP",
  стерлингов: "GBP",
  pfund: "GBP",
  sterling: "GBP",
  yuan: "CNY",
  rmb: "CNY",
  renminbi: "CNY",
  rubeln: "RUB",
  ruble: "RUB",
  rouble: "RUB",
  рубл: "RUB",
  доллар: "USD",
  долларын: "USD",
  евролар: "EUR",
  сом: "KGS",
  сомов: "KGS",
  сум: "UZS",
  сумов: "UZS",
  лари: "GEL",
  драм: "AMD",
  драмов: "AMD",
  гривен: "UAH",
  гривна: "UAH",
  гривны: "UAH",
  грн: "UAH",
  юань: "CNY",
  юаней: "CNY",
  юаня: "CNY",
  "¥": "CNY",
  франк: "CHF",
  франков: "CHF",
  franken: "CHF",
  lira: "TRY",
  liras: "TRY",
  tl: "TRY",
  "₺": "TRY",
  lir: "TRY",
  лир: "TRY",
  лиры: "TRY",
  лира: "TRY",
  злотых: "PLN",
};

/** Thousand / million words, including the bare "k" / Cyrillic "к" suffix. */
export const MULTIPLIER_WORDS: Readonly<Record<string, number>> = {
  k: 1_000,
  к: 1_000,
  thousand: 1_000,
  тыс: 1_000,
  тысяч: 1_000,
  тысячи: 1_000,
  тысяча: 1_000,
  тысячу: 1_000,
  мын: 1_000,
  мың: 1_000,
  tsd: 1_000,
  tausend: 1_000,
  mln: 1_000_000,
  million: 1_000_000,
  millionen: 1_000_000,
  mio: 1_000_000,
  млн: 1_000_000,
  миллион: 1_000_000,
  миллиона: 1_000_000,
  миллионов: 1_000_000,
};

/** Words that make an amount yearly ("per year", "в год", "жылына", "pro Jahr"). */
export const YEAR_WORDS: ReadonlySet<string> = new Set([
  "year", "years", "yr", "yearly", "annual", "annually", "annum", "pa",
  "год", "года", "году", "годовой", "годовых", "ежегодно",
  "жыл", "жылына", "жылдык", "жылдық",
  "jahr", "jahrlich", "jahrliches", "jahreseinkommen", "jahresgehalt",
]);

/**
 * Words that may accompany an amount without changing it: "per month" phrasing and "about".
 * Anything else ("per year", "or", a second number) makes the input unrecognised.
 */
export const AMOUNT_FILLERS: ReadonlySet<string> = new Set([
  // per month
  "per", "a", "month", "mo", "monthly", "pm",
  "в", "месяц", "мес", "ежемесячно",
  "айына", "ай", "сайын", "айлык", "айлық",
  "pro", "im", "monat", "monatlich", "mtl", "net", "netto", "gross", "brutto", "after", "before", "tax", "taxes",
  // what the number is
  "i", "earn", "make", "get", "my", "is", "я", "получаю", "зарабатываю", "мой", "ich", "verdiene", "bekomme", "мен", "аламын", "табамын",
  "salary", "income", "зарплата", "зп", "доход", "жалақы", "табыс", "gehalt", "einkommen",
  // approximately
  "about", "around", "approx", "approximately", "roughly", "~", "≈",
  "около", "примерно", "где", "то", "приблизительно",
  "шамамен", "шамасы",
  "etwa", "ca", "circa", "ungefahr", "rund",
]);
