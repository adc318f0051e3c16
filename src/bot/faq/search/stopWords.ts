/**
 * Words that carry no topic in the four languages: pronouns, auxiliaries, politeness and question
 * words without intent ("how", "what"). Who/where/when/how much stay: they point to eligibility,
 * where to apply, timing and fees. Left out of the index and of queries so "how do I…" never decides a match.
 * "get" is no stop word: it carries what is asked ("can I get the invitation online" is about the invitation,
 * not the registration), and as an everyday word of stopwords-iso it weighs half (generalWords.ts).
 */
import { foldSpelling } from "./fold.js";

const LISTS = [
    // en
    "a an the and or but if of to in on at for from by with about as is are was were be been being do does did can could will would shall should may might must i me my we our you your he she it they them their this that these those there here what which whose why how hi hello hey please thanks thank tell know want need have has had am any some many more most also just so not no yes u ur r im ive pls plz wat whats gotta wanna gonna lol rn thx",
    // ru
    "кстати вообще просто и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между здравствуйте привет пожалуйста спасибо подскажите скажите нужно нужен нужна ли мне можно ли",
    // kk
    "кейін деген және мен бен пен да де та те ма ме ба бе па пе ғой қой ше не ол бұл сол осы мына анау мен сен сіз ол біз сіздер олар менің сенің сіздің оның біздің қалай қандай неше неге ме ма ба бе па пе сәлем сәлеметсіз рахмет өтінемін айтыңызшы керек бар жоқ иә",
    // de
    "bekommen bekomme bekommt als ob dass dann doch mal etwa eigentlich der die das den dem des ein eine einer eines einem einen und oder aber wenn ich du er sie es wir ihr mein meine mich mir sie ihnen ist sind war waren bin bist sein hat habe haben hatte kann können könnte muss müssen soll sollte wird werden wie was warum welche welcher welches für von mit bei zu zum zur auf in im an am aus um über nach vor hallo bitte danke gibt es man noch auch nur schon sehr ja nein nicht kein keine",
];

let words: ReadonlySet<string> | undefined;

export function isStopWord(word: string): boolean {
  words ??= new Set(LISTS.join(" ").split(/\s+/).map(foldSpelling));
  return words.has(word);
}

let withoutSigns: ReadonlySet<string> | undefined;

/** A stop word spelled without its soft or hard signs ("толко", "быт", "сколко" is none: "сколько" is no stop word). */
export function isStopWordWithoutSigns(word: string): boolean {
  withoutSigns ??= new Set(
    LISTS.join(" ")
      .split(/\s+/)
      .filter((w) => /[ьъ]/u.test(w))
      .map((w) => foldSpelling(w).replace(/[ьъ]/gu, "")),
  );
  return withoutSigns.has(word);
}
