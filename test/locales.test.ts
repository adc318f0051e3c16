import { describe, expect, it } from "vitest";
import { loadResources } from "../src/bot/i18n.js";
import { SUPPORTED_LOCALES } from "../src/store/index.js";

const resources = loadResources();
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Flattens a namespace into "ns:path.to.key" → text. */
function flatten(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix.endsWith(":") ? prefix + k : `${prefix}.${k}`, out);
  }
  return out;
}

function texts(lng: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [ns, tree] of Object.entries(resources[lng] ?? {})) flatten(tree, `${ns}:`, out);
  return out;
}

const variables = (s: string) => [...s.matchAll(/\{\{-?\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const tags = (s: string) => [...s.matchAll(/<\/?([a-z]+)[^>]*>/g)].map((m) => m[0].replace(/\s.*>/, ">")).sort();
const base = (key: string) => key.replace(PLURAL, "");
const en = texts("en");

describe("locales", () => {
  it("exist for en, ru, kk and de, each with at least the common namespace", () => {
    for (const lng of SUPPORTED_LOCALES) expect(Object.keys(resources[lng] ?? {})).toContain("common");
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== "en"))("%s has exactly the keys of en (plural forms aside)", (lng) => {
    const mine = new Set([...texts(lng).keys()].map(base));
    const reference = new Set([...en.keys()].map(base));
    expect([...reference].filter((k) => !mine.has(k))).toEqual([]);
    expect([...mine].filter((k) => !reference.has(k))).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== "en"))("%s uses the same interpolation variables and HTML tags as en", (lng) => {
    const mine = texts(lng);
    const byBase = (m: Map<string, string>) => {
      const grouped = new Map<string, { vars: Set<string>; tags: string[] }>();
      for (const [k, v] of m) {
        const g = grouped.get(base(k)) ?? { vars: new Set<string>(), tags: tags(v) };
        for (const name of variables(v)) g.vars.add(name!);
        grouped.set(base(k), g);
      }
      return grouped;
    };
    const ref = byBase(en);
    for (const [key, g] of byBase(mine)) {
      const r = ref.get(key);
      if (!r) continue;
      expect([...g.vars].sort(), `${lng} ${key} variables`).toEqual([...r.vars].sort());
      expect(g.tags, `${lng} ${key} HTML tags`).toEqual(r.tags);
    }
  });

  it.each(SUPPORTED_LOCALES)("%s has every plural form its language needs, and no others", (lng) => {
    const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.slice().sort();
    const forms = new Map<string, string[]>();
    for (const key of texts(lng).keys()) {
      const m = PLURAL.exec(key);
      if (m) forms.set(base(key), [...(forms.get(base(key)) ?? []), m[1]!]);
    }
    for (const [key, have] of forms) expect(have.sort(), `${lng} ${key}`).toEqual(needed);
    if (lng === "ru") expect(needed).toEqual(["few", "many", "one", "other"]);
  });

  it("has no empty texts", () => {
    for (const lng of SUPPORTED_LOCALES) for (const [k, v] of texts(lng)) expect(v.trim(), `${lng} ${k}`).not.toBe("");
  });
});
