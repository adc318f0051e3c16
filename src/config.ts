import { z } from "zod";

/** Settings that must never be echoed back, not even in an error message. */
const SECRET_SETTINGS = new Set(["BOT_TOKEN", "DATA_KEY"]);

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
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === "string" ? emptyToUndefined(v.toLowerCase()) : v),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
});

const configSchema = z.discriminatedUnion("mode", [
  baseSchema.extend({
    mode: z.literal("telegram"),
    BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, {
      error: "must look like 123456:ABC-DEF… as given by @BotFather",
    }),
  }),
  baseSchema.extend({ mode: z.literal("local") }),
]);

export type Config = z.infer<typeof configSchema>;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Thrown for settings that cannot be used; its message is one line naming the setting. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Turns environment variables into a typed configuration. Pure: it reads only `env`,
 * touches no file and starts nothing. Without BOT_TOKEN the bot runs as a local terminal chat.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const token = emptyToUndefined(env.BOT_TOKEN) as string | undefined;
  const input = { ...env, mode: token === undefined ? "local" : "telegram", BOT_TOKEN: token?.trim() };
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
