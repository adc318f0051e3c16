/**
 * German compounds split into words the index knows: "Doppelbesteuerung" → "doppel" + "besteuerung",
 * "Arbeitsvertrag" → "arbeit" + "vertrag", so a compound the search data never wrote meets its parts.
 * Written by hand because npm has no maintained German decompounder; it splits only against the index's
 * own terms (no dictionary), once, into two parts, with the linking letters German uses (-s-, -es-, -n-, -en-, -e-).
 */
const MIN_COMPOUND = 9;
const MIN_PART = 4;
const LINKS = ["", "s", "es", "n", "en", "e"];

/**
 * The parts of a compound whose head (the last part, which carries the meaning) is a known term, with the
 * first part too when it is known; undefined when no split has a known head. The longest known head wins.
 */
export function splitCompound(word: string, known: (part: string) => boolean): string[] | undefined {
  if (word.length < MIN_COMPOUND || !/^[a-z]+$/.test(word)) return undefined;
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    const head = word.slice(cut);
    if (!known(head)) continue;
    const first = word.slice(0, cut);
    for (const link of LINKS) {
      if (!first.endsWith(link)) continue;
      const modifier = first.slice(0, first.length - link.length);
      if (modifier.length >= MIN_PART && known(modifier)) return [modifier, head];
    }
    return [head];
  }
  return undefined;
}
