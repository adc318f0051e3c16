/**
 * Currency symbols and words (en/ru/kk/de, lower-case, Latin diacritics stripped) -> ISO 4217 code.
 * "Dollar" and a bare "$" in any language are taken as USD; other dollars are named by a prefix on the sign
 * ("CA$", see DOLLAR_PREFIXES), by a country word before the dollar word ("Canadian dollars", see
 * DOLLAR_COUNTRIES) or by their ISO code (CAD, AUD, ...).
 * Any other ISO 4217 code known to Intl (e.g. "chf", "gbp") is accepted as well, see amount.ts.
 * "¥" is not here: it is both the yen and the yuan (see AMBIGUOUS_SIGNS).
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
  // JPY: the yen has its own words; its sign "¥" is shared with the yuan (AMBIGUOUS_SIGNS)
  yen: "JPY",
  иен: "JPY",
  иена: "JPY",
  иены: "JPY",
  иену: "JPY",
  йен: "JPY",
  йена: "JPY",
  йены: "JPY",
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

/**
 * Signs that several currencies use, with the codes they may stand for. "¥" is the Japanese yen and the Chinese
 * yuan alike (the fullwidth "￥" too), so a bare "¥" says neither: the amount needs one of these codes or words
 * next to it ("¥450000 JPY", "¥3000 yuan"), or the person is asked which one they mean.
 */
export const AMBIGUOUS_SIGNS: Readonly<Record<string, readonly string[]>> = {
  "¥": ["JPY", "CNY"],
  "￥": ["JPY", "CNY"],
};

/**
 * Country prefixes written on the dollar sign ("CA$4000", "A$4,200", "HK$", "US$") -> ISO code. Only read when
 * joined to the "$": on their own "ca" is the German "circa" and "a" an English filler, which once made
 * "CA$4000" and "A$4,200" read as US dollars.
 */
export const DOLLAR_PREFIXES: Readonly<Record<string, string>> = {
  us: "USD",
  usd: "USD",
  ca: "CAD",
  c: "CAD",
  can: "CAD",
  cad: "CAD",
  a: "AUD",
  au: "AUD",
  aud: "AUD",
  nz: "NZD",
  nzd: "NZD",
  hk: "HKD",
  hkd: "HKD",
  s: "SGD",
  sg: "SGD",
  sgd: "SGD",
  mx: "MXN",
  mxn: "MXN",
  nt: "TWD",
  r: "BRL",
};

/**
 * Country words before a dollar word (DOLLAR_WORD): "Canadian dollars", "канадских долларов", "Канада доллары",
 * "kanadische Dollar", "Hongkong-Dollar". Each entry is the start of the words (lower-case, Latin diacritics
 * stripped); any ending may follow, so the Russian and German cases need no list of their own.
 */
export const DOLLAR_COUNTRIES: Readonly<Record<string, string>> = {
  canad: "CAD",
  kanad: "CAD",
  канад: "CAD",
  austral: "AUD",
  aussie: "AUD",
  австрал: "AUD",
  "new zealand": "NZD",
  neuseeland: "NZD",
  новозеланд: "NZD",
  "новой зеланд": "NZD",
  "жаңа зеланд": "NZD",
  "жана зеланд": "NZD",
  "hong kong": "HKD",
  hongkong: "HKD",
  гонконг: "HKD",
  singapor: "SGD",
  singapur: "SGD",
  сингапур: "SGD",
};

/** A dollar word after a country word: "dollar(s)", "доллар*", "долл.", "дол." (the words CURRENCY_WORDS reads as USD). */
export const DOLLAR_WORD = "(?:dollars?|doll|долл\\p{L}*|дол)";

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
