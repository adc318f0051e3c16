import { describe, expect, it } from "vitest";
import { countryIndex } from "../../../src/rules/input/countryIndex.js";
import { countryName, matchCountry } from "../../../src/rules/input/index.js";

const exact = (code: string) => ({ kind: "exact", code });
const suggest = (...codes: string[]) => ({ kind: "suggest", codes });

describe("matchCountry: codes", () => {
  it.each([
    ["de", "DE"],
    ["DE", "DE"],
    ["US", "US"],
    ["us", "US"],
    ["kz", "KZ"],
    [" Kz ", "KZ"],
    ["ge", "GE"],
    ["UK", "GB"], // not ISO, but what everybody types
    ["uk", "GB"],
    ["USA", "US"],
    ["DEU", "DE"],
    ["kaz", "KZ"],
    ["RUS", "RU"],
  ])("%j -> %s", (text, code) => {
    expect(matchCountry(text)).toEqual(exact(code));
  });

  it("two-letter codes that are everyday words only count in capitals, and only as a suggestion", () => {
    expect(matchCountry("no")).toEqual({ kind: "none" });
    expect(matchCountry("No")).toEqual({ kind: "none" });
    expect(matchCountry("NO")).toEqual(suggest("NO"));
    expect(matchCountry("it")).toEqual({ kind: "none" });
    expect(matchCountry("IT")).toEqual(suggest("IT"));
    expect(matchCountry("in")).toEqual({ kind: "none" });
  });

  it("deprecated and non-country codes are not countries", () => {
    for (const code of ["SU", "DD", "YU", "ZR", "EU", "UN", "ZZ", "XA", "QO", "EZ"]) {
      expect(matchCountry(code)).toEqual({ kind: "none" });
    }
  });
});

