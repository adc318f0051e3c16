import { z } from "zod";
import { NBK_RATES_URL } from "./rates/nbkClient.js";

/** Settings that must never be echoed back, not even in an error message. */
const SECRET_SETTINGS = new Set(["BOT_TOKEN", "DATA_KEY", "WEBHOOK_SECRET", "DATABASE_URL"]);

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const baseSchema = z.object({
  BOT_API_ROOT: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.telegram.org" })
      .default("https://api.telegram.org")
      .transform((u) => u.replace(/\/+$/, "")),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
  DATA_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
        error: "must be 32 bytes written as 64 hex digits or 44 base64 characters",
      })
      .optional(),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(?:ql)?:\/\/\S+$/, { error: "must be a PostgreSQL URL such as postgres://user:password@host:5432/nomad" })
      .optional(),
  ),
  NBK_RATES_URL: z.preprocess(
    emptyToUndefined,
    z
      .union([z.literal("off"), z.url({ protocol: /^https?$/ })], {
        error: `must be an http(s) URL such as ${NBK_RATES_URL}, or "off"`,
      })
      .default(NBK_RATES_URL),
  ),
  // Reminder claims: how long one holds before another instance takes it over, and how often due ones are looked for.
  REMINDER_LEASE_MS: z.preprocess(emptyToUndefined, z.coerce.number({ error: "must be a number of milliseconds" }).int().min(1_000, { error: "must be at least 1000 (milliseconds)" }).default(120_000)),
  REMINDER_TICK_MS: z.preprocess(emptyToUndefined, z.coerce.number({ error: "must be a number of milliseconds" }).int().min(100, { error: "must be at least 100 (milliseconds)" }).default(15_000)),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === "string" ? emptyToUndefined(v.toLowerCase()) : v),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
});

const botToken = z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, {
  error: "must look like 123456:ABC-DEF… as given by @BotFather",
});

const configSchema = z
  .discriminatedUnion("mode", [
    // Long polling (BOT_MODE unset or "polling"): the default.
    baseSchema.extend({ mode: z.literal("telegram"), BOT_TOKEN: botToken }),
    // BOT_MODE=webhook: Telegram posts updates to WEBHOOK_URL; several instances may share one DATABASE_URL.
    baseSchema.extend({
      mode: z.literal("webhook"),
      BOT_TOKEN: botToken,
      WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be the public https URL Telegram posts updates to, e.g. https://bot.example.com/telegram" }),
      WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, { error: "must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -" }),
      PORT: z.preprocess(emptyToUndefined, z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535, { error: "must be a port number" }).default(8080)),
    }),
    baseSchema.extend({ mode: z.literal("local") }),
  ])
  .superRefine((c, ctx) => {
    // Instances that share a database must share its key: a key generated per instance could read nothing.
    if (c.DATABASE_URL && !c.DATA_KEY) ctx.addIssue({ code: "custom", path: ["DATA_KEY"], message: "must be set when DATABASE_URL is set (every instance needs the same key)" });
  });

export type Config = z.infer<typeof configSchema>;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Thrown for settings that cannot be used; its message is one line naming the setting. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Turns environment variables into a typed configuration. Pure: it reads only `env`,
 * touches no file and starts nothing. Without BOT_TOKEN the bot runs as a local terminal chat; with it,
 * long polling unless BOT_MODE=webhook.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const token = emptyToUndefined(env.BOT_TOKEN) as string | undefined;
  const botMode = (emptyToUndefined(env.BOT_MODE) as string | undefined)?.trim().toLowerCase() ?? "polling";
  if (botMode !== "polling" && botMode !== "webhook") throw new ConfigError(`Invalid setting BOT_MODE: must be polling or webhook (got ${JSON.stringify(String(env.BOT_MODE).slice(0, 60))})`);
  if (botMode === "webhook" && token === undefined) throw new ConfigError("Invalid setting BOT_TOKEN: must be set when BOT_MODE is webhook");
  const mode = token === undefined ? "local" : botMode === "webhook" ? "webhook" : "telegram";
  const input = { ...env, mode, BOT_TOKEN: token?.trim() };
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const setting = String(issue.path[0] ?? "config");
    const raw = env[setting];
    const shown = raw === undefined || SECRET_SETTINGS.has(setting) ? "" : ` (got ${JSON.stringify(raw.slice(0, 60))})`;
    return `Invalid setting ${setting}: ${issue.message}${shown}`;
  });
  throw new ConfigError(lines.join("; "));
}
