/**
 * A Latin word with a Cyrillic ending, as a Kazakh or Russian question writes a name it knows in English:
 * "uzbekistanға" (to Uzbekistan), "Germanyдан" (from Germany), "visaны". The Latin head is the word, the Cyrillic
 * tail its case ending. Not a Cyrillic word with Latin look-alike letters slipped in ("кyжат", "бiлгiм", "kазақ"):
 * the head must hold a letter no Cyrillic one looks like (fold.ts reads look-alikes as Cyrillic).
 */
const MIXED = /^([a-z]+)(\p{Script=Cyrillic}+)$/u;
const UNLIKE_CYRILLIC = /[bdfgjlnqrsuvwz]/;

/** The Latin head and the Cyrillic tail of such a word (lower-case), if it is one. */
export function splitLatinHead(word: string): { head: string; tail: string } | undefined {
  const m = MIXED.exec(word);
  return m && UNLIKE_CYRILLIC.test(m[1]!) ? { head: m[1]!, tail: m[2]! } : undefined;
}
