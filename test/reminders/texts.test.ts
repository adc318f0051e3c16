import { describe, expect, it } from "vitest";
import { loadResources } from "../../src/bot/i18n.js";
import { SUPPORTED_LOCALES } from "../../src/store/index.js";

/** Texts of /remind, /deadlines, /reminders, /settings, /help and /start: numbers come from facts or code, never typed. */
describe("reminder, help and start texts state no numbers of their own", () => {
  it.each(SUPPORTED_LOCALES)("%s: digits only in examples (<i>…</i>) and names such as B9-1 or C2", (lng) => {
    const res = loadResources()[lng] as Record<string, Record<string, unknown>>;
    const common = res.common!;
    const trees: Record<string, unknown> = {
      remind: res.remind,
      ...Object.fromEntries(["start", "help", "menu", "commands"].map((k) => [`common.${k}`, common[k]])),
    };
    const walk = (node: unknown, path: string): string[] =>
      typeof node === "string" ? [`${path}: ${node}`] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => walk(v, `${path}.${k}`));
    const lines = Object.entries(trees).flatMap(([k, v]) => walk(v, k));
    expect(lines.length).toBeGreaterThan(100);
    const offenders = lines
      .map((line) => line.replace(/<i>[^<]*<\/i>/g, "").replace(/\{\{[^}]+\}\}/g, "").replace(/\b[A-Z]\d+(-\d+)?\b/g, "").replace(/UTC\+\d/g, ""))
      .filter((line) => /\d/.test(line.slice(line.indexOf(": ") + 2)));
    expect(offenders).toEqual([]);
  });
});
