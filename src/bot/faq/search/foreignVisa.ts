/**
 * Questions about another country's visa ("spain digital nomad visa income", "виза кочевника в Грузию",
 * "Жапонияға туристік виза керек пе"): a country other than Kazakhstan is named as a place, and nothing in
 * the question says it is where the asker comes from, that Kazakhstan or its visa-free entry is meant, or that
 * the asker applies at a Kazakh embassy there. Such a question is outside the bot's scope; without this test it reaches
 * the citizenship or income topics, whose words it shares.
 */
const ORIGIN_OR_KAZAKHSTAN =
  /(\bfrom\b|\bcitizen|\bpassport|\bnational|\bi'?m\b|\bi am\b|\bas an? |kazakh|astana|almaty|embass|consul|(?<![\p{L}])из(?![\p{L}])|граждан|паспорт|казах|астан|алмат|посольств|консульств|азамат|төлқұжат|толкужат|паспорт|қазақ|казак|елшіл|консулд|(?<![\p{L}])aus(?![\p{L}])|bürger|buerger|(?<![\p{L}])pass(?![\p{L}])|reisepass|herkunft|безвиз|без виз|визасыз|visa.?free|visumfrei|kasach|botschaft|konsulat|[bвб]\s?-?\s?(9|12)|neo\s?nomad|нео\s?номад)/iu;

/** A Kazakh place name with an ablative ending says "from" ("Үндістаннан"). */
const KAZAKH_FROM = /(нан|нен|дан|ден|тан|тен)(?![\p{L}])/iu;

export function asksAboutForeignVisa(question: string, placeWords: readonly string[]): boolean {
  if (placeWords.length === 0) return false;
  if (ORIGIN_OR_KAZAKHSTAN.test(question)) return false;
  return !placeWords.some((w) => KAZAKH_FROM.test(w));
}
