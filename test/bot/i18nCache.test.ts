import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { createI18n, i18nOptions, loadResources } from "../../src/bot/i18n.js";
import { translationCache } from "../../src/bot/i18nCache.js";
import { SUPPORTED_LOCALES } from "../../src/store/index.js";

const resources = loadResources();
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key of every namespace in every language, plural suffixes folded: base key → its texts. */
function allKeys(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === "string") {
      const key = prefix.replace(PLURAL, "");
      out.set(key, [...(out.get(key) ?? []), prefix === key ? value : `${value}\u0000plural`]);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, prefix.endsWith(":") ? prefix + k : `${prefix}.${k}`);
    }
  };
  for (const lng of SUPPORTED_LOCALES) for (const [ns, tree] of Object.entries(resources[lng] ?? {})) walk(tree, `${ns}:`);
  return out;
}

const variables = (texts: string[]) => [...new Set(texts.flatMap((s) => [...s.matchAll(/\{\{-?\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!)))];

/** A plain i18next instance with the bot's options: what the cache must agree with. */
function plainI18n() {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(resources));
  return instance;
}

describe("the translation cache in front of i18next", () => {
  const cachedI18n = createI18n(resources);
  const plain = plainI18n();
  const keys = allKeys();

  it("covers the locales (the loop below is not empty)", () => {
    expect(keys.size).toBeGreaterThan(500);
    expect([...keys.values()].some((texts) => texts.some((t) => t.endsWith("\u0000plural")))).toBe(true);
  });

  it.each(SUPPORTED_LOCALES)("gives i18next's own text for every key in %s, with and without variables and counts, on a miss and on a hit", (lng) => {
    const cached = cachedI18n.getFixedT(lng);
    const reference = plain.getFixedT(lng);
    let compared = 0;
    for (const [key, texts] of keys) {
      const names = variables(texts);
      const plural = texts.some((t) => t.endsWith("\u0000plural"));
      const calls: Array<Record<string, unknown> | undefined> = [undefined, {}];
      if (names.length) {
        calls.push(Object.fromEntries(names.map((n) => [n, `<b>${n}</b> & "x"`])));
        calls.push({ ...Object.fromEntries(names.map((n) => [n, `<b>${n}</b> & "x"`])), interpolation: { escapeValue: false } });
        calls.push(Object.fromEntries(names.map((n, i) => [n, 1000 + i])));
        calls.push(Object.fromEntries(names.map((n) => [n, true])));
      }
      if (plural || names.includes("count")) {
        for (const count of [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 1.5]) calls.push({ ...Object.fromEntries(names.map((n) => [n, `v-${n}`])), count });
      }
      calls.push({ defaultValue: "fallback" });
      for (const options of calls) {
        const want = reference(key, options as never);
        expect(cached(key, options as never), `${lng} ${key} ${JSON.stringify(options)} (miss)`).toBe(want);
        expect(cached(key, options as never), `${lng} ${key} ${JSON.stringify(options)} (hit)`).toBe(want);
        compared++;
      }
      // A list of keys: the first that exists wins.
      expect(cached([`${key}.__missing`, key])).toBe(reference([`${key}.__missing`, key]));
    }
    expect(compared).toBeGreaterThan(keys.size * 2);
  });

  it("answers the forms it does not cache through i18next, unchanged", () => {
    const cached = cachedI18n.getFixedT("de");
    const reference = plain.getFixedT("de");
    const [key, name] = ["check:answered", "answer"];
    // An object value (here a Date), an array and deeper nesting go straight through.
    const date = new Date(Date.UTC(2026, 11, 2));
    expect(cached(key, { [name]: date } as never)).toBe(reference(key, { [name]: date } as never));
    expect(cached(key, { [name]: ["a", "b"] } as never)).toBe(reference(key, { [name]: ["a", "b"] } as never));
    const deep = { [name]: "<i>", interpolation: { escapeValue: false, format: { deeper: true } } };
    expect(cached(key, deep as never)).toBe(reference(key, deep as never));
    // Plain nested options are cached apart from the same values without them.
    expect(cached(key, { [name]: "<i>", interpolation: { escapeValue: false } } as never)).toContain("<i>");
    expect(cached(key, { [name]: "<i>" } as never)).toContain("&lt;i&gt;");
    expect(cached(key, { [name]: "<i>", interpolation: { escapeValue: true } } as never)).toContain("&lt;i&gt;");
    expect(cached(key, { [name]: "<i>", interpolation: { escapeValue: false } } as never)).toContain("<i>");
    // Another language asked for in the options, and a key that does not exist.
    expect(cached("common:menu.faq", { lng: "ru" } as never)).toBe(reference("common:menu.faq", { lng: "ru" } as never));
    expect(cached("common:no.such.key")).toBe(reference("common:no.such.key"));
    // A second argument that is a default value string.
    expect((cached as (k: string, d: string) => string)("common:no.such.key", "Standard")).toBe("Standard");
  });

  it("keeps option lists apart whatever their values hold (typed by a user)", () => {
    const cached = cachedI18n.getFixedT("en");
    const reference = plain.getFixedT("en");
    const key = [...keys].find(([, texts]) => variables(texts).length >= 2)![0];
    const [a, b] = variables(keys.get(key)!) as [string, string];
    const tricky = [
      { [a]: `x\u0000${b}\u0000s1:y` },
      { [a]: "x", [b]: "y" },
      { [a]: "1", [b]: "y" },
      { [a]: 1, [b]: "y" },
      { [a]: "x", [b]: "y", extra: null },
    ];
    for (const options of tricky) expect(cached(key, options as never)).toBe(reference(key, options as never));
    expect(cached(key, tricky[0] as never)).not.toBe(cached(key, tricky[1] as never));
  });

  it("forgets its texts when a resource changes", () => {
    const i18n = createI18n(loadResources());
    const t: TFunction = i18n.getFixedT("en");
    const before = t("common:menu.faq");
    i18n.addResource("en", "common", "menu.faq", "Questions (changed)");
    expect(t("common:menu.faq")).toBe("Questions (changed)");
    i18n.addResourceBundle("en", "common", { menu: { faq: "Again" } }, true, true);
    expect(t("common:menu.faq")).toBe("Again");
    expect(before).not.toBe("Again");
  });

  it("holds at most its bound of entries, the oldest going first", () => {
    const instance = plainI18n();
    const cache = translationCache(instance, 50);
    const t = cache.fixedT("en");
    const [key, name] = ["check:answered", "answer"];
    for (let i = 0; i < 500; i++) expect(t(key, { [name]: `v${i}` } as never)).toBe(instance.getFixedT("en")(key, { [name]: `v${i}` } as never));
    expect(cache.size()).toBe(50);
    expect(cache.fixedT("en")).toBe(t);
  });

  it("hands out one function per language, so an update builds none", () => {
    expect(cachedI18n.getFixedT("kk")).toBe(cachedI18n.getFixedT("kk"));
    expect(cachedI18n.getFixedT("kk")).not.toBe(cachedI18n.getFixedT("ru"));
  });
});
