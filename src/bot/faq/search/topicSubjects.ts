/**
 * Topics that answer only questions naming their subject. The pets topic holds the words of animals' papers
 * ("vaccinations", "прививки", "Impfung"), so a question about people's vaccinations ("нужны ли прививки для поездки
 * в Казахстан") found it, and was told what the sources say about cats and dogs. Without an animal named, the topic
 * is no candidate. Folded, lower-cased tokens (terms.ts: "мысық" is "мысык").
 */
const SUBJECTS: Readonly<Record<string, RegExp>> = {
  pets: new RegExp(
    "^(" +
      [
        // en
        "pets?", "dogs?", "cats?", "pupp(y|ies)", "kittens?", "animals?", "parrots?", "birds?", "hamsters?", "rabbits?", "vets?", "veterinar\\p{L}*", "rabies",
        // ru
        "собак\\p{L}*", "собачк\\p{L}*", "пс(а|у|ом)", "пес", "кошк\\p{L}*", "кот(а|у|ом|ы|ов|ик\\p{L}*)?", "кот[её]н\\p{L}*", "котят\\p{L}*", "щен\\p{L}*",
        "питом\\p{L}*", "животн\\p{L}*", "попуга\\p{L}*", "хомяк\\p{L}*", "ветеринар\\p{L}*", "вет\\p{L}+", "бешенств\\p{L}*",
        // ru and kk typed in Latin letters ("vzyat kota", "s sobakoi", "mysyq"; not "it", the English pronoun)
        "sobak\\p{L}*", "koshk\\p{L}*", "kot(a|u|om|y|ov|ik\\p{L}*|enok|yat\\p{L}*)?", "pitom\\p{L}*", "zhivotn\\p{L}*", "shchen\\p{L}*",
        "mysy[kq]\\p{L}*", "[jz]h?anuar\\p{L}*",
        // kk (folded)
        "ит((им|ке|ти|пен|тер|ін|ин)\\p{L}*)?", "мысык\\p{L}*", "жануар\\p{L}*", "тотыкус\\p{L}*", "кушик\\p{L}*",
        // de
        "haustier\\p{L}*", "hund\\p{L}*", "katze\\p{L}*", "kater", "tier\\p{L}*", "welpe\\p{L}*", "kaetzchen", "heimtier\\p{L}*", "tollwut\\p{L}*",
      ].join("|") +
      ")$",
    "u",
  ),
};

/** Whether a topic answers only questions naming its subject and these tokens name none. */
export function lacksSubject(topicId: string, tokens: readonly string[]): boolean {
  const subject = SUBJECTS[topicId];
  return subject !== undefined && !tokens.some((t) => subject.test(t));
}
