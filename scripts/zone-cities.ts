/**
 * Regenerates src/rules/reminders/data/zoneCities.json: the names of each time zone's exemplar city in
 * English, Russian, Kazakh and German, from the Unicode CLDR (package cldr-dates-full, main/<lng>/timeZoneNames.json).
 * The package is about 100 MB unpacked, so it is not a dependency: unpack it anywhere and point this at it:
 *
 *   npm pack cldr-dates-full@48.2.0 && tar xzf cldr-dates-full-48.2.0.tgz
 *   npx tsx scripts/zone-cities.ts ./package
 *
 * CLDR data is under the Unicode License v3, which allows redistribution with its notice (kept in the file).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const LOCALES = ["en", "ru", "kk", "de"] as const;
const root = process.argv[2];
if (!root) throw new Error("Usage: npx tsx scripts/zone-cities.ts <path to the unpacked cldr-dates-full package>");
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const cities: Record<string, Record<string, string>> = {};

function walk(node: Record<string, unknown>, path: string[], lng: string): void {
  for (const [key, value] of Object.entries(node)) {
    if (!value || typeof value !== "object") continue;
    const v = value as Record<string, unknown>;
    if (typeof v.exemplarCity === "string") (cities[[...path, key].join("/")] ??= {})[lng] = v.exemplarCity;
    else walk(v, [...path, key], lng);
  }
}

for (const lng of LOCALES) {
  const data = JSON.parse(readFileSync(join(root, "main", lng, "timeZoneNames.json"), "utf8"));
  walk(data.main[lng].dates.timeZoneNames.zone, [], lng);
}
const sorted = Object.fromEntries(Object.entries(cities).sort(([a], [b]) => a.localeCompare(b)));
const out = {
  source: `Unicode CLDR ${version} (npm cldr-dates-full), main/<lng>/timeZoneNames.json exemplarCity; regenerate with scripts/zone-cities.ts`,
  license: "Copyright © 1991-2025 Unicode, Inc. Unicode License v3: https://www.unicode.org/license.txt",
  cities: sorted,
};
writeFileSync(new URL("../src/rules/reminders/data/zoneCities.json", import.meta.url), `${JSON.stringify(out, null, 0)}\n`);
console.log(`${Object.keys(sorted).length} zones written`);
