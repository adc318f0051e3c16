/**
 * Word lists for matchCountry, written naturally; country.ts folds them with nameKey on first use.
 */

/**
 * Two-letter codes that are also everyday words (en/de). Typed in capitals ("NO", "IT") they are
 * offered as a suggestion; in any other case ("no", "it", "in") they match nothing.
 */
export const WORDLIKE_CODES: ReadonlySet<string> = new Set(["AD", "AM", "AS", "AT", "BE", "BY", "DO", "ER", "ES", "IM", "IN", "IS", "IT", "LA", "MA", "ME", "MY", "NO", "PA", "SO", "TO", "UM"]);

/** Replies people give to a bot that must never be read as a country, even with typo tolerance. */
export const STOPWORDS: readonly string[] = [
  "yes", "yep", "yeah", "no", "nope", "ok", "okay", "hello", "hi", "hey", "thanks", "thank you", "help", "start", "stop",
  "cancel", "back", "next", "skip", "menu", "maybe", "sure", "none", "other", "nothing", "what", "why", "great", "good",
  "да", "нет", "ок", "привет", "спасибо", "помощь", "отмена", "назад", "далее", "не знаю", "хорошо", "ладно", "пропустить", "другое", "другая",
  "иә", "ия", "жоқ", "сәлем", "рахмет", "көмек", "артқа", "басқа", "жақсы", "білмеймін", "болды",
  "ja", "nein", "hallo", "danke", "bitte", "hilfe", "weiter", "zurück", "abbrechen", "andere", "keine", "nichts", "gut", "vielleicht",
];

/** "I am from", "я из", "ich komme aus" ... in front of the country name (matched on lookup keys). */
export const LEAD_IN = /^(?:i am from|i m from|im from|from|citizen of|i live in|я из|из|я живу в|гражданин|гражданка|ich komme aus|ich bin aus|aus|ich wohne in|ich lebe in)\s+/;

/** Words of official names too generic to point at a country on their own. */
export const GENERIC_WORDS: readonly string[] = [
  "islands", "island", "republic", "democratic", "federation", "federal", "united", "states", "kingdom", "south", "north",
  "east", "west", "western", "central", "saint", "great", "british", "french", "american", "outlying", "territories",
  "territory", "people", "peoples", "arab", "coast", "holy", "guinea", "sudan", "samoa", "islamic", "northern", "southern",
  "острова", "остров", "республика", "южная", "южный", "северная", "северные", "северный", "новая", "западная", "восточный",
  "центрально", "британская", "французская", "французские", "американское", "внешние", "малые", "территории", "соединённые",
  "штаты", "объединённые", "арабские", "федерация", "демократическая", "гвинея", "судан", "самоа", "королевство",
  "аралдары", "аралы", "республикасы", "оңтүстік", "солтүстік", "жаңа", "батыс", "шығыс", "орталық", "біріккен", "құрама",
  "штаттары", "француз", "британдық", "аймақтары", "аймағы",
  "inseln", "insel", "republik", "vereinigte", "vereinigtes", "nördliche", "südliche", "westliche", "französisch",
  "britische", "britisches", "amerikanische", "amerikanisch", "demokratische", "arabische", "königreich", "staaten",
  // continents, oceans and first names that happen to be part of a name
  "africa", "african", "африка", "африканская", "america", "америка", "amerika", "indian", "ocean", "океане",
  "martin", "pierre", "helena", "marshall", "heard", "мартен", "елены", "елена", "ireland", "ирландия",
];
