/**
 * Conversation basics in the four languages: greetings, thanks and "who are you". They are told
 * apart from questions by a few phrases each, and only count when the search finds no topic.
 */
export type SmallTalk = "greeting" | "thanks" | "about_bot";

/** Latin spellings of Kazakh and Russian greetings and thanks are included ("salem", "rahmet", "spasibo"). */
const PATTERNS: ReadonlyArray<readonly [SmallTalk, RegExp]> = [
  [
    "about_bot",
    /(who are you|what are you|what can you do|are you (a |an )?(real|human|bot|person|ai)|(?<!\p{L})(кто ты|кто вы|ты кто|вы кто|ты бот|вы бот|(ты|вы) (живой|живая|живые|настоящий|реальный) (человек|бот)|(ты|вы) человек)(?!\p{L})|что (ты|вы) умее|что умеешь|чем (ты|вы) (можешь|можете) помочь|сен кімсің|сіз кімсіз|не істей аласың|не істей аласыз|не істей алады|не істейсің|бот па|wer bist du|wer sind sie|was kannst du|was können sie|bist du ein)/iu,
  ],
  [
    "thanks",
    /(thank|thx|\bty\b|cheers|спасибо|благодар|спс|рахмет|рақмет|raxmet|rahmet|raqmet|rakhmet|spasibo|danke|vielen dank|merci)/iu,
  ],
];

/**
 * Particles and fillers people put around or inside these phrases ("ты вообще кто?", "а кто ты", "кто же ты",
 * "who even are you", "wer bist du eigentlich", "сен өзі кімсің"): they change no phrase's meaning, but stood
 * between its words, so "ты вообще кто?" matched no phrase and was searched as a question (and got eligibility).
 * Dropped before the phrases are matched; the message is searched as written.
 */
const FILLERS =
  /(?<!\p{L})(вообще|а|же|ж|ну|вот|собственно|такой|такая|блин|even|actually|anyway|exactly|really|so|um|uh|eigentlich|denn|überhaupt|ueberhaupt|also|өзі|озі|өзің|озин|ғой|гой|енді|енди)(?!\p{L})/giu;

/** The conversation basic a message is, if it is one. */
export function smallTalkOf(text: string): SmallTalk | undefined {
  const plain = text.replace(FILLERS, " ").replace(/\s+/gu, " ").trim();
  return PATTERNS.find(([, re]) => re.test(plain))?.[0] ?? (GREETING_OPENING.test(plain) || PLEA_ONLY.test(plain) ? "greeting" : undefined);
}

/**
 * A greeting opening a message, as whole words, with the punctuation after it ("Salam, …", "Добрый день. …",
 * "Hallo! …"), or the announcement of a question ("у меня вопрос", "ich hätte eine Frage": alone, it had the
 * bot answer the official contacts or both programs), with whom it greets and "how are you" after it ("guten Tag
 * zusammen": "zusammen" alone found the unmarried partners' topic): a message opening so is a greeting, and
 * `withoutGreeting` leaves this out of its question. Whole words: "history of b9-1" once counted as opening with "hi".
 */
const GREETING_OPENING =
  /^[\s\p{P}]*(((i have|i['’]?ve got|i got) a (quick |short |small )?question|quick question|(у меня|есть|можно|маленький|небольшой|один) (есть )?(один |небольшой |маленький |короткий )?вопрос(ик)?|(ich )?(habe|hätte|haette|hab) (da |mal |noch )?(eine|ne|mal eine) (kurze )?frage|(менде )?(бір )?сұрағым бар|(менде )?(бир )?сурагым бар)|hi+|hel+o+|he+y+|good (morning|afternoon|evening)|здравствуй\p{L}*|привет\p{L}*|добр(ый|ого) (день|дня|вечер|вечера)|доброе утро|сәлем\p{L}*|салем\p{L}*|salem\p{L}*|(салам|salam)( (алейкум|алейкүм|aleikum|aleykum|alejkum))?|ассалаума[ғг]?алейкум|ассаламу ?алейкум|ассалому ?алайкум|assalamu ?alaikum|assalomu ?alaykum|privet\p{L}*|zdravstvu\p{L}*|hallo|guten (tag|morgen|abend)|moin|servus|grüß (gott|dich|euch))(?!\p{L})([\s\p{P}]+(zusammen|allerseits|alle|everyone|everybody|all|guys|всем|все|баршаңызға|баршаныз\p{L}*))?(?!\p{L})[\s\p{P}]*((how are you( doing)?|how's it going|как (дела|ты|вы|поживаете)|wie geht'?s|wie geht es (dir|ihnen|euch)|қалайсың|қалайсыз|калайсын|калайсыз|qalaisy[nz]|kalaisy[nz])(?!\p{L})[\s\p{P}]*)?/iu;

/**
 * A plea for help and nothing else ("помогите", "көмек керек еді", "can you help me?"): a greeting, alone or after
 * one.
 * Only alone: before a question it is left in ("Kannst du mir helfen, meine Steuererklärung auszufüllen?" is a tax
 * return to fill, out of scope, and without the plea its words read as the tax topic's).
 */
const PLEA_ONLY =
  /^[\s\p{P}]*((мне )?(нужна|нужно) помощь|помощь нужна|помогите( мне)?( пожалуйста)?|(i )?need (some )?help|can you help( me)?|help me( please)?|ich brauche (ihre |deine |eure )?hilfe|k(ö|oe)nnen sie mir helfen|kannst du mir helfen|(маған )?көмек керек( еді)?|(magan )?komek kerek( edi)?|көмектесіңізші|көмектесіңіз)[\s\p{P}]*$/iu;

/** The message without the greeting it opens with (as it is when it opens with none). */
export function withoutGreeting(text: string): string {
  // A greeting and then the announcement of a question ("Guten Tag, ich hätte eine Frage: …").
  let rest = text;
  for (let i = 0; i < 2; i++) rest = rest.replace(GREETING_OPENING, "");
  return PLEA_ONLY.test(rest) ? "" : rest;
}
