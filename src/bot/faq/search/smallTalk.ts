/**
 * Conversation basics in the four languages: greetings, thanks and "who are you". They are told
 * apart from questions by a few phrases each, and only count when the search finds no topic.
 */
export type SmallTalk = "greeting" | "thanks" | "about_bot";

/** Latin spellings of Kazakh and Russian greetings and thanks are included ("salem", "rahmet", "spasibo"). */
const PATTERNS: ReadonlyArray<readonly [SmallTalk, RegExp]> = [
  [
    "about_bot",
    /(who are you|what are you|what can you do|are you (a |an )?(real|human|bot|person|ai)|(?<!\p{L})(кто ты|кто вы|ты кто|вы кто|ты бот|вы бот|(ты|вы) (живой|живая|живые|настоящий|реальный) (человек|бот)|(ты|вы) человек)(?!\p{L})|что (ты|вы) умее|что умеешь|чем (ты|вы) (можешь|можете) помочь|сен кімсің|сіз кімсіз|не істей аласың|не істей аласыз|бот па|wer bist du|wer sind sie|was kannst du|was können sie|bist du ein)/iu,
  ],
  [
    "thanks",
    /(thank|thx|\bty\b|cheers|спасибо|благодар|спс|рахмет|рақмет|raxmet|rahmet|spasibo|danke|vielen dank|merci)/iu,
  ],
  [
    "greeting",
    /^\W*(hi|hello|hey|good (morning|afternoon|evening)|здравствуй|привет|добрый (день|вечер)|доброе утро|сәлем|салем|salem|салам|salam|privet|zdravstvuyte|hallo|guten (tag|morgen|abend)|moin|servus|grüß)/iu,
  ],
];

/** The conversation basic a message is, if it is one. */
export function smallTalkOf(text: string): SmallTalk | undefined {
  return PATTERNS.find(([, re]) => re.test(text))?.[0];
}
