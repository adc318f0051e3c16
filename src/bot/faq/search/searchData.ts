import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { SUPPORTED_LOCALES, type Locale } from "../../../store/index.js";

const DATA_DIR = fileURLToPath(new URL("../searchData/", import.meta.url));

const schema = z.record(z.string(), z.object({ examples: z.array(z.string()), keywords: z.array(z.string()) }));
export type SearchData = z.infer<typeof schema>;

/** The curated example questions and keywords per topic, for each language, validated. */
export function loadSearchData(dir: string = DATA_DIR): Record<Locale, SearchData> {
  const out = {} as Record<Locale, SearchData>;
  for (const lng of SUPPORTED_LOCALES) out[lng] = schema.parse(JSON.parse(readFileSync(`${dir}${lng}.json`, "utf8")));
  return out;
}