describe("matchCountry: names in four languages", () => {
  it.each([
    // English
    ["Germany", "DE"],
    ["germany", "DE"],
    ["  Germany. ", "DE"],
    ["Kazakhstan", "KZ"],
    ["Kazakstan", "KZ"], // common spelling without "h", listed as an alias
    ["United States", "US"],
    ["United States of America", "US"],
    ["America", "US"],
    ["United Kingdom", "GB"],
    ["Britain", "GB"],
    ["Great Britain", "GB"],
    ["England", "GB"],
    ["Russia", "RU"],
    ["Holland", "NL"],
    ["the Netherlands", "NL"],
    ["South Korea", "KR"],
    ["Korea", "KR"],
    ["North Korea", "KP"],
    ["Czechia", "CZ"],
    ["Czech Republic", "CZ"],
    ["Türkiye", "TR"],
    ["Turkiye", "TR"],
    ["Turkey", "TR"],
    ["Kyrgyzstan", "KG"],
    ["Belarus", "BY"],
    ["Ivory Coast", "CI"],
    ["Côte d'Ivoire", "CI"],
    ["Cote d’Ivoire", "CI"],
    ["UAE", "AE"],
    ["Emirates", "AE"],
    ["Swaziland", "SZ"],
    ["Eswatini", "SZ"],
    ["Burma", "MM"],
    ["Myanmar", "MM"],
    ["DRC", "CD"],
    ["DR Congo", "CD"],
    ["Democratic Republic of the Congo", "CD"],
    ["Republic of the Congo", "CG"],
    ["Congo-Brazzaville", "CG"],
    ["Georgia", "GE"], // the country, not the US state nor South Georgia
    ["Bosnia and Herzegovina", "BA"],
    ["Bosnia & Herzegovina", "BA"],
    ["St. Lucia", "LC"],
    ["Saint Lucia", "LC"],
    ["Guinea-Bissau", "GW"],
    ["Guinea Bissau", "GW"],
    ["Guinea", "GN"],
    ["Niger", "NE"],
    ["Nigeria", "NG"],
    ["Dominica", "DM"],
    ["Dominican Republic", "DO"],
    ["Moldova", "MD"],
    ["Republic of Moldova", "MD"], // "Republic of" dropped
    ["Republic of Kazakhstan", "KZ"],
    ["Hong Kong", "HK"],
    ["Kosovo", "XK"],
    ["I am from Germany", "DE"],
    // Russian
    ["Германия", "DE"],
    ["Казахстан", "KZ"],
    ["Россия", "RU"],
    ["РФ", "RU"],
    ["США", "US"],
    ["Соединённые Штаты", "US"],
    ["Великобритания", "GB"],
    ["Англия", "GB"],
    ["Южная Корея", "KR"],
    ["Корея", "KR"],
    ["Турция", "TR"],
    ["Киргизия", "KG"],
    ["Кыргызстан", "KG"],
    ["Белоруссия", "BY"],
    ["Беларусь", "BY"],
    ["ОАЭ", "AE"],
    ["Грузия", "GE"],
    ["Узбекистан", "UZ"],
    ["Нидерланды", "NL"],
    ["Голландия", "NL"],
    ["Чехия", "CZ"],
    ["Кот-д'Ивуар", "CI"],
    ["Фолклендские острова", "FK"], // Intl says "о-ва"
    ["Российская Федерация", "RU"],
    // Kazakh
    ["Қазақстан", "KZ"],
    ["Казакстан", "KZ"], // Kazakh name typed on a Russian keyboard
    ["Ресей", "RU"],
    ["Германия", "DE"],
    ["Өзбекстан", "UZ"],
    ["Озбекстан", "UZ"],
    ["Қырғызстан", "KG"],
    ["Ұлыбритания", "GB"],
    ["Америка Құрама Штаттары", "US"],
    ["АҚШ", "US"],
    ["Түркия", "TR"],
    ["Қытай", "CN"],
    ["Үндістан", "IN"],
    ["Мысыр", "EG"],
    ["Біріккен Араб Әмірліктері", "AE"],
    ["Тәжікстан", "TJ"],
    // German
    ["Deutschland", "DE"],
    ["Kasachstan", "KZ"],
    ["Vereinigte Staaten", "US"],
    ["Vereinigtes Königreich", "GB"],
    ["Großbritannien", "GB"],
    ["Grossbritannien", "GB"],
    ["Russland", "RU"],
    ["Österreich", "AT"],
    ["Oesterreich", "AT"],
    ["Osterreich", "AT"],
    ["Schweiz", "CH"],
    ["Türkei", "TR"],
    ["Tuerkei", "TR"],
    ["Kirgisistan", "KG"],
    ["Weißrussland", "BY"],
    ["Weissrussland", "BY"],
    ["VAE", "AE"],
    ["Südkorea", "KR"],
    ["Elfenbeinküste", "CI"],
    ["Georgien", "GE"],
    ["Republik Moldau", "MD"],
    ["Moldau", "MD"],
    ["Tschechien", "CZ"],
    ["ich komme aus Deutschland", "DE"],
  ])("%j -> %s", (text, code) => {
    expect(matchCountry(text)).toEqual(exact(code));
  });
});

describe("matchCountry: nationality words", () => {
  it.each([
    ["German", "DE"],
    ["American", "US"],
    ["Russian", "RU"],
    ["British", "GB"],
    ["Kazakh", "KZ"],
    ["Uzbek", "UZ"],
    ["Chinese", "CN"],
    ["Indian", "IN"],
    ["Turkish", "TR"],
    ["French", "FR"],
    ["Georgian", "GE"],
    ["Ukrainian", "UA"],
    ["Dutch", "NL"],
    ["Swiss", "CH"],
    ["немец", "DE"],
    ["казах", "KZ"],
    ["неміс", "DE"],
    ["Deutscher", "DE"],
    ["Amerikaner", "US"],
  ])("%j -> %s", (text, code) => {
    expect(matchCountry(text)).toEqual(exact(code));
  });
});

