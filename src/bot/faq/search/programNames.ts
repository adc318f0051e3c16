/**
 * The many ways people write the programs' names, folded into one token each before tokenizing,
 * so "B 9.1", "b91", "digital nomad", "цифровой кочевник" and "цифрлық көшпенді" all match each other.
 */
/** Word edges that also hold for Cyrillic (JavaScript's \\b knows only ASCII letters). */
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
const re = (body: string) => new RegExp(`${START}(?:${body})${END}`, "giu");

/**
 * "B9" alone: the B9 visa for in-demand professions, which has its own topic, so it is a word, not B9-1's token.
 * Named beside B12-1 ("чем отличается b9 от b12") it is most likely B9-1 shortened, and the question a comparison.
 */
export const B9_BARE = "progbninebare";

/**
 * Each pattern with what a text must hold for it to match, if that is a plain string (digits, or the capitals of
 * the case-sensitive "IT" pattern, which no case folding reaches): a pattern whose string the text lacks is not run,
 * as most questions name no program by number (the thirteen scans were a third of tokenizing).
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, string, string?]> = [
  [re(String.raw`[bвб]\s?-?\s?12\s?[-./_ ]?\s?1`), " progbtwelve ", "12"],
  [re(String.raw`[bвб]\s?-?\s?9\s?[-./_ ]?\s?1`), " progbnine ", "9"],
  [re(String.raw`(?:neo|нео)[\s-]*(?:nomad|номад|кочевник|көшпенді|кошпенди)\p{L}*`), " progbtwelve "],
  [
    re(String.raw`(?:digital\p{L}*|диджитал|дижитал|цифров\p{L}*|цифрлық|цифрлык)[\s-]*(?:nomad|номад|кочевник|көшпенді|кошпенди)\p{L}*`),
    " progbnine ",
  ],
  [re(String.raw`dnr|digital nomad residency`), " progbnine "],
  // "Nomad residency" is the DNR permit too, also as Russian writes it ("номад резиденси", "номад резиденс").
  [re(String.raw`(?:nomad|номад)[\s-]*(?:residency|residence|резиденси|резиденс\p{L}*)`), " progbnine "],
  // "DN" for digital nomad, before the word for a visa or permit ("дн визу", "DN visa", "DN-Visum").
  [re(String.raw`(?:dn|дн)[\s-]*(?:visa|visum|viza|виз\p{L}*|внж|permit|residency)`), " progbnine "],
  [
    re(
      String.raw`remote[\s-]*work(?:er)?s?[\s-]*(?:visa|visum)|visa for remote work(?:er)?s?|виз\p{L}* для удал[её]нн\p{L}* работ\p{L}*|қашықтан жұмыс виза\p{L}*|кашыктан жумыс виза\p{L}*`,
    ),
    " progbtwelve ",
  ],
  // What people call the programs by whom they are for: an "IT visa" (B9-1 is for IT specialists) and a "remote
  // visa" (B12-1 is for remote workers); "hub visa" is B9-1 too, whose petition comes from Astana Hub (the word
  // "hub" is kept: a question about the hub itself still finds its topic).
  // English "it" is a pronoun ("is it visa free"): only the capitals "IT" name the field.
  [new RegExp(`${START}IT[\\s-]*(?:[Vv]isa|[Vv]isum|[Rr]esidency|[Rr]esidence|виз\\p{L}*|внж|ВНЖ)${END}`, "gu"), " progbnine ", "IT"],
  [re(String.raw`(?:ит|айти)[\s-]*(?:виз\p{L}*|резиденц\p{L}*|внж|ықтиярхат\p{L}*)`), " progbnine "],
  [re(String.raw`(?:виз\p{L}*|внж)[\s-]*(?:для|for)[\s-]*(?:айтишник\p{L}*|it[\s-]*(?:специалист|specialist)\p{L}*)`), " progbnine "],
  [re(String.raw`(?:astana[\s-]*)?hub[\s-]*(?:visa|visum|residency|виз\p{L}*)`), " hub progbnine "],
  [re(String.raw`remote[\s-]*(?:visa|visum|viza|виз\p{L}*)|удал[её]нк\p{L}*[\s-]*виз\p{L}*|виз\p{L}*[\s-]*для[\s-]*удал[её]нщик\p{L}*`), " progbtwelve "],
  // "b12" alone means B12-1: there is no other B12 program to ask about here.
  [re(String.raw`[bвб]\s?-?\s?12`), " progbtwelve ", "12"],
  [re(String.raw`[bвб]\s?-?\s?9`), ` ${B9_BARE} `, "9"],
];

export function foldProgramNames(text: string): string {
  let out = text;
  for (const [pattern, token, needs] of PATTERNS) if (needs === undefined || out.includes(needs)) out = out.replace(pattern, token);
  return out;
}
