/**
 * Words that show a question is about visas, residence or moving to Kazakhstan, in the four languages
 * (stems, so inflected forms match). A question with none of them that finds no topic is out of the bot's
 * scope ("weather tomorrow"); one with them is in the domain but not covered ("buy a flat with the permit").
 */
const DOMAIN =
  /(visa|visum|vis[ay]|permit|residen|aufenthalt|nomad|kazakh|kasach|astana ?hub|migra|embass|consul|botschaft|konsul|passport|pass\b|reisepass|document|dokument|unterlagen|paper|fee|gebühr|tenge|b9|b12|progb|виз|внж|вид на жительств|кочев|номад|казах|астана ?хаб|миграц|посольств|консул|паспорт|тенге|документ|сбор|пошлин|құжат|кужат|алым|ықтиярхат|көшпенді|қазақстан|казакстан|көші-қон|елшілік|төлқұжат|виза)/iu;

export function looksInDomain(text: string): boolean {
  return DOMAIN.test(text);
}