describe("matchCountry: typos and partial names give suggestions", () => {
  it.each([
    ["Germny", ["DE"]],
    ["Gremany", ["DE"]],
    ["Герамния", ["DE"]],
    ["Германии", ["DE"]], // genitive, "из Германии"
    ["из России", ["RU"]],
    ["Kazahstan", ["KZ"]],
    ["Kazakstn", ["KZ"]],
    ["Узбекистон", ["UZ"]],
    ["Ukrine", ["UA"]],
    ["Frnace", ["FR"]],
    ["Kyrgyzstn", ["KG"]],
    ["Kyrgystan", ["KG"]],
    ["Velikobritania", []], // transliteration: too far, nothing
    ["Afganistan", ["AF"]],
    ["Austrlia", ["AU", "AT"]], // equally close: both, the closer relative match first
    ["Kongo", ["CG", "CD"]],
    ["Congo", ["CG", "CD"]],
    ["Конго", ["CG", "CD"]],
    ["Virgin Islands", ["VG", "VI"]],
    ["Herzegovina", ["BA"]],
    ["Kinshasa", ["CD"]],
    ["Arabia", ["SA"]],
    ["Lanka", ["LK"]],
  ])("%j -> %j", (text, codes) => {
    expect(matchCountry(text)).toEqual(codes.length ? suggest(...codes) : { kind: "none" });
  });

  it("returns at most three suggestions", () => {
    const result = matchCountry("Guinee");
    expect(result.kind).toBe("suggest");
    if (result.kind === "suggest") expect(result.codes.length).toBeLessThanOrEqual(3);
  });
});

describe("matchCountry: ordinary words are never countries", () => {
  it.each([
    "hello", "hi", "hey", "yes", "yeah", "no", "nope", "ok", "okay", "thanks", "thank you", "help", "start", "stop",
    "cancel", "back", "next", "skip", "menu", "maybe", "sure", "none", "other", "nothing", "what", "why", "good", "great",
    "test", "fine", "please", "hmm", "lol", "?", "...", "123", "", "   ",
    "да", "нет", "ок", "привет", "спасибо", "помощь", "отмена", "назад", "не знаю", "хорошо", "ладно", "здравствуйте", "пока",
    "иә", "ия", "жоқ", "сәлем", "рахмет", "көмек", "жақсы", "білмеймін", "болды",
    "ja", "nein", "hallo", "danke", "bitte", "hilfe", "weiter", "zurück", "abbrechen", "keine", "gut", "vielleicht", "tschüss",
    "South", "Republic", "United", "Республика", "острова",
    // cities and near-misses that are two typos away from a country with another first letter
    "Astana", "Almaty", "Алматы", "Berlin", "banana",
    "constructor", "__proto__", "toString", "Germany ".repeat(40),
  ])("%j -> none", (text) => {
    expect(matchCountry(text)).toEqual({ kind: "none" });
  });
});

describe("countryName", () => {
  it.each([
    ["DE", "en", "Germany"],
    ["DE", "ru", "Германия"],
    ["DE", "kk", "Германия"],
    ["DE", "de", "Deutschland"],
    ["KZ", "kk", "Қазақстан"],
    ["GE", "en", "Georgia"],
    ["us", "de", "Vereinigte Staaten"],
    ["CD", "kk", "Конго Демократиялық Республикасы"], // Intl says just "Конго", which is ambiguous
  ] as const)("%s in %s -> %s", (code, locale, name) => {
    expect(countryName(code, locale)).toBe(name);
  });

  it("falls back to the code for unknown or invalid codes", () => {
    expect(countryName("QQ", "ru")).toBe("QQ");
    expect(countryName("not a code", "en")).toBe("not a code");
  });

  it("round-trips: every displayed name matches back to its code", () => {
    expect(countryIndex().codes.size).toBeGreaterThanOrEqual(249); // ISO 3166-1 (+ XK)
    for (const code of countryIndex().codes) {
      for (const locale of ["en", "ru", "kk", "de"] as const) {
        const result = matchCountry(countryName(code, locale));
        expect(result.kind === "exact" ? result.code : result, `${code} ${locale}`).toBe(code);
      }
    }
  });
});
